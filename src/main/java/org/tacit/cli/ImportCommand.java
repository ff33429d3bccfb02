package org.tacit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tacit.library.MarkdownImport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tacit import markdown --org SLUG --space KEY DIR}: a folder of Markdown into a library space. */
@Command(name = "import", description = "Import knowledge from files.", mixinStandardHelpOptions = true,
		subcommands = ImportCommand.Markdown.class)
final class ImportCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		System.err.println("Say what to import, for example: tacit import markdown --org acme --space GUIDE ./docs");
		return 2;
	}

	@Command(name = "markdown", mixinStandardHelpOptions = true,
			description = "Import every .md file of a folder (and its sub-folders) as an item of a space. "
					+ "Front matter may give title, kind, summary and tags. Running it again updates changed files.")
	static final class Markdown implements Callable<Integer> {

		@Option(names = "--org", required = true, description = "the organization's slug")
		String org;

		@Option(names = "--space", required = true, description = "the space key")
		String space;

		@Option(names = "--as", description = "id or email of the member the items are created as (default: the "
				+ "organization's first administrator)")
		String actingPerson;

		@Option(names = "--draft", description = "leave new items as drafts instead of publishing them")
		boolean draft;

		@Parameters(index = "0", description = "the folder to import")
		Path folder;

		@Override
		public Integer call() {
			PrintStream err = System.err;
			try (ConfigurableApplicationContext context = Cli.startWithoutWeb()) {
				MarkdownImport.Result result = context.getBean(MarkdownImport.class)
					.importFolder(org, space, folder, actingPerson, !draft, new ProgressBar(err, "Importing"));
				err.println();
				System.out.printf("Imported %s: %d created, %d updated, %d unchanged, %d skipped%n", folder,
						result.created(), result.updated(), result.unchanged(), result.problems().size());
				result.problems().forEach(problem -> err.println("  skipped " + problem));
				return result.problems().isEmpty() ? 0 : 1;
			}
			catch (RuntimeException e) {
				err.println();
				err.println("Import failed: " + describe(e));
				return 1;
			}
		}

		private static String describe(RuntimeException e) {
			if (e instanceof org.tacit.shared.ProblemException problem && problem.status().value() == 404) {
				return "the organization, space or acting person was not found";
			}
			return e.getMessage();
		}
	}

	/** A one-line text progress bar on the error stream, redrawn in place. */
	static final class ProgressBar implements MarkdownImport.Progress {

		private static final int WIDTH = 30;
		private final PrintStream out;
		private final String label;
		private int lastPercent = -1;

		ProgressBar(PrintStream out, String label) {
			this.out = out;
			this.label = label;
		}

		@Override
		public void done(int done, int total) {
			int percent = total == 0 ? 100 : (int) (100L * done / total);
			if (percent == lastPercent && done != total) {
				return;
			}
			lastPercent = percent;
			int filled = WIDTH * percent / 100;
			out.printf("\r%s [%s%s] %3d%% %d/%d", label, "#".repeat(filled), "-".repeat(WIDTH - filled), percent, done,
					total);
			out.flush();
		}
	}

	/**
	 * Starts the application without its web server, making only the beans the command uses (lazy
	 * initialization: a command does not pay for metrics, templates or mail it never touches). The
	 * embedded database and the search index belong to one process at a time, so a running server is
	 * reported in one clear sentence.
	 */
	static ConfigurableApplicationContext start(Class<?> application) {
		try {
			return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
				.lazyInitialization(true)
				// nobody searches while a command runs: the index is made searchable and durable when it closes
				// (a command that dies leaves the marker behind, and the next start rebuilds from the database)
				.properties("spring.main.banner-mode=off", "tacit.search.refresh-interval=1h",
						"tacit.search.commit-interval=1h",
						// vectors follow at the next start of the server, which finds what is missing
						"tacit.search.vectors.background=false", "logging.level.root=WARN", "logging.level.org.tacit=WARN",
						"logging.level.org.springframework.boot.SpringApplication=OFF",
						"logging.level.org.springframework.boot.diagnostics=OFF",
						"logging.level.org.springframework.context=ERROR")
				.run();
		}
		catch (RuntimeException e) {
			for (Throwable cause = e; cause != null; cause = cause.getCause()) {
				String message = String.valueOf(cause.getMessage());
				if (message.contains("already in use") || message.contains("Lock held") || message.contains("write.lock")) {
					throw new IllegalStateException("The data in TACIT_DATA_DIR is in use by a running Tacit. "
							+ "Stop the server first, then run this command again.", e);
				}
			}
			throw e;
		}
	}
}
