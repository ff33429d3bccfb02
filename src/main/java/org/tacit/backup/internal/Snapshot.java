package org.tacit.backup.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The backup format: a zip of {@code manifest.json}, one {@code tables/<table>.jsonl} per table (a JSON
 * object per row, column names in lower case) and {@code attachments/ab/cd/<hash>} for every file a row
 * names in a {@code content_hash} column. Every table is read in one transaction that sees one snapshot
 * of the database (PostgreSQL REPEATABLE READ, H2 SNAPSHOT), so the backup is consistent while Tacit runs;
 * files never change once written, and one removed after the snapshot was taken makes the backup start
 * again. The format is the same for H2 and PostgreSQL, so a backup of one restores into the other.
 */
public final class Snapshot {

	static final String FORMAT = "tacit-backup-1";
	private static final String HISTORY = "flyway_schema_history";
	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int ATTEMPTS = 3;

	/** What a backup holds. */
	public record Summary(String schemaVersion, Instant takenAt, Map<String, Long> rows, int files) {
	}

	private Snapshot() {
	}

	/** Writes a snapshot to {@code target} (through a temporary file beside it, moved into place when whole). */
	public static Summary write(DataSource dataSource, Path attachments, Path target) throws IOException, SQLException {
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		for (int attempt = 1;; attempt++) {
			try (OutputStream out = Files.newOutputStream(partial)) {
				Summary summary = write(dataSource, attachments, out);
				out.close();
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				return summary;
			}
			catch (NoSuchFileException e) {
				// a file was removed after the snapshot was taken (its row with it): take a newer snapshot
				Files.deleteIfExists(partial);
				if (attempt == ATTEMPTS) {
					throw new IOException("Attached files kept disappearing while the backup was taken; try again", e);
				}
			}
			catch (IOException | SQLException | RuntimeException e) {
				Files.deleteIfExists(partial);
				throw e;
			}
		}
	}

