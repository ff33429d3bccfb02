import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The raw Lucene reference: the practical limit for the same documents and queries, in-process.
 *
 * <p>Run: {@code java -cp LUCENE_JARS bench/RawLucene.java CORPUS INDEX QUERIES CLIENTS SECONDS}, where
 * CLIENTS is a list such as {@code 1,8,32}. Indexes every .md file under CORPUS (title, body, kind, tags and
 * the corpus as a space; the analysis Tacit uses, built from Lucene's own components: standard tokenizer,
 * possessives, lower case, ASCII folding, plural stemming, no stop words; BM25) into INDEX and times it
 * (files read, analysed, written and committed). Then, over one shared searcher, for each mode and each
 * client count: a warm-up, then CLIENTS threads search for SECONDS, each cycling through the queries from
 * its own starting point. Modes: {@code plain} (top 20 with stored titles; all words required, title
 * boosted 3×, the classic query parser's phrases and prefixes, a fuzzy retry when fewer than 3 match, as
 * Tacit does for typos), {@code filtered} (the same with each query's kind and tag filter) and
 * {@code facets} (plain plus an exact count and facet counts of kind, tag and space, the work Tacit's
 * search does on every request beyond ranking). Last, known-item relevance: for each heading and headword
 * query, the rank of its item in the top 10 (MRR@10, Success@10). Prints one JSON object.
 */
public class RawLucene {

	record Item(String id, String title, String kind, List<String> tags, String space, String body) {
	}

	record Q(String kind, String text, String target, String kindFilter, String tagFilter) {
	}

	static final FacetsConfig FACETS = new FacetsConfig();
	static {
		FACETS.setMultiValued("tag", true);
	}

	public static void main(String[] args) throws Exception {
		Path corpus = Path.of(args[0]), indexDir = Path.of(args[1]);
		List<Q> queries = readQueries(Path.of(args[2]));
		int[] clients = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
		double seconds = Double.parseDouble(args[4]);
		Analyzer analyzer = CustomAnalyzer.builder()
			.withTokenizer("standard")
			.addTokenFilter("englishPossessive")
			.addTokenFilter("lowercase")
			.addTokenFilter("asciiFolding")
			.addTokenFilter("englishMinimalStem")
			.build();

		long t0 = System.nanoTime();
		List<Path> files;
		try (Stream<Path> s = Files.walk(corpus)) {
			files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
		}
		try (FSDirectory dir = FSDirectory.open(indexDir);
				IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer)
					.setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64))) {
			for (Path f : files) {
				Item item = parse(corpus, f);
				Document doc = new Document();
				doc.add(new StringField("id", item.id(), Field.Store.YES));
				doc.add(new TextField("title", item.title(), Field.Store.YES));
				doc.add(new TextField("body", item.body(), Field.Store.NO));
				doc.add(new StringField("kind", item.kind(), Field.Store.NO));
				doc.add(new SortedSetDocValuesFacetField("kind", item.kind()));
				doc.add(new StringField("space", item.space(), Field.Store.NO));
				doc.add(new SortedSetDocValuesFacetField("space", item.space()));
				for (String tag : item.tags()) {
					doc.add(new StringField("tag", tag, Field.Store.NO));
					doc.add(new SortedSetDocValuesFacetField("tag", tag));
				}
				writer.addDocument(FACETS.build(doc));
			}
			writer.commit();
		}
		double indexSeconds = (System.nanoTime() - t0) / 1e9;

		StringBuilder json = new StringBuilder();
		json.append(String.format(Locale.ROOT, "{\"documents\": %d, \"index_seconds\": %.3f, \"index_items_per_s\": %.1f",
				files.size(), indexSeconds, files.size() / indexSeconds));
		try (FSDirectory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
			IndexSearcher searcher = new IndexSearcher(reader);
			SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, FACETS);
			Searcher raw = new Searcher(searcher, analyzer, state);
			json.append(", \"runs\": [");
			boolean first = true;
			for (String mode : List.of("plain", "filtered", "facets")) {
				run(raw, queries, mode, 2, Math.min(3, seconds)); // warm-up
				for (int c : clients) {
					json.append(first ? "" : ", ").append(run(raw, queries, mode, c, seconds));
					first = false;
				}
			}
			json.append("], \"relevance\": ").append(relevance(raw, queries));
			Map<String, Long> totals = new LinkedHashMap<>();
			for (Q q : queries) {
				totals.put(q.text(), raw.search(q, "facets", 20).totalHits.value());
			}
			json.append(", \"hits\": {");
			int i = 0;
			for (var e : totals.entrySet()) {
				json.append(i++ == 0 ? "" : ", ").append(quote(e.getKey())).append(": ").append(e.getValue());
			}
			json.append("}}");
		}
		System.out.println(json);
	}

	/** The queries of the benchmark's TSV: kind, query, target, filter ("kind=X&tag=Y"). */
	static List<Q> readQueries(Path file) throws Exception {
		List<Q> queries = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.split("\t", -1);
			Map<String, String> filter = new HashMap<>();
			for (String kv : f[3].split("&")) {
				int eq = kv.indexOf('=');
				if (eq > 0) {
					filter.put(kv.substring(0, eq), kv.substring(eq + 1));
				}
			}
			queries.add(new Q(f[0], f[1], f[2], filter.get("kind"), filter.get("tag")));
		}
		return queries;
	}

	static final class Searcher {

		final IndexSearcher searcher;
		final Analyzer analyzer;
		final SortedSetDocValuesReaderState state;

		Searcher(IndexSearcher searcher, Analyzer analyzer, SortedSetDocValuesReaderState state) {
			this.searcher = searcher;
			this.analyzer = analyzer;
			this.state = state;
		}

		TopDocs search(Q q, String mode, int n) throws Exception {
			TopDocs top = once(q, mode, n, false);
			if (top.totalHits.value() < 3 && !q.kind().equals("phrase") && !q.kind().equals("prefix")) {
				TopDocs fuzzy = once(q, mode, n, true);
				if (fuzzy.totalHits.value() > top.totalHits.value()) {
					top = fuzzy;
				}
			}
			StoredFields stored = searcher.storedFields();
			for (ScoreDoc sd : top.scoreDocs) {
				stored.document(sd.doc).get("title");
			}
			return top;
		}

		private TopDocs once(Q q, String mode, int n, boolean fuzzy) throws Exception {
			Query query = parse(q, fuzzy);
			if (mode.equals("filtered")) {
				BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
				if (q.kindFilter() != null) {
					b.add(new TermQuery(new Term("kind", q.kindFilter())), Occur.FILTER);
				}
				if (q.tagFilter() != null) {
					b.add(new TermQuery(new Term("tag", q.tagFilter())), Occur.FILTER);
				}
				query = b.build();
			}
			if (!mode.equals("facets")) {
				return searcher.search(query, n);
			}
			// exact total and facet counts over every match, as a faceted search box needs
			FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, n,
					new FacetsCollectorManager());
			SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, result.facetsCollector());
			for (String dim : List.of("kind", "tag", "space")) {
				counts.getTopChildren(20, dim);
			}
			return result.topDocs();
		}

		/** Whether no title or body has this word (as analysed). */
		private boolean unknown(String word) {
			for (String field : List.of("title", "body")) {
				try (var stream = analyzer.tokenStream(field, word)) {
					var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
					stream.reset();
					while (stream.incrementToken()) {
						if (searcher.getIndexReader().docFreq(new Term(field, term.toString())) > 0) {
							return false;
						}
					}
					stream.end();
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}
			return true;
		}

		private Query parse(Q q, boolean fuzzy) throws Exception {
			MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] { "title", "body" }, analyzer,
					Map.of("title", 3f, "body", 1f));
			parser.setDefaultOperator(QueryParser.Operator.AND);
			String text = q.text();
			String syntax;
			if (q.kind().equals("phrase")) {
				syntax = "\"" + QueryParser.escape(text.replace("\"", "")) + "\"";
			}
			else if (q.kind().equals("prefix")) {
				syntax = QueryParser.escape(text.substring(0, text.length() - 1)) + "*";
			}
			else {
				syntax = String.join(" ", Arrays.stream(text.split("\\s+"))
					.filter(w -> !w.isBlank())
					// the second try, as Tacit's: a longer word the index does not know may be a word one or two
					// edits away, at half the weight
					.map(w -> fuzzy && w.length() >= 4 && unknown(w) ? "(" + QueryParser.escape(w) + " OR "
							+ QueryParser.escape(w) + "~" + (w.length() >= 7 ? 2 : 1) + "^0.5)" : QueryParser.escape(w))
					.toList());
			}
			return parser.parse(syntax);
		}
	}

	static String run(Searcher raw, List<Q> queries, String mode, int clients, double seconds) throws Exception {
		long[][] latencies = new long[clients][];
		int[] counts = new int[clients];
		List<String> kinds = queries.stream().map(Q::kind).distinct().toList();
		long[][] kindNanos = new long[clients][kinds.size()];
		int[][] kindCounts = new int[clients][kinds.size()];
		int[] errors = new int[clients];
		AtomicBoolean stop = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			int me = c;
			latencies[me] = new long[1 << 16];
			threads.add(Thread.ofPlatform().start(() -> {
				int i = me * 7919;
				while (!stop.get()) {
					long s = System.nanoTime();
					Q q = queries.get(Math.floorMod(i++, queries.size()));
					try {
						raw.search(q, mode, 20);
					}
					catch (Exception e) {
						errors[me]++;
					}
					long took = System.nanoTime() - s;
					if (counts[me] == latencies[me].length) {
						latencies[me] = Arrays.copyOf(latencies[me], latencies[me].length * 2);
					}
					latencies[me][counts[me]++] = took;
					int k = kinds.indexOf(q.kind());
					kindNanos[me][k] += took;
					kindCounts[me][k]++;
				}
			}));
		}
		Thread.sleep((long) (seconds * 1000));
		stop.set(true);
		for (Thread t : threads) {
			t.join();
		}
		double took = (System.nanoTime() - start) / 1e9;
		long[] all = new long[Arrays.stream(counts).sum()];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(latencies[c], 0, all, at, counts[c]);
			at += counts[c];
		}
		Arrays.sort(all);
		StringBuilder byKind = new StringBuilder();
		for (int k = 0; k < kinds.size(); k++) {
			long nanos = 0;
			int n = 0;
			for (int c = 0; c < clients; c++) {
				nanos += kindNanos[c][k];
				n += kindCounts[c][k];
			}
			byKind.append(k == 0 ? "" : ", ")
				.append(String.format(Locale.ROOT, "\"%s\": %.3f", kinds.get(k), n == 0 ? 0 : nanos / 1e6 / n));
		}
		return String.format(Locale.ROOT,
				"{\"mode\": \"%s\", \"clients\": %d, \"requests\": %d, \"errors\": %d, \"seconds\": %.3f, "
						+ "\"rps\": %.1f, \"p50_ms\": %.3f, \"p95_ms\": %.3f, \"p99_ms\": %.3f, \"max_ms\": %.3f, "
						+ "\"mean_ms_by_kind\": {%s}}",
				mode, clients, all.length, Arrays.stream(errors).sum(), took, all.length / took, pct(all, 50),
				pct(all, 95), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, byKind);
	}

	/** Known-item relevance: the rank of each heading's and headword's own item among the top 10. */
	static String relevance(Searcher raw, List<Q> queries) throws Exception {
		Map<String, double[]> byKind = new LinkedHashMap<>();
		StringBuilder ranks = new StringBuilder();
		for (Q q : queries) {
			if (q.target().isEmpty()) {
				continue;
			}
			TopDocs top = raw.search(q, "plain", 10);
			int rank = 0;
			StoredFields stored = raw.searcher.storedFields();
			for (int i = 0; i < top.scoreDocs.length; i++) {
				if (stored.document(top.scoreDocs[i].doc).get("id").equals(q.target())) {
					rank = i + 1;
					break;
				}
			}
			double[] k = byKind.computeIfAbsent(q.kind(), x -> new double[3]);
			k[0]++;
			k[1] += rank == 0 ? 0 : 1.0 / rank;
			k[2] += rank == 0 ? 0 : 1;
			ranks.append(ranks.isEmpty() ? "" : ", ").append(quote(q.text())).append(": ").append(rank);
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

	/** Front matter (title, kind, tags) between "---" lines, then the body. */
	static Item parse(Path root, Path file) throws Exception {
		String text = Files.readString(file);
		String title = "", kind = "ARTICLE", body = text;
		List<String> tags = List.of();
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
				switch (key) {
					case "title" -> title = value;
					case "kind" -> kind = value.toUpperCase(Locale.ROOT);
					case "tags" -> tags = Arrays.stream(value.replaceAll("^\\[|\\]$", "").split(","))
						.map(String::strip)
						.filter(t -> !t.isEmpty())
						.toList();
					default -> {
					}
				}
			}
			int next = text.indexOf('\n', end + 4);
			body = next < 0 ? "" : text.substring(next + 1);
		}
		Path rel = root.relativize(file);
		String id = rel.toString().replaceAll("\\.md$", "");
		String space = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
		return new Item(id, title, kind, tags, space, body);
	}

	static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

	static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
