import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The raw Lucene reference. Run: java -cp LUCENE_JARS bench/RawLucene.java CORPUS_DIR INDEX_DIR QUERIES
 * CLIENTS REQUESTS MAX_SECONDS. Indexes every .md file of CORPUS_DIR (title and body, StandardAnalyzer,
 * BM25) into INDEX_DIR on disk and times it (files read, analysed, written and committed), then runs the
 * queries as SearchLoad does against Tacit: each query twice as warm-up, then REQUESTS searches in all
 * from CLIENTS threads over one shared searcher, top 20 hits with their stored titles. Queries are parsed
 * with the classic query parser over title (boost 3) and body, all words required; when a query finds
 * fewer than 3 documents, its words of four letters or more are retried fuzzy, as Tacit does for typos.
 * Prints one JSON object on standard output.
 */
public class RawLucene {

	record Item(String path, String title, String tags, String body) {
	}

	public static void main(String[] args) throws Exception {
		Path corpus = Path.of(args[0]), indexDir = Path.of(args[1]);
		List<String> queries = Files.readAllLines(Path.of(args[2])).stream()
			.filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
		int clients = Integer.parseInt(args[3]);
		int requests = Integer.parseInt(args[4]);
		long maxNanos = Long.parseLong(args[5]) * 1_000_000_000L;

		// index
		long t0 = System.nanoTime();
		List<Path> files;
		try (Stream<Path> s = Files.list(corpus)) {
			files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
		}
		StandardAnalyzer analyzer = new StandardAnalyzer();
		try (FSDirectory dir = FSDirectory.open(indexDir);
				IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
					.setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
			for (Path f : files) {
				Item item = parse(f);
				Document doc = new Document();
				doc.add(new StringField("id", item.path(), Field.Store.YES));
				doc.add(new TextField("title", item.title(), Field.Store.YES));
				doc.add(new TextField("body", item.body(), Field.Store.NO));
				doc.add(new StoredField("tags", item.tags()));
				writer.addDocument(doc);
			}
			writer.commit();
		}
		double indexSeconds = (System.nanoTime() - t0) / 1e9;

		// search
		try (FSDirectory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			long[] totals = new long[queries.size()];
			for (int pass = 0; pass < 2; pass++) {
				for (int i = 0; i < queries.size(); i++) {
					totals[i] = search(searcher, analyzer, queries.get(i)).totalHits.value();
				}
			}
			long[] latencies = new long[requests];
			AtomicInteger next = new AtomicInteger();
			AtomicInteger done = new AtomicInteger();
			AtomicInteger errors = new AtomicInteger();
			long start = System.nanoTime();
			List<Thread> threads = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				threads.add(Thread.ofPlatform().start(() -> {
					int i;
					while ((i = next.getAndIncrement()) < requests && System.nanoTime() - start < maxNanos) {
						long s = System.nanoTime();
						try {
							search(searcher, analyzer, queries.get(i % queries.size()));
						}
						catch (Exception e) {
							errors.incrementAndGet();
						}
						latencies[i] = System.nanoTime() - s;
						done.incrementAndGet();
					}
				}));
			}
			for (Thread t : threads) {
				t.join();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			int n = done.get();
			long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
			StringBuilder hits = new StringBuilder();
			for (int i = 0; i < queries.size(); i++) {
				hits.append(i == 0 ? "" : ", ").append('"').append(queries.get(i).replace("\"", "\\\"")).append("\": ")
					.append(totals[i]);
			}
			System.out.printf(java.util.Locale.ROOT,
					"{\"documents\": %d, \"index_seconds\": %.3f, \"index_items_per_s\": %.1f, \"clients\": %d, "
							+ "\"requests\": %d, \"errors\": %d, \"seconds\": %.3f, \"rps\": %.1f, \"p50_ms\": %.3f, "
							+ "\"p90_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, \"hits\": {%s}}%n",
					files.size(), indexSeconds, files.size() / indexSeconds, clients, n, errors.get(), seconds,
					n / seconds, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
					sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, hits);
		}
	}

	static TopDocs search(IndexSearcher searcher, StandardAnalyzer analyzer, String q) throws Exception {
		TopDocs top = searcher.search(parse(analyzer, q), 20);
		if (top.totalHits.value() < 3 && !q.contains("\"") && !q.contains("*")) {
			String fuzzy = Arrays.stream(q.split("\\s+"))
				.map(w -> w.length() >= 4 ? QueryParser.escape(w) + "~" + (w.length() >= 7 ? 2 : 1) : QueryParser.escape(w))
				.reduce((a, b) -> a + " " + b).orElse(q);
			top = searcher.search(parse(analyzer, fuzzy, true), 20);
		}
		for (ScoreDoc sd : top.scoreDocs) {
			searcher.storedFields().document(sd.doc).get("title");
		}
		return top;
	}

	static Query parse(StandardAnalyzer analyzer, String q) throws Exception {
		return parse(analyzer, q, false);
	}

	static Query parse(StandardAnalyzer analyzer, String q, boolean raw) throws Exception {
		MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] { "title", "body" }, analyzer,
				Map.of("title", 3f, "body", 1f));
		parser.setDefaultOperator(QueryParser.Operator.AND);
		return parser.parse(raw ? q : q);
	}

	/** Front matter (title, tags) between "---" lines, then the body. */
	static Item parse(Path file) throws Exception {
		String text = Files.readString(file);
		String title = "", tags = "", body = text;
		if (text.startsWith("---\n")) {
			int end = text.indexOf("\n---", 4);
			for (String line : text.substring(4, end).split("\n")) {
				int colon = line.indexOf(':');
				if (colon < 0) {
					continue;
				}
				String key = line.substring(0, colon).strip(), value = line.substring(colon + 1).strip();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				if (key.equals("title")) {
					title = value;
				}
				else if (key.equals("tags")) {
					tags = value;
				}
			}
			int next = text.indexOf('\n', end + 4);
			body = next < 0 ? "" : text.substring(next + 1);
		}
		return new Item(file.getFileName().toString(), title, tags, body);
	}

	static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}
}
