package org.tacit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.tacit.search.SearchRebuild;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * Entry point of {@code java -jar tacit.jar <command>}. Commands that need no database (help,
 * version) run without starting Spring, so they answer in a fraction of a second.
 */
@Command(name = "tacit", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
		description = "Tacit knowledge management platform.",
		subcommands = { Cli.Serve.class, ImportCommand.class, Cli.Reindex.class, BackupCommands.Backup.class,
				BackupCommands.Restore.class, Cli.Version.Print.class,
				CommandLine.HelpCommand.class })
public final class Cli implements Callable<Integer> {

	/** Exit code of {@code serve}: the web server keeps the JVM alive, main() must not exit it. */
	public static final int KEEP_RUNNING = -1;

	private static Class<?> application;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	public static int run(Class<?> applicationClass, String... args) {
		application = applicationClass;
		return new CommandLine(new Cli()).execute(args.length == 0 ? new String[] { "serve" } : args);
	}

	/** The application without its web server, for commands that work on the data and exit. */
	static org.springframework.context.ConfigurableApplicationContext startWithoutWeb() {
		return ImportCommand.start(application);
	}

	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getOut());
		return 0;
	}

	@Command(name = "serve", description = "Start the Tacit web server (the default command).",
			mixinStandardHelpOptions = true)
	static final class Serve implements Callable<Integer> {

		@CommandLine.Unmatched
		String[] springArguments = new String[0];

		@Override
		public Integer call() {
			SpringApplication.run(application, springArguments);
			return KEEP_RUNNING;
		}
	}

	@Command(name = "reindex", mixinStandardHelpOptions = true,
			description = { "Rebuild the search index from the database, showing progress.",
					"Stop the server first: the index has one writer." })
	static final class Reindex implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@CommandLine.Option(names = "--vectors", description = "embed every record again for semantic search "
				+ "(the text index is kept); otherwise the server embeds what changed in the background")
		boolean vectors;

		@Override
		public Integer call() {
			PrintWriter err = spec.commandLine().getErr();
			try (ConfigurableApplicationContext context = startWithoutWeb()) {
				ProgressBar bar = new ProgressBar(err);
				if (vectors) {
					long start = System.nanoTime();
					long passages = context.getBean(SearchRebuild.class).rebuildVectors(bar);
					bar.finish();
					err.printf("Rebuilt the vectors of semantic search: %d passages in %.1f s%n", passages,
							(System.nanoTime() - start) / 1e9);
					err.flush();
					return 0;
				}
				SearchRebuild.Result result = context.getBean(SearchRebuild.class).rebuild(bar);
				bar.finish();
				err.printf("Rebuilt the search index: %d documents in %.1f s%n", result.documents(),
						result.took().toMillis() / 1000.0);
				err.flush();
				return 0;
			}
			catch (RuntimeException e) {
				err.println();
				err.println("tacit reindex failed: " + e.getMessage());
				err.flush();
				return 1;
			}
		}
	}

	/** A text progress bar on one line, redrawn when the percentage or the source changes. */
	static final class ProgressBar implements SearchRebuild.Progress {

		private static final int WIDTH = 30;

		private final PrintWriter out;
		private int lastPercent = -1;
		private String lastSource = "";

		ProgressBar(PrintWriter out) {
			this.out = out;
		}

		@Override
		public void update(String source, long done, long total) {
			int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
			if (percent == lastPercent && source.equals(lastSource)) {
				return;
			}
			lastPercent = percent;
			lastSource = source;
			int filled = percent * WIDTH / 100;
			out.printf("\r[%s%s] %3d%% %d/%d %s", "#".repeat(filled), "-".repeat(WIDTH - filled), percent, done, total,
					source);
			out.flush();
		}

		void finish() {
			out.println();
			out.flush();
		}
	}

	/** Reads the version written by the build into META-INF/build-info.properties. */
	static final class Version implements IVersionProvider {

		static String current() {
			try (InputStream in = Cli.class.getResourceAsStream("/META-INF/build-info.properties")) {
				if (in == null) {
					return "development";
				}
				Properties properties = new Properties();
				properties.load(in);
				return properties.getProperty("build.version", "development");
			}
			catch (IOException e) {
				return "development";
			}
		}

		@Override
		public String[] getVersion() {
			return new String[] { "Tacit " + current() };
		}

		@Command(name = "version", description = "Print the version of Tacit.")
		static final class Print implements Callable<Integer> {

			@CommandLine.Spec
			CommandLine.Model.CommandSpec spec;

			@Override
			public Integer call() {
				PrintWriter out = spec.commandLine().getOut();
				out.println("Tacit " + current());
				out.flush();
				return 0;
			}
		}
	}
}
