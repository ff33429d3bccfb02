import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.postgresql.PGConnection;

/**
 * PostgreSQL full-text search as a second reference, on the same items and queries as RawLucene.
 *
 * <p>Run: {@code java -cp POSTGRESQL_JAR:. bench/PgSearch.java JDBC_URL DATABASE CORPUS QUERIES CLIENTS SECONDS}.
 * Re-creates DATABASE on the server of JDBC_URL (which names an existing database to connect to first),
 * loads every .md file under CORPUS with COPY into one table whose {@code tsv} column is
 * {@code setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')}
 * (stored, computed during the load), builds a GIN index on it and times both. Then, for the modes
 * {@code plain} and {@code filtered} (the query's kind and tag) and each client count, CLIENTS threads
 * with a connection each run the queries for SECONDS: {@code websearch_to_tsquery('english', q)} (words all
 * required, "quoted phrases", -excluded; no prefixes and no typo tolerance), ranked by {@code ts_rank},
 * top 20 with titles. Last, known-item relevance (MRR@10, Success@10) as RawLucene computes it. Prints
 * one JSON object.
 */
public class PgSearch {

	record Q(String kind, String text, String target, String kindFilter, String tagFilter) {
	}

	static final String SEARCH = """
			SELECT id, title FROM bench_item, websearch_to_tsquery('english', ?) query
			WHERE tsv @@ query %s ORDER BY ts_rank(tsv, query) DESC, id LIMIT ?""";

