package org.tacit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.tacit.backup.Backups;
import org.tacit.search.SearchRebuild;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tacit backup FILE} and {@code tacit restore FILE} (docs/operations.md). */
final class BackupCommands {

	private BackupCommands() {
	}

	@Command(name = "backup", mixinStandardHelpOptions = true, description = {
			"Write a consistent backup (database and attached files) to FILE.",
			"While Tacit runs, the running server takes it: give a site administrator's API token with --token "
					+ "or TACIT_TOKEN. When Tacit is stopped, the command reads the data itself." })
	static final class Backup implements Callable<Integer> {

		@Parameters(index = "0", description = "the backup file to write (a zip)")
		Path file;

		@Option(names = "--server", description = "address of the running Tacit (default: http://localhost:$TACIT_PORT)")
		String server;

		@Option(names = "--token", description = "a site administrator's API token (default: $TACIT_TOKEN)")
		String token;

		@Override
		public Integer call() {
			PrintStream err = System.err;
			String address = server != null ? server
					: "http://localhost:" + System.getenv().getOrDefault("TACIT_PORT", "8080");
			String secret = token != null ? token : System.getenv("TACIT_TOKEN");
			try {
				Integer fromServer = fromServer(address, secret, err);
				if (fromServer != null) {
					return fromServer;
				}
				try (ConfigurableApplicationContext context = Cli.startWithoutWeb()) {
					report(context.getBean(Backups.class).write(file.toAbsolutePath()), err);
					return 0;
				}
			}
			catch (RuntimeException | IOException e) {
				err.println("Backup failed: " + e.getMessage());
				return 1;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return 1;
			}
		}

		/** The backup from the running server; null when no server answers there. */
		private Integer fromServer(String address, String secret, PrintStream err) throws IOException, InterruptedException {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
			try {
				client.send(HttpRequest.newBuilder(URI.create(address + "/actuator/health")).GET().build(),
						HttpResponse.BodyHandlers.discarding());
			}
			catch (ConnectException e) {
				return null;
			}
			if (secret == null || secret.isBlank()) {
				err.println("Tacit is running at " + address + ": give a site administrator's API token with --token "
						+ "or TACIT_TOKEN, so that the server takes the backup.");
				return 2;
			}
			Path partial = file.toAbsolutePath().resolveSibling(file.getFileName() + ".partial");
			HttpResponse<Path> answer = client.send(HttpRequest.newBuilder(URI.create(address + "/api/v1/backup"))
				.header("Authorization", "Bearer " + secret)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofFile(partial));
			if (answer.statusCode() != 200) {
				String problem = Files.readString(partial);
				Files.deleteIfExists(partial);
				err.println("The server refused the backup (" + answer.statusCode() + "): " + problem);
				return 1;
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
			err.printf("Backed up %s from %s: %d bytes%n", file, address, Files.size(file));
			return 0;
		}
	}

	@Command(name = "restore", mixinStandardHelpOptions = true, description = {
			"Restore a backup into an empty database and an empty data folder, then rebuild the search index.",
			"Tacit must be stopped. The database is TACIT_DB_URL (default: the embedded H2 of the data folder)." })
	static final class Restore implements Callable<Integer> {

		@Parameters(index = "0", description = "the backup file")
		Path file;

		@Option(names = "--data-dir", description = "the data folder to restore into (default: $TACIT_DATA_DIR or ./data)")
		Path dataDir;

		@Option(names = "--db-url", description = "JDBC URL of the empty database (default: $TACIT_DB_URL)")
		String url;

		@Option(names = "--db-user", description = "database user (default: $TACIT_DB_USER or sa)")
		String user;

		@Option(names = "--db-password", description = "database password (default: $TACIT_DB_PASSWORD)")
		String password;

		@Option(names = "--skip-reindex", description = "do not rebuild the search index (it is then empty until "
				+ "tacit reindex)")
		boolean skipReindex;

		@Override
		public Integer call() {
			PrintStream err = System.err;
			Path folder = (dataDir != null ? dataDir : Path.of(System.getenv().getOrDefault("TACIT_DATA_DIR", "data")))
				.toAbsolutePath()
				.normalize();
			String jdbc = url != null ? url : System.getenv("TACIT_DB_URL");
			if (jdbc == null || jdbc.isBlank()) {
				jdbc = "jdbc:h2:file:" + folder.resolve("db").resolve("tacit") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
			}
			String dbUser = user != null ? user : System.getenv().getOrDefault("TACIT_DB_USER", "sa");
			String dbPassword = password != null ? password : System.getenv().getOrDefault("TACIT_DB_PASSWORD", "");
			try {
				Files.createDirectories(folder);
				Backups.Summary summary = Backups.restore(file.toAbsolutePath(), jdbc, dbUser, dbPassword, folder);
				err.printf("Restored %s (taken %s, schema %s): %d rows, %d files%n", file, summary.takenAt(),
						summary.schemaVersion(), summary.totalRows(), summary.files());
				if (!skipReindex) {
					System.setProperty("tacit.data-dir", folder.toString());
					System.setProperty("spring.datasource.url", jdbc);
					System.setProperty("spring.datasource.username", dbUser);
					System.setProperty("spring.datasource.password", dbPassword);
					try (ConfigurableApplicationContext context = Cli.startWithoutWeb()) {
						SearchRebuild.Result rebuilt = context.getBean(SearchRebuild.class).rebuild((s, d, t) -> {
						});
						err.printf("Rebuilt the search index: %d documents%n", rebuilt.documents());
					}
				}
				return 0;
			}
			catch (RuntimeException | IOException e) {
				err.println("Restore failed: " + e.getMessage());
				return 1;
			}
		}
	}

	private static void report(Backups.Summary summary, PrintStream err) {
		err.printf("Backed up %d rows and %d files (schema %s)%n", summary.totalRows(), summary.files(),
				summary.schemaVersion());
	}
}
