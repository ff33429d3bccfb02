package org.tacit.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counters kept per day (or any other key) in a module's own table: adds to a count column of the row with
 * the given key, creating the row the first time. Portable SQL (no MERGE or ON CONFLICT): an update, and
 * when no row was there an insert inside a savepoint, so that two writers racing for the same new row do
 * not abort the caller's transaction on PostgreSQL; the loser of the race updates the winner's row.
 * Table and column names come from the calling module's code, never from input.
 */
@Component
public class DailyCounts {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	private final JdbcClient jdbc;
	private final TransactionTemplate savepoint;

	DailyCounts(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Adds {@code amount} to {@code column} of the row of {@code table} whose key columns have the given
	 * values (in order); the other count columns of a new row take their default (0).
	 */
	public void add(String table, Map<String, Object> key, String column, long amount) {
		check(table);
		check(column);
		key.keySet().forEach(DailyCounts::check);
		if (update(table, key, column, amount) > 0) {
			return;
		}
		try {
			savepoint.executeWithoutResult(status -> {
				List<String> columns = new ArrayList<>(key.keySet());
				columns.add(column);
				List<Object> values = new ArrayList<>(key.values());
				values.add(amount);
				jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
						+ String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")")
					.params(values)
					.update();
			});
		}
		catch (DuplicateKeyException e) {
			update(table, key, column, amount);
		}
	}

	/** A key in the order of its columns: {@code key("org_id", org, "day", day)}. */
	public static Map<String, Object> key(Object... columnsAndValues) {
		Map<String, Object> key = new LinkedHashMap<>();
		for (int i = 0; i + 1 < columnsAndValues.length; i += 2) {
			key.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
		}
		return key;
	}

	private int update(String table, Map<String, Object> key, String column, long amount) {
		List<Object> values = new ArrayList<>();
		values.add(amount);
		values.addAll(key.values());
		return jdbc.sql("UPDATE " + table + " SET " + column + " = " + column + " + ? WHERE "
				+ String.join(" AND ", key.keySet().stream().map(c -> c + " = ?").toList()))
			.params(values)
			.update();
	}

	private static void check(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("not a column or table name: " + name);
		}
	}
}