	public static void main(String[] args) throws Exception {
		String url = args[0], database = args[1];
		Path corpus = Path.of(args[2]);
		List<Q> queries = readQueries(Path.of(args[3]));
		int[] clients = Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt).toArray();
		double seconds = Double.parseDouble(args[5]);
		try (Connection admin = DriverManager.getConnection(url, "postgres", "");
				Statement s = admin.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + database);
			s.execute("CREATE DATABASE " + database);
		}
		String dbUrl = url.replaceAll("/[^/?]*(\\?.*)?$", "/" + database + "$1");
		StringBuilder json = new StringBuilder("{");
		try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "")) {
			String version;
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
				rs.next();
				version = rs.getString(1);
			}
			try (Statement s = c.createStatement()) {
				s.execute("""
						CREATE TABLE bench_item (id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL,
						  tags TEXT[] NOT NULL, body TEXT NOT NULL,
						  tsv TSVECTOR GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A')
						    || setweight(to_tsvector('english', body), 'B')) STORED)""");
			}
			long t0 = System.nanoTime();
			List<Path> files;
			try (Stream<Path> w = Files.walk(corpus)) {
				files = w.filter(p -> p.toString().endsWith(".md")).sorted().toList();
			}
			StringBuilder copy = new StringBuilder();
			var copier = c.unwrap(PGConnection.class).getCopyAPI();
			int batch = 0;
			for (Path f : files) {
				RawLucene.Item item = RawLucene.parse(corpus, f);
				copy.append(tsv(item.id())).append('\t').append(tsv(item.title())).append('\t')
					.append(tsv(item.kind())).append('\t')
					.append(tsv("{" + String.join(",", item.tags().stream().map(t -> "\"" + t.replace("\"", "") + "\"").toList()) + "}"))
					.append('\t').append(tsv(item.body())).append('\n');
				if (++batch == 2000) {
					copier.copyIn("COPY bench_item (id, title, kind, tags, body) FROM STDIN", new StringReader(copy.toString()));
					copy.setLength(0);
					batch = 0;
				}
			}
			copier.copyIn("COPY bench_item (id, title, kind, tags, body) FROM STDIN", new StringReader(copy.toString()));
			double loadSeconds = (System.nanoTime() - t0) / 1e9;
			t0 = System.nanoTime();
			try (Statement s = c.createStatement()) {
				s.execute("CREATE INDEX bench_item_tsv ON bench_item USING GIN (tsv)");
				s.execute("CREATE INDEX bench_item_tags ON bench_item USING GIN (tags)");
				s.execute("VACUUM ANALYZE bench_item");
			}
			double indexSeconds = (System.nanoTime() - t0) / 1e9;
			long bytes;
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('bench_item')")) {
				rs.next();
				bytes = rs.getLong(1);
			}
			json.append(String.format(Locale.ROOT,
					"\"server_version\": \"%s\", \"documents\": %d, \"load_seconds\": %.3f, \"index_seconds\": %.3f, "
							+ "\"items_per_s\": %.1f, \"table_and_index_bytes\": %d",
					version, files.size(), loadSeconds, indexSeconds, files.size() / (loadSeconds + indexSeconds), bytes));
		}
		json.append(", \"runs\": [");
		boolean first = true;
		for (String mode : List.of("plain", "filtered")) {
			run(dbUrl, queries, mode, 2, Math.min(3, seconds));
			for (int n : clients) {
				json.append(first ? "" : ", ").append(run(dbUrl, queries, mode, n, seconds));
				first = false;
			}
		}
		json.append("], \"relevance\": ").append(relevance(dbUrl, queries)).append("}");
		System.out.println(json);
	}

	static List<Q> readQueries(Path file) throws Exception {
		return RawLucene.readQueries(file).stream()
			.map(q -> new Q(q.kind(), q.text(), q.target(), q.kindFilter(), q.tagFilter()))
			.toList();
	}

	/** One field of COPY's text format. */
	static String tsv(String value) {
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	static PreparedStatement prepare(Connection c, String mode) throws Exception {
		return c.prepareStatement(String.format(SEARCH, mode.equals("filtered") ? "AND kind = ? AND tags @> ARRAY[CAST(? AS TEXT)]" : ""));
	}

	static List<String> search(PreparedStatement st, Q q, String mode, int n) throws Exception {
		int i = 1;
		// websearch_to_tsquery has no prefix syntax: "vacu*" is the word "vacu"
		st.setString(i++, q.text());
		if (mode.equals("filtered")) {
			st.setString(i++, q.kindFilter());
			st.setString(i++, q.tagFilter());
		}
		st.setInt(i, n);
		List<String> ids = new ArrayList<>();
		try (ResultSet rs = st.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getString(1));
				rs.getString(2);
			}
		}
		return ids;
	}

	static String run(String url, List<Q> queries, String mode, int clients, double seconds) throws Exception {
		long[][] latencies = new long[clients][1 << 14];
		int[] counts = new int[clients];
		int[] errors = new int[clients];
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		List<Connection> connections = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			connections.add(DriverManager.getConnection(url, "postgres", ""));
		}
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			int me = c;
			Connection connection = connections.get(c);
			threads.add(Thread.ofPlatform().start(() -> {
				try (PreparedStatement st = prepare(connection, mode)) {
					int i = me * 7919;
					while (!stop.get()) {
						long s = System.nanoTime();
						try {
							search(st, queries.get(Math.floorMod(i++, queries.size())), mode, 20);
						}
						catch (Exception e) {
							errors[me]++;
						}
						if (counts[me] == latencies[me].length) {
							latencies[me] = Arrays.copyOf(latencies[me], latencies[me].length * 2);
						}
						latencies[me][counts[me]++] = System.nanoTime() - s;
					}
				}
				catch (Exception e) {
					errors[me]++;
				}
			}));
		}
		Thread.sleep((long) (seconds * 1000));
		stop.set(true);
		for (Thread t : threads) {
			t.join();
		}
		double took = (System.nanoTime() - start) / 1e9;
		for (Connection c : connections) {
			c.close();
		}
		long[] all = new long[Arrays.stream(counts).sum()];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(latencies[c], 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		return String.format(Locale.ROOT,
				"{\"mode\": \"%s\", \"clients\": %d, \"requests\": %d, \"errors\": %d, \"seconds\": %.3f, "
						+ "\"rps\": %.1f, \"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f}",
				mode, clients, all.length, Arrays.stream(errors).sum(), took, all.length / took,
				RawLucene.pct(all, 50), RawLucene.pct(all, 95), RawLucene.pct(all, 99),
				all.length == 0 ? 0 : all[all.length - 1] / 1e6);
	}

	static String relevance(String url, List<Q> queries) throws Exception {
		Map<String, double[]> byKind = new LinkedHashMap<>();
		StringBuilder ranks = new StringBuilder();
		try (Connection c = DriverManager.getConnection(url, "postgres", ""); PreparedStatement st = prepare(c, "plain")) {
			for (Q q : queries) {
				if (q.target().isEmpty()) {
					continue;
				}
				List<String> ids = search(st, q, "plain", 10);
				int rank = ids.indexOf(q.target()) + 1;
				double[] k = byKind.computeIfAbsent(q.kind(), x -> new double[3]);
				k[0]++;
				k[1] += rank == 0 ? 0 : 1.0 / rank;
				k[2] += rank == 0 ? 0 : 1;
				ranks.append(ranks.isEmpty() ? "" : ", ").append(RawLucene.quote(q.text())).append(": ").append(rank);
			}
		}
		double n = 0, rr = 0, s = 0;
		StringBuilder kinds = new StringBuilder();
		for (var e : byKind.entrySet()) {
			double[] k = e.getValue();
			n += k[0];
			rr += k[1];
			s += k[2];
			kinds.append(kinds.isEmpty() ? "" : ", ")
				.append(String.format(Locale.ROOT, "\"%s\": {\"queries\": %d, \"mrr10\": %.4f, \"success10\": %.4f}",
						e.getKey(), (int) k[0], k[1] / k[0], k[2] / k[0]));
		}
		return String.format(Locale.ROOT,
				"{\"queries\": %d, \"mrr10\": %.4f, \"success10\": %.4f, \"by_kind\": {%s}, \"ranks\": {%s}}", (int) n,
				n == 0 ? 0 : rr / n, n == 0 ? 0 : s / n, kinds, ranks);
	}
}
