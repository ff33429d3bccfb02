package org.tacit.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.TacitApplication;
import org.tacit.cli.Cli;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * A backup taken from the running server (through {@code tacit backup}, which asks the server), restored
 * into an empty H2 database (and, when the suite runs on PostgreSQL, into an empty PostgreSQL database):
 * every row of every table (items, versions, attachments, permissions, audit entries, ...) is back, and
 * every attached file with its checksum.
 */
@TacitTest
class BackupRestoreTests {

	/** Changes outside any backup's control: when a token was last used (the backup's own call uses one). */
	private static final List<String> VOLATILE = List.of("last_used_at");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path temp;

	@Test
	void aBackupOfTheRunningServerRestoresEveryRowAndFile() throws Exception {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPEN");
		library.space("CLOSED", true);
		TestData.Person editor = data.member(org, "EDITOR");
		Http admin = Http.api(port, org.admin().token());
		String base = "/api/v1/orgs/" + org.slug();
		admin.put(base + "/spaces/CLOSED/members/" + editor.id(), Map.of("role", "VIEWER"));
		String item = library.published("OPEN", "CHECKLIST", "Backed up", "- [ ] one\n- [ ] two", "backup").get("id")
			.asString();
		admin.put(base + "/items/" + item, Map.of("version", 1, "title", "Backed up twice", "body", "- [ ] three"));
		admin.post(base + "/items/" + item + "/comments", Map.of("body", "Kept"));
		admin.postMultipart(base + "/items/" + item + "/attachments", Map.of(),
				Http.FilePart.of("notes.txt", "text/plain", "the attached words".getBytes(StandardCharsets.UTF_8)));

		Path file = temp.resolve("tacit.zip");
		int code = Cli.run(TacitApplication.class, "backup", "--server", "http://localhost:" + port, "--token",
				org.admin().token(), file.toString());
		assertThat(code).isZero();
		assertThat(file).isRegularFile();

		Path h2 = temp.resolve("restored-h2");
		String h2Url = "jdbc:h2:file:" + h2.resolve("db").resolve("tacit") + ";DB_CLOSE_ON_EXIT=FALSE";
		Backups.Summary restored = Backups.restore(file, h2Url, "sa", "", h2);
		assertThat(restored.rows().get("library_item")).isPositive();
		assertThat(restored.files()).isPositive();
		try (Connection source = dataSource.getConnection(); Connection target = DriverManager.getConnection(h2Url, "sa", "")) {
			assertSameContent(source, target, restored.rows().keySet());
		}
		assertFilesWhole(h2, h2Url, "sa", "");

		try (Connection source = dataSource.getConnection()) {
			if (source.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
				String url = source.getMetaData().getURL();
				String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_restore";
				try (Statement statement = source.createStatement()) {
					statement.execute("DROP DATABASE IF EXISTS " + database);
					statement.execute("CREATE DATABASE " + database);
				}
				String pgUrl = url.substring(0, url.lastIndexOf('/') + 1) + database;
				String user = source.getMetaData().getUserName();
				Path pg = temp.resolve("restored-pg");
				int restoreCode = Cli.run(TacitApplication.class, "restore", "--skip-reindex", "--data-dir", pg.toString(),
						"--db-url", pgUrl, "--db-user", user, "--db-password", "", file.toString());
				assertThat(restoreCode).isZero();
				try (Connection target = DriverManager.getConnection(pgUrl, user, "")) {
					assertSameContent(source, target, restored.rows().keySet());
				}
				assertFilesWhole(pg, pgUrl, user, "");
				try (Statement statement = source.createStatement()) {
					statement.execute("DROP DATABASE IF EXISTS " + database);
				}
			}
		}
	}

	@Test
	void aRestoreIntoADatabaseThatIsNotEmptyIsRefused() throws Exception {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		Path file = temp.resolve("refuse.zip");
		assertThat(Cli.run(TacitApplication.class, "backup", "--server", "http://localhost:" + port, "--token",
				org.admin().token(), file.toString())).isZero();
		Path target = temp.resolve("twice");
		String url = "jdbc:h2:file:" + target.resolve("db").resolve("tacit") + ";DB_CLOSE_ON_EXIT=FALSE";
		Backups.restore(file, url, "sa", "", target);

		int again = Cli.run(TacitApplication.class, "restore", "--skip-reindex", "--data-dir", target.toString(), "--db-url",
				url, file.toString());

		assertThat(again).isEqualTo(1);
	}

	@Test
	void onlySiteAdministratorsMayTakeABackup() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		TestData.Person orgAdmin = data.member(org, "ADMIN");
		assertThat(Http.api(port, orgAdmin.token()).post("/api/v1/backup", "{}").status()).isEqualTo(403);
		assertThat(Http.api(port, null).post("/api/v1/backup", "{}").status()).isEqualTo(401);
	}

	private static void assertSameContent(Connection source, Connection target, Iterable<String> tables) throws Exception {
		for (String table : tables) {
			if (table.equals("event_publication")) {
				continue; // listeners finish their work after the snapshot
			}
			assertThat(rows(target, table)).as(table).containsExactlyInAnyOrderElementsOf(rows(source, table));
		}
	}

	/** Every row of a table, each as a text that does not depend on the database product. */
	private static List<String> rows(Connection connection, String table) throws Exception {
		List<String> rows = new ArrayList<>();
		String name = table;
		if (connection.getMetaData().getDatabaseProductName().contains("H2")) {
			name = table.toUpperCase(Locale.ROOT);
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM \"" + name + "\"")) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				Map<String, String> row = new TreeMap<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
					if (VOLATILE.contains(column)) {
						continue;
					}
					Object value = rs.getObject(i);
					if (value instanceof java.sql.Timestamp || value instanceof OffsetDateTime) {
						value = rs.getObject(i, OffsetDateTime.class).toInstant();
					}
					if (value instanceof byte[] bytes) {
						// binary columns (a process map's BPMN file) compare by content
						value = "bytes:" + java.util.HexFormat.of().formatHex(
								java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
					}
					row.put(column, String.valueOf(value));
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

	private static void assertFilesWhole(Path dataDir, String url, String user, String password) throws Exception {
		try (Connection restored = DriverManager.getConnection(url, user, password);
				Statement statement = restored.createStatement();
				ResultSet rs = statement.executeQuery("SELECT content_hash FROM library_attachment")) {
			int files = 0;
			while (rs.next()) {
				String hash = rs.getString(1);
				Path file = Backups.attachments(dataDir).resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
				assertThat(file).isRegularFile();
				try (InputStream in = Files.newInputStream(file)) {
					assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())))
						.isEqualTo(hash);
				}
				files++;
			}
			assertThat(files).isPositive();
		}
	}
}
