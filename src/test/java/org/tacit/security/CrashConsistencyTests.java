package org.tacit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tacit.support.Http;

import tools.jackson.databind.JsonNode;

/**
 * Crash consistency with real processes: a Tacit server (a JVM of its own, on the suite's kind of
 * database) gets an organization and a space; then {@code tacit import markdown} (another JVM) imports a
 * folder of 10,000 Markdown files, each linking an attached file, and is killed with SIGKILL in the middle.
 * The restarted server must show every item the import had reported done, each whole (its body, its one
 * version, its attached file with the same bytes), no other half-written item, and a search index that
 * agrees with the database (the index was left open: it is rebuilt at start).
 */
class CrashConsistencyTests {

	private static final int FILES = 10_000;
	private static final int KILL_AFTER = 150;
	private static final String WORD = "wallaroo";
	private static final String TOKEN = "tacit_crash-consistency-test-token-0123456789";
	private static final Pattern PROGRESS = Pattern.compile("(\\d+)/" + FILES);

	@TempDir
	Path temp;

	private final List<Process> processes = new ArrayList<>();
	private String database;

	@AfterEach
	void stop() throws Exception {
		for (Process process : processes) {
			process.destroyForcibly().waitFor();
		}
		if (database != null) {
			try (Connection admin = DriverManager.getConnection(serverUrl() + "postgres", user(), "");
					Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + database);
			}
		}
	}

	@Test
	void anImportKilledInTheMiddleLeavesOnlyWholeItemsAndAnIndexThatAgrees() throws Exception {
		Path data = Files.createDirectories(temp.resolve("data"));
		Path folder = markdownFolder();
		Map<String, String> environment = environment(data);
		int port = freePort();

		Process first = start(environment, "serve", "--server.port=" + port);
		Http api = Http.api(port, TOKEN);
		awaitUp(api, first);
		MatrixFixture.check(api.post("/api/v1/orgs", Map.of("name", "Crash", "slug", "crash")), 201);
		MatrixFixture.check(api.post("/api/v1/orgs/crash/spaces", Map.of("key", "BULK", "name", "Bulk")), 201);
		first.destroy(); // a clean stop: the import needs the embedded database to itself
		assertThat(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

		Process importing = start(environment, "import", "markdown", "--org", "crash", "--space", "BULK",
				folder.toString());
		long started = System.nanoTime();
		AtomicInteger reported = new AtomicInteger();
		Thread reader = Thread.ofVirtual().start(() -> readProgress(importing.getErrorStream(), reported));
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(20)).until(() -> {
			assertThat(importing.isAlive()).as("the import is still running").isTrue();
			return reported.get() >= KILL_AFTER;
		});
		importing.destroyForcibly(); // SIGKILL, in the middle of a file
		importing.waitFor();
		int acknowledged = reported.get();
		// the import's speed on this machine, for docs/security.md (the whole 10,000 would take FILES / rate)
		System.out.printf("Import: %d files reported in %.1f s (JVM start included) before the kill%n", acknowledged,
				(System.nanoTime() - started) / 1e9);
		reader.join(5_000);
		assertThat(acknowledged).isLessThan(FILES);

		Process restarted = start(environment, "serve", "--server.port=" + port);
		awaitUp(api, restarted);
		String base = "/api/v1/orgs/crash";
		List<JsonNode> items = new ArrayList<>();
		for (int page = 0;; page++) {
			JsonNode listed = api.get(base + "/items?size=100&sort=TITLE&page=" + page).json();
			listed.get("items").forEach(items::add);
			if (items.size() >= listed.get("totalItems").asInt()) {
				break;
			}
		}
		// the import reports its progress at each percent, and it went on between our last read and the kill:
		// items after the last report may be there or not, and each one that is must be whole (checked below)
		assertThat(items.size()).as("every item the import reported done is there").isGreaterThanOrEqualTo(acknowledged)
			.as("the kill came in the middle").isLessThan(FILES);
		for (JsonNode listed : items) {
			String id = listed.get("id").asString();
			int n = Integer.parseInt(listed.get("title").asString().replaceAll("\\D", ""));
			JsonNode item = api.get(base + "/items/" + id).json();
			assertThat(item.get("body").asString()).isEqualTo(body(n));
			assertThat(item.get("status").asString()).isEqualTo("PUBLISHED");
			assertThat(api.get(base + "/items/" + id + "/versions").json().get("totalItems").asInt()).isEqualTo(1);
			JsonNode files = api.get(base + "/items/" + id + "/attachments").json();
			assertThat(files.size()).as("item %d has its file", n).isEqualTo(1);
			Http.Binary file = api.getBytes(base + "/items/" + id + "/attachments/" + files.get(0).get("id").asString());
			assertThat(file.status()).as("the file of item %d is on disk", n).isEqualTo(200);
			assertThat(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(attachment(n));
		}
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
				api.get(base + "/search?type=item&q=" + WORD + "&size=1").json().get("total").asInt())
			.as("the index agrees with the database").isEqualTo(items.size()));
	}

	private Path markdownFolder() throws IOException {
		Path folder = Files.createDirectories(temp.resolve("handbook"));
		Path files = Files.createDirectories(folder.resolve("files"));
		for (int n = 1; n <= FILES; n++) {
			String name = String.format("%05d", n);
			Files.writeString(folder.resolve("page-" + name + ".md"), "---\ntitle: Page " + name + "\n---\n" + body(n));
			Files.writeString(files.resolve("notes-" + name + ".txt"), attachment(n));
		}
		return folder;
	}

	private static String body(int n) {
		String name = String.format("%05d", n);
		return "Procedure " + n + " about the " + WORD + ".\n\nSee [the notes](files/notes-" + name + ".txt).\n";
	}

	private static String attachment(int n) {
		return "Notes for procedure " + n + ": " + "check twice. ".repeat(1 + n % 7);
	}

	private static void readProgress(InputStream err, AtomicInteger reported) {
		StringBuilder recent = new StringBuilder();
		try {
			for (int c; (c = err.read()) != -1;) {
				recent.append((char) c);
				if (c == '\r' || c == '\n' || recent.length() > 200) {
					Matcher m = PROGRESS.matcher(recent);
					while (m.find()) {
						reported.set(Math.max(reported.get(), Integer.parseInt(m.group(1))));
					}
					recent.setLength(0);
				}
			}
		}
		catch (IOException e) {
			// the process was killed
		}
	}

	private Map<String, String> environment(Path data) throws Exception {
		Map<String, String> env = new java.util.HashMap<>();
		env.put("TACIT_DATA_DIR", data.toString());
		env.put("TACIT_ADMIN_EMAIL", "crash@example.org");
		env.put("TACIT_ADMIN_PASSWORD", "correct horse battery");
		env.put("TACIT_ADMIN_TOKEN", TOKEN);
		env.put("TACIT_API_RATE_LIMIT_REQUESTS_PER_MINUTE", "1000000");
		String suiteDatabase = System.getenv("TACIT_DB_URL");
		if (suiteDatabase != null && suiteDatabase.startsWith("jdbc:postgresql:")) {
			database = suiteDatabase.substring(suiteDatabase.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_crash";
			try (Connection admin = DriverManager.getConnection(serverUrl() + "postgres", user(), "");
					Statement statement = admin.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + database);
				statement.execute("CREATE DATABASE " + database);
			}
			env.put("TACIT_DB_URL", serverUrl() + database);
			env.put("TACIT_DB_USER", user());
			env.put("TACIT_DB_PASSWORD", System.getenv().getOrDefault("TACIT_DB_PASSWORD", ""));
		}
		return env;
	}

	private static String serverUrl() {
		String url = System.getenv("TACIT_DB_URL");
		return url.substring(0, url.lastIndexOf('/') + 1);
	}

	private static String user() {
		return System.getenv().getOrDefault("TACIT_DB_USER", "postgres");
	}

	/** Tacit in a JVM of its own, on the classes this build just compiled. */
	private Process start(Map<String, String> environment, String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", "-Xmx768m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.tacit.TacitApplication"));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
		builder.environment().putAll(environment);
		builder.redirectOutput(temp.resolve("process-" + processes.size() + ".out").toFile());
		if (!arguments[0].equals("import")) {
			builder.redirectError(temp.resolve("process-" + processes.size() + ".err").toFile());
		}
		Process process = builder.start();
		processes.add(process);
		return process;
	}

	private void awaitUp(Http api, Process process) throws IOException {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
			.until(() -> !process.isAlive() || answers(api));
		assertThat(process.isAlive()).as("the server started; its log: %s", log(process)).isTrue();
	}

	private static boolean answers(Http api) {
		try {
			return api.get("/api/v1/me").status() == 200;
		}
		catch (IllegalStateException e) {
			return false; // not listening yet
		}
	}

	private String log(Process process) throws IOException {
		Path err = temp.resolve("process-" + processes.indexOf(process) + ".err");
		return Files.exists(err) ? Files.readString(err) : "";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
