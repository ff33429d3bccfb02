package org.tacit.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.stereotype.Component;
import org.tacit.backup.internal.Snapshot;
import org.tacit.shared.DataDirectory;

/**
 * Backups of a running Tacit and their restore into an empty one (docs/operations.md). A backup is one
 * zip file: every table of the database as seen in one snapshot, and every attached file its rows name.
 * The search index is not in it: it is rebuilt from the database after a restore.
 */
@Component
public class Backups {

	/** What a backup holds. */
	public record Summary(String schemaVersion, java.time.Instant takenAt, java.util.Map<String, Long> rows,
			int files) {

		static Summary of(Snapshot.Summary summary) {
			return new Summary(summary.schemaVersion(), summary.takenAt(), summary.rows(), summary.files());
		}

		public long totalRows() {
			return rows.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private final DataSource dataSource;
	private final DataDirectory data;

	Backups(DataSource dataSource, DataDirectory data) {
		this.dataSource = dataSource;
		this.data = data;
	}

	/** Writes a consistent backup to {@code target}, while Tacit keeps serving. */
	public Summary write(Path target) {
		try {
			return Summary.of(Snapshot.write(dataSource, attachments(data.root()), target));
		}
		catch (IOException e) {
			throw new UncheckedIOException("The backup could not be written to " + target, e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("The database could not be read for the backup: " + e.getMessage(), e);
		}
	}

	/** Where attached files live in a data folder. */
	public static Path attachments(Path dataDir) {
		return dataDir.resolve("attachments");
	}

	/**
	 * Restores a backup into an empty database (reached by {@code url}) and the empty data folder
	 * {@code dataDir}; Tacit must not be running on them. The schema is migrated to the backup's version
	 * first; the newer migrations of this Tacit run at its next start.
	 */
	public static Summary restore(Path archive, String url, String user, String password, Path dataDir) {
		Flyway base = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load();
		try (Connection connection = base.getConfiguration().getDataSource().getConnection()) {
			return Summary.of(Snapshot.restore(archive, connection, attachments(dataDir),
					version -> Flyway.configure()
						.configuration(base.getConfiguration())
						.target(MigrationVersion.fromVersion(version))
						.load()
						.migrate()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("The backup " + archive + " could not be read", e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("The database could not be restored: " + e.getMessage(), e);
		}
	}
}