	private static Summary write(DataSource dataSource, Path attachments, OutputStream out)
			throws IOException, SQLException {
		Instant takenAt = Instant.now();
		Map<String, Long> rows = new TreeMap<>();
		Set<String> hashes = new TreeSet<>();
		String schemaVersion;
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				snapshotIsolation(connection);
				schemaVersion = schemaVersion(connection);
				for (String table : tables(connection)) {
					zip.putNextEntry(new ZipEntry("tables/" + table.toLowerCase(Locale.ROOT) + ".jsonl"));
					rows.put(table.toLowerCase(Locale.ROOT), dump(connection, table, zip, hashes));
					zip.closeEntry();
				}
				connection.commit();
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
				connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			}
		}
		for (String hash : hashes) {
			zip.putNextEntry(new ZipEntry("attachments/" + relative(hash)));
			try (InputStream in = Files.newInputStream(attachments.resolve(relative(hash)))) {
				in.transferTo(zip);
			}
			zip.closeEntry();
		}
		Summary summary = new Summary(schemaVersion, takenAt, rows, hashes.size());
		ObjectNode manifest = JSON.createObjectNode();
		manifest.put("format", FORMAT);
		manifest.put("schemaVersion", schemaVersion);
		manifest.put("takenAt", takenAt.toString());
		manifest.put("database", databaseName(dataSource));
		manifest.set("rows", JSON.valueToTree(rows));
		manifest.put("files", hashes.size());
		zip.putNextEntry(new ZipEntry("manifest.json"));
		zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
		zip.closeEntry();
		zip.finish();
		return summary;
	}

	private static String databaseName(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
	}

	private static void snapshotIsolation(Connection connection) throws SQLException {
		if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2")) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
			}
		}
		else {
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
		}
	}

	private static String relative(String hash) {
		if (!HASH.matcher(hash).matches()) {
			throw new IllegalStateException("Not a content hash: " + hash);
		}
		return hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash;
	}

	/** The application's tables in an order where every table comes after the tables it refers to. */
	static List<String> tables(Connection connection) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		String schema = connection.getSchema();
		Map<String, Set<String>> references = new TreeMap<>();
		try (ResultSet rs = meta.getTables(null, schema, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				String name = rs.getString("TABLE_NAME");
				if (!name.equalsIgnoreCase(HISTORY)) {
					references.put(name, new TreeSet<>());
				}
			}
		}
		for (String table : references.keySet()) {
			try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
				while (rs.next()) {
					String parent = rs.getString("PKTABLE_NAME");
					if (!parent.equals(table)) {
						references.get(table).add(parent);
					}
				}
			}
		}
		List<String> ordered = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		while (placed.size() < references.size()) {
			boolean progress = false;
			for (Map.Entry<String, Set<String>> entry : references.entrySet()) {
				if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
					placed.add(entry.getKey());
					ordered.add(entry.getKey());
					progress = true;
				}
			}
			if (!progress) {
				throw new IllegalStateException("The tables refer to each other in a circle: " + references);
			}
		}
		return ordered;
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		String history = actualName(connection, HISTORY);
		if (history == null) {
			throw new IllegalStateException("The database has no Flyway history: it is not a Tacit database");
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT \"version\" FROM " + quote(history)
						+ " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
			if (!rs.next()) {
				throw new IllegalStateException("No migration has been applied to this database");
			}
			return rs.getString(1);
		}
	}

	/** The name of a table as the database spells it (H2 upper-cases unquoted names), or null. */
	static String actualName(Connection connection, String table) throws SQLException {
		try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
					return rs.getString("TABLE_NAME");
				}
			}
		}
		return null;
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static long dump(Connection connection, String table, OutputStream out, Set<String> hashes)
			throws SQLException, IOException {
		long count = 0;
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + quote(table))) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				ObjectNode row = JSON.createObjectNode();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
					row.set(column, JSON.valueToTree(read(rs, i, meta.getColumnType(i), meta.getColumnTypeName(i))));
					if (column.equals("content_hash") && rs.getString(i) != null) {
						hashes.add(rs.getString(i));
					}
				}
				out.write(JSON.writeValueAsBytes(row));
				out.write('\n');
				count++;
			}
		}
		return count;
	}

	private static Object read(ResultSet rs, int i, int type, String typeName) throws SQLException {
		if (typeName.equalsIgnoreCase("uuid")) {
			Object value = rs.getObject(i, UUID.class);
			return value == null ? null : value.toString();
		}
		if (zoned(type, typeName)) {
			return text(rs.getObject(i, OffsetDateTime.class));
		}
		return switch (type) {
			case Types.TIMESTAMP -> text(rs.getObject(i, LocalDateTime.class));
			case Types.DATE -> text(rs.getObject(i, LocalDate.class));
			case Types.BOOLEAN, Types.BIT -> rs.getObject(i) == null ? null : rs.getBoolean(i);
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rs.getObject(i) == null ? null : rs.getLong(i);
			case Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getBigDecimal(i);
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
				byte[] bytes = rs.getBytes(i);
				yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
			}
			default -> rs.getString(i);
		};
	}

	/** A timestamp with a time zone: PostgreSQL's driver calls {@code timestamptz} a plain TIMESTAMP. */
	private static boolean zoned(int type, String typeName) {
		return type == Types.TIMESTAMP_WITH_TIMEZONE
				|| type == Types.TIMESTAMP && typeName.toLowerCase(Locale.ROOT).matches("timestamptz|.*with time zone.*");
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	/**
	 * Restores a backup into an empty database and an empty attachment folder: the schema as it was when
	 * the backup was taken (Flyway to that version), every row, every file (checked against its hash).
	 * Newer migrations of this version of Tacit run at its next start.
	 */
	public static Summary restore(Path archive, Connection connection, Path attachments, Migrator migrator)
			throws IOException, SQLException {
		try (ZipFile zip = new ZipFile(archive.toFile(), StandardCharsets.UTF_8)) {
			ZipEntry manifestEntry = zip.getEntry("manifest.json");
			if (manifestEntry == null) {
				throw new IllegalArgumentException(archive + " is not a Tacit backup (no manifest.json)");
			}
			JsonNode manifest;
			try (InputStream in = zip.getInputStream(manifestEntry)) {
				manifest = JSON.readTree(in);
			}
			if (!FORMAT.equals(manifest.path("format").asString(""))) {
				throw new IllegalArgumentException(archive + " is not a backup this version of Tacit can read");
			}
			if (actualName(connection, HISTORY) != null) {
				throw new IllegalStateException("The database is not empty: restore into an empty database");
			}
			if (Files.isDirectory(attachments)) {
				try (var entries = Files.list(attachments)) {
					if (entries.anyMatch(p -> !p.getFileName().toString().startsWith("incoming-"))) {
						throw new IllegalStateException("The attachment folder " + attachments
								+ " is not empty: restore into an empty data folder");
					}
				}
			}
			String schemaVersion = manifest.get("schemaVersion").asString();
			migrator.migrateTo(schemaVersion);

			Map<String, Long> rows = new TreeMap<>();
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				for (String table : tables(connection)) {
					String name = table.toLowerCase(Locale.ROOT);
					ZipEntry entry = zip.getEntry("tables/" + name + ".jsonl");
					rows.put(name, entry == null ? 0 : load(connection, table, zip.getInputStream(entry)));
				}
				JsonNode expected = manifest.get("rows");
				for (Map.Entry<String, Long> restored : rows.entrySet()) {
					long wanted = expected.path(restored.getKey()).asLong(0);
					if (wanted != restored.getValue()) {
						throw new IllegalStateException("Table " + restored.getKey() + ": " + restored.getValue()
								+ " rows restored, the backup has " + wanted);
					}
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException | IOException e) {
				connection.rollback();
				throw e;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
			int files = 0;
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				if (!entry.getName().startsWith("attachments/") || entry.isDirectory()) {
					continue;
				}
				String hash = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
				Path target = attachments.resolve(relative(hash));
				Files.createDirectories(target.getParent());
				try (InputStream in = zip.getInputStream(entry)) {
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
				if (!sha256(target).equals(hash)) {
					throw new IllegalStateException("The backup's copy of file " + hash + " is damaged");
				}
				files++;
			}
			return new Summary(schemaVersion, Instant.parse(manifest.get("takenAt").asString()), rows, files);
		}
	}

	/** Brings an empty database to a schema version. */
	@FunctionalInterface
	public interface Migrator {
		void migrateTo(String version);
	}

	private static long load(Connection connection, String table, InputStream in) throws SQLException, IOException {
		Map<String, Integer> types = new LinkedHashMap<>();
		Map<String, String> typeNames = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + quote(table) + " WHERE 1 = 0")) {
			ResultSetMetaData meta = rs.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				String name = meta.getColumnLabel(i);
				names.put(name.toLowerCase(Locale.ROOT), name);
				types.put(name.toLowerCase(Locale.ROOT), meta.getColumnType(i));
				typeNames.put(name.toLowerCase(Locale.ROOT), meta.getColumnTypeName(i));
			}
		}
		List<String> columns = new ArrayList<>(names.keySet());
		StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(table)).append(" (");
		for (int i = 0; i < columns.size(); i++) {
			sql.append(i == 0 ? "" : ", ").append(quote(names.get(columns.get(i))));
		}
		sql.append(") VALUES (").append("?, ".repeat(columns.size() - 1)).append("?)");
		long count = 0;
		try (PreparedStatement insert = connection.prepareStatement(sql.toString());
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line; (line = reader.readLine()) != null;) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode row = JSON.readTree(line);
				for (int i = 0; i < columns.size(); i++) {
					String column = columns.get(i);
					bind(insert, i + 1, row.get(column), types.get(column), typeNames.get(column));
				}
				insert.addBatch();
				if (++count % 500 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
		return count;
	}

	private static void bind(PreparedStatement insert, int index, JsonNode value, int type, String typeName)
			throws SQLException {
		if (value == null || value.isNull()) {
			insert.setNull(index, type);
			return;
		}
		if (typeName.equalsIgnoreCase("uuid")) {
			insert.setObject(index, UUID.fromString(value.asString()));
			return;
		}
		if (zoned(type, typeName)) {
			insert.setObject(index, OffsetDateTime.parse(value.asString()));
			return;
		}
		switch (type) {
			case Types.TIMESTAMP -> insert.setObject(index, LocalDateTime.parse(value.asString()));
			case Types.DATE -> insert.setObject(index, LocalDate.parse(value.asString()));
			case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, value.asBoolean());
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> insert.setInt(index, value.asInt());
			case Types.BIGINT -> insert.setLong(index, value.asLong());
			case Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE ->
				insert.setBigDecimal(index, value.decimalValue());
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
				insert.setBytes(index, Base64.getDecoder().decode(value.asString()));
			default -> insert.setString(index, value.asString());
		}
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (int n; (n = in.read(buffer)) != -1;) {
				digest.update(buffer, 0, n);
			}
			return java.util.HexFormat.of().formatHex(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}
