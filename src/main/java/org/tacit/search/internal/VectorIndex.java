package org.tacit.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tacit.search.SearchRebuild;
import org.tacit.shared.DataDirectory;

/**
 * The passage vectors of semantic search: a second Lucene index beside the text index
 * ({@code index/vectors}, decision 0005), with one document per passage of a record: its vector (HNSW),
 * its text, and a copy of the record's filter fields, so that a nearest-neighbour search is filtered by
 * permission inside the query exactly like a search by words.
 *
 * <p>The text index is the source: every change to it queues the record's key here, and one background
 * thread reads the record back from the text index, embeds its passages and writes them, in batches of
 * {@code tacit.search.vectors.batch} records. Text search works immediately; vectors follow. The queue
 * holds keys only, each once, so a burst of changes to one record costs one embedding of its latest
 * state. At start and after a rebuild of the text index, records whose {@link Fields#SIGNATURE} differs
 * from their passages' are queued again, and passages of records that are gone are deleted, so the
 * vector index needs no durability of its own.
 */
@Component
public class VectorIndex implements LuceneIndex.Listener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(VectorIndex.class);

	static final String VECTOR = "vector";
	static final String PASSAGE = "passage";
	private static final String CHILDREN = "children:";
	private static final long COMMIT_INTERVAL_NANOS = 30_000_000_000L;

	private final LuceneIndex main;
	private final Embeddings embeddings;
	private final int batch;
	private final boolean background;
	private final Path path;
	private Directory directory;
	private IndexWriter writer;
	private SearcherManager searchers;

	/** Keys of records to embed again, oldest first, each once; and {@code children:org/parent} entries. */
	private final LinkedHashSet<String> queue = new LinkedHashSet<>();
	/** Records taken from the queue and not yet written. */
	private int inFlight;
	private final AtomicLong embedded = new AtomicLong();
	private volatile boolean stopping;
	private volatile Thread worker;

	VectorIndex(LuceneIndex main, Embeddings embeddings, DataDirectory data,
			@Value("${tacit.search.vectors.batch:32}") int batch,
			@Value("${tacit.search.vectors.background:true}") boolean background) {
		this.main = main;
		this.embeddings = embeddings;
		this.batch = Math.max(1, batch);
		this.background = background;
		this.path = data.indexDirectory().resolve("vectors");
		if (!embeddings.enabled()) {
			return;
		}
		try {
			Files.createDirectories(path);
			directory = FSDirectory.open(path);
			IndexWriterConfig config = new IndexWriterConfig(Analysis.ANALYZER);
			config.setRAMBufferSizeMB(32);
			writer = new IndexWriter(directory, config);
			writer.commit();
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot open the vector index at " + path, e);
		}
		main.listen(this);
	}

	/** Whether vectors are switched on and the model works: semantic search can run. */
	public boolean available() {
		return writer != null && embeddings.available();
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (writer != null && background) {
			startWorker(); // which first compares the indexes, off the thread that starts the application
		}
	}

	private synchronized void startWorker() {
		if (worker == null && !stopping) {
			worker = Thread.ofPlatform().daemon().name("search-vectors").start(this::work);
		}
	}

	@Override
	public void changed(String key) {
		enqueue(key);
	}

	@Override
	public void childrenRemoved(UUID org, String parentId) {
		enqueue(CHILDREN + org + "/" + parentId);
	}

	@Override
	public void replaced() {
		if (worker != null) {
			Thread.ofVirtual().name("search-vectors-catch-up").start(this::catchUp);
		}
	}

	private void enqueue(String key) {
		if (writer == null) {
			return;
		}
		synchronized (queue) {
			queue.add(key);
			queue.notifyAll();
		}
	}

	/** Records waiting for their vectors (including those being embedded now). */
	public long pending() {
		synchronized (queue) {
			return queue.size() + inFlight;
		}
	}

	/** Passages in the vector index. */
	public long passages() {
		return writer == null ? 0 : writer.getDocStats().numDocs;
	}

	/** Passages embedded since the start. */
	public long embedded() {
		return embedded.get();
	}

	public Path path() {
		return path;
	}

	/**
	 * Queues every record whose passages are missing or out of date and deletes passages of records that
	 * are gone, comparing signatures.
	 */
	void catchUp() {
		try {
			Map<String, String> vectors = signatures(searchers, Fields.KEY);
			List<String> stale = new ArrayList<>();
			main.search(searcher -> {
				try {
					for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
						StoredFields stored = leaf.reader().storedFields();
						Bits live = leaf.reader().getLiveDocs();
						for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
							if (live != null && !live.get(doc)) {
								continue;
							}
							Document d = stored.document(doc, Set.of(Fields.KEY, Fields.SIGNATURE));
							String key = d.get(Fields.KEY);
							if (key == null) {
								continue; // an index of an earlier format: it is rebuilt, and this runs again after
							}
							String signature = vectors.remove(key);
							if (signature == null || !signature.equals(d.get(Fields.SIGNATURE))) {
								stale.add(key);
							}
						}
					}
					return null;
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			stale.addAll(vectors.keySet()); // passages of records no longer indexed: reconciling deletes them
			synchronized (queue) {
				queue.addAll(stale);
				queue.notifyAll();
			}
			if (!stale.isEmpty()) {
				log.info("Semantic search: {} records to embed", stale.size());
			}
		}
		catch (RuntimeException | IOException e) {
			log.warn("Comparing the vector index with the text index failed", e);
		}
	}

	/** Key to signature of every record with passages. */
	private static Map<String, String> signatures(SearcherManager searchers, String keyField) throws IOException {
		Map<String, String> signatures = new HashMap<>();
		IndexSearcher searcher = searchers.acquire();
		try {
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				StoredFields stored = leaf.reader().storedFields();
				Bits live = leaf.reader().getLiveDocs();
				for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
					if (live == null || live.get(doc)) {
						Document d = stored.document(doc, Set.of(keyField, Fields.SIGNATURE));
						signatures.put(d.get(keyField), d.get(Fields.SIGNATURE));
					}
				}
			}
		}
		finally {
			searchers.release(searcher);
		}
		return signatures;
	}

	/**
	 * Deletes every vector and embeds every record again ({@code ./tacit reindex --vectors}), telling
	 * {@code progress} how many records are done; returns when all are.
	 */
	public long rebuild(SearchRebuild.Progress progress) {
		if (writer == null) {
			throw new IllegalStateException("Semantic search is switched off (tacit.search.vectors.enabled=false)");
		}
		if (!embeddings.available()) {
			throw new IllegalStateException("The embedding model is not available: " + embeddings.failure());
		}
		try {
			synchronized (queue) {
				queue.clear();
			}
			writer.deleteAll();
			writer.commit();
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		startWorker();
		catchUp();
		long total = pending();
		progress.update("vectors", 0, total);
		synchronized (queue) {
			while (queue.size() + inFlight > 0 && embeddings.available()) {
				try {
					queue.wait(200);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted", e);
				}
				progress.update("vectors", total - queue.size() - inFlight, total);
			}
		}
		if (!embeddings.available()) {
			throw new IllegalStateException("The embedding model failed: " + embeddings.failure());
		}
		commit();
		return passages();
	}

	private void work() {
		catchUp();
		long lastCommit = System.nanoTime();
		while (!stopping) {
			if (System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
				commit();
				lastCommit = System.nanoTime();
			}
			// outside the queue's lock: the first call loads the model, and writers must not wait for that
			if (!embeddings.available()) {
				pause();
				continue;
			}
			List<String> keys = take();
			if (keys.isEmpty()) {
				continue;
			}
			try {
				write(keys);
			}
			catch (RuntimeException | IOException e) {
				log.warn("Embedding {} records failed; they are tried again", keys.size(), e);
				synchronized (queue) {
					queue.addAll(keys);
				}
				pause();
			}
			finally {
				synchronized (queue) {
					inFlight = 0;
					queue.notifyAll();
				}
			}
		}
	}

	/** The next batch of keys, waiting up to a second for one. */
	private List<String> take() {
		synchronized (queue) {
			if (queue.isEmpty()) {
				try {
					queue.wait(1000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					stopping = true;
				}
			}
			List<String> keys = new ArrayList<>(batch);
			for (Iterator<String> it = queue.iterator(); it.hasNext() && keys.size() < batch;) {
				keys.add(it.next());
				it.remove();
			}
			inFlight = keys.size();
			return keys;
		}
	}

	private void pause() {
		synchronized (queue) {
			try {
				queue.wait(5000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				stopping = true;
			}
		}
	}

	/** Reads the records back from the text index and writes their passages, or deletes them. */
	private void write(List<String> keys) throws IOException {
		List<String> expanded = new ArrayList<>();
		for (String key : keys) {
			if (key.startsWith(CHILDREN)) {
				expanded.addAll(childKeys(key.substring(CHILDREN.length())));
			}
			else {
				expanded.add(key);
			}
		}
		main.refreshNow();
		Map<String, Document> records = main.search(searcher -> {
			Map<String, Document> found = new LinkedHashMap<>();
			try {
				for (String key : expanded) {
					TopDocs top = searcher.search(new TermQuery(new Term(Fields.KEY, key)), 1);
					found.put(key, top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc));
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return found;
		});
		Map<String, String> current = currentSignatures(records.keySet());
		List<String> texts = new ArrayList<>();
		Map<String, List<String>> passagesOf = new LinkedHashMap<>();
		for (Map.Entry<String, Document> record : records.entrySet()) {
			Document doc = record.getValue();
			if (doc == null) {
				writer.deleteDocuments(new Term(Fields.KEY, record.getKey()));
				continue;
			}
			if (doc.get(Fields.SIGNATURE) != null && doc.get(Fields.SIGNATURE).equals(current.get(record.getKey()))) {
				continue; // nothing the passages copy has changed
			}
			List<String> passages = Passages.of(doc.get(Fields.TITLE), doc.get(Fields.TEXT));
			passagesOf.put(record.getKey(), passages);
			texts.addAll(passages);
		}
		List<float[]> vectors = texts.isEmpty() ? List.of() : embeddings.embedAll(texts);
		if (vectors.size() != texts.size()) {
			throw new IOException("The embedding model is not available: " + embeddings.failure());
		}
		int next = 0;
		for (Map.Entry<String, List<String>> record : passagesOf.entrySet()) {
			Document source = records.get(record.getKey());
			List<Document> documents = new ArrayList<>();
			for (String passage : record.getValue()) {
				documents.add(passage(record.getKey(), source, passage, vectors.get(next++)));
			}
			writer.updateDocuments(new Term(Fields.KEY, record.getKey()), documents);
		}
		embedded.addAndGet(texts.size());
		searchers.maybeRefresh();
	}

	/** Keys of the records with passages whose parent is {@code orgAndParent} ({@code org/parentId}). */
	private List<String> childKeys(String orgAndParent) throws IOException {
		int slash = orgAndParent.indexOf('/');
		Query children = new BooleanQuery.Builder()
			.add(new TermQuery(new Term(Fields.ORG, orgAndParent.substring(0, slash))), Occur.FILTER)
			.add(new TermQuery(new Term(Fields.PARENT, orgAndParent.substring(slash + 1))), Occur.FILTER)
			.build();
		searchers.maybeRefreshBlocking();
		IndexSearcher searcher = searchers.acquire();
		try {
			Set<String> keys = new LinkedHashSet<>();
			for (ScoreDoc hit : searcher.search(children, 10_000).scoreDocs) {
				keys.add(searcher.storedFields().document(hit.doc, Set.of(Fields.KEY)).get(Fields.KEY));
			}
			return new ArrayList<>(keys);
		}
		finally {
			searchers.release(searcher);
		}
	}

	private Map<String, String> currentSignatures(Set<String> keys) throws IOException {
		searchers.maybeRefreshBlocking();
		IndexSearcher searcher = searchers.acquire();
		try {
			Map<String, String> signatures = new HashMap<>();
			for (String key : keys) {
				TopDocs top = searcher.search(new TermQuery(new Term(Fields.KEY, key)), 1);
				if (top.scoreDocs.length > 0) {
					signatures.put(key,
							searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.SIGNATURE)).get(Fields.SIGNATURE));
				}
			}
			return signatures;
		}
		finally {
			searchers.release(searcher);
		}
	}

	/** One passage: its vector and text, and the record's key, signature and filter fields as they are. */
	private static Document passage(String key, Document source, String passage, float[] vector) {
		Document doc = new Document();
		doc.add(new StringField(Fields.KEY, key, Field.Store.YES));
		for (String field : Fields.FILTERS) {
			for (String value : source.getValues(field.equals(Fields.TAG) ? Fields.TAGS : field)) {
				doc.add(new StringField(field, value, Field.Store.NO));
			}
		}
		doc.add(new StoredField(Fields.SIGNATURE, source.get(Fields.SIGNATURE)));
		doc.add(new StoredField(PASSAGE, passage));
		doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
		return doc;
	}

	/**
	 * The records nearest in meaning to a query vector, best first, each with its best passage; within
	 * {@code filter} (organization, permissions, the search's filters) inside the nearest-neighbour search.
	 *
	 * @param passages how many nearest passages to look at
	 * @param minSimilarity the cosine similarity a passage needs to count (unrelated texts score near 0)
	 */
	public List<Nearest> nearest(float[] vector, Query filter, int passages, float minSimilarity) {
		if (searchers == null) {
			return List.of();
		}
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, passages, filter), passages);
				Map<String, Nearest> best = new LinkedHashMap<>();
				for (ScoreDoc hit : top.scoreDocs) {
					// Lucene's score for a dot product of unit vectors is (1 + cosine) / 2
					float similarity = 2 * hit.score - 1;
					if (similarity < minSimilarity) {
						break;
					}
					Document doc = searcher.storedFields().document(hit.doc, Set.of(Fields.KEY, PASSAGE));
					best.putIfAbsent(doc.get(Fields.KEY), new Nearest(doc.get(Fields.KEY), similarity, doc.get(PASSAGE)));
				}
				return new ArrayList<>(best.values());
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A record found by meaning: its key, the similarity of its best passage, and that passage. */
	public record Nearest(String key, float similarity, String passage) {
	}

	/** Makes the vectors so far durable (they are also rebuilt from the text index when lost). */
	public void commit() {
		if (writer == null) {
			return;
		}
		try {
			if (writer.isOpen() && writer.hasUncommittedChanges()) {
				writer.commit();
			}
		}
		catch (IOException | RuntimeException e) {
			log.warn("Committing the vector index failed", e);
		}
	}

	@Override
	public void destroy() throws IOException {
		stopping = true;
		synchronized (queue) {
			queue.notifyAll();
		}
		Thread running = worker;
		if (running != null) {
			try {
				running.join(30_000); // the batch being embedded finishes; what is queued waits for the next start
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (writer != null && writer.isOpen()) {
			searchers.close();
			writer.commit();
			writer.close();
			directory.close();
		}
	}
}
