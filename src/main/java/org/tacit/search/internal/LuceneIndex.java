package org.tacit.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tacit.search.SearchDocument;
import org.tacit.search.SearchIndex;
import org.tacit.shared.DataDirectory;

/**
 * The one Lucene index of the application, under the data directory, with its one writer.
 *
 * <p>Writes are visible to searches after the next near-real-time refresh, which runs every
 * {@code tacit.search.refresh-interval} (100 ms) when something changed, so a record is findable well
 * within a second of {@link #put} returning. Changes are committed (made durable) every
 * {@code tacit.search.commit-interval} and on shutdown. A marker file says the index is open; if it
 * is still there at the next start, the process died with uncommitted changes and the index is rebuilt
 * from the database (see {@link IndexRebuild}).
 */
@Component
public class LuceneIndex implements SearchIndex, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LuceneIndex.class);

	private final Path root;
	private final Path marker;
	private final Directory directory;
	private final IndexWriter writer;
	private final SearcherManager searchers;
	private final ScheduledExecutorService scheduler;
	private final boolean uncleanShutdown;
	/** The index was written by a version that stored less in a record's document ({@link Fields#FORMAT}). */
	private final boolean outdated;
	private final Path format;
	private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Taken by refreshes and by the swap of a rebuilt index, so no searcher ever sees a half-swapped index. */
	private final ReentrantLock refreshLock = new ReentrantLock();
	/** Orders writes, commits and the swap. */
	private final Object writeLock = new Object();
	private final AtomicBoolean changed = new AtomicBoolean();
	/** The locks of {@link #inStep}: records share one of a fixed number, so memory stays bounded. */
	private final ReentrantLock[] recordLocks = Stream.generate(ReentrantLock::new).limit(64)
		.toArray(ReentrantLock[]::new);
	/** While a rebuild runs: the writes made meanwhile, applied again on top of the rebuilt index. */
	private List<Change> journal;

	LuceneIndex(DataDirectory data, @Value("${tacit.search.refresh-interval:100ms}") java.time.Duration refresh,
			@Value("${tacit.search.commit-interval:30s}") java.time.Duration commit) {
		this.root = data.indexDirectory();
		this.marker = root.resolve("open.marker");
		this.format = root.resolve("main.format");
		try {
			Path main = root.resolve("main");
			Files.createDirectories(main);
			this.uncleanShutdown = Files.exists(marker) && DirectoryReaderCheck.hasIndex(main);
			this.directory = FSDirectory.open(main);
			this.writer = openWriter(directory, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			this.writer.commit(); // an empty index has a commit point, so readers can always open it
			this.searchers = new SearcherManager(writer, new FacetedSearcherFactory());
			boolean empty = writer.getDocStats().numDocs == 0;
			this.outdated = !empty && !(Files.exists(format) && Files.readString(format).strip().equals(Fields.FORMAT));
			if (empty) {
				Files.writeString(format, Fields.FORMAT);
			}
			Files.writeString(marker, "open");
		}
		catch (LockObtainFailedException e) {
			throw new IllegalStateException("The search index " + root
					+ " is in use by another Tacit process. Stop it first, or give this one another TACIT_DATA_DIR.", e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot open the search index at " + root, e);
		}
		if (uncleanShutdown) {
			log.warn("The search index was not closed cleanly; it will be rebuilt from the database.");
		}
		else if (outdated) {
			log.warn("The search index was written by an earlier version of Tacit; it will be rebuilt from the database.");
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("search-index").factory());
		scheduler.scheduleWithFixedDelay(this::refresh, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
		scheduler.scheduleWithFixedDelay(this::commit, commit.toMillis(), commit.toMillis(), TimeUnit.MILLISECONDS);
	}

	static IndexWriter openWriter(Directory directory, IndexWriterConfig.OpenMode mode) throws IOException {
		return new IndexWriter(directory, config(mode));
	}

	private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
		IndexWriterConfig config = new IndexWriterConfig(Analysis.ANALYZER);
		config.setOpenMode(mode);
		config.setRAMBufferSizeMB(64);
		return config;
	}

	@Override
	public void inStep(UUID org, String key, Runnable readThenWrite) {
		ReentrantLock lock = recordLocks[Math.floorMod(java.util.Objects.hash(org, key), recordLocks.length)];
		lock.lock();
		try {
			readThenWrite.run();
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void put(SearchDocument document) {
		check(document);
		apply(new Change.Put(document));
	}

	@Override
	public void putAll(java.util.Collection<SearchDocument> documents) {
		documents.forEach(LuceneIndex::check);
		List<Change> changes = documents.stream().<Change>map(Change.Put::new).toList();
		synchronized (writeLock) {
			try {
				for (Change change : changes) {
					change.applyTo(writer);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot write to the search index", e);
			}
			if (journal != null) {
				journal.addAll(changes);
			}
		}
		changed.set(true);
		changes.forEach(this::tell);
	}

	@Override
	public void remove(UUID org, String type, String id) {
		if (org == null || type == null || id == null) {
			return;
		}
		apply(new Change.Remove(org, type, id));
	}

	@Override
	public void removeChildren(UUID org, String parentId) {
		if (org == null || parentId == null) {
			return;
		}
		apply(new Change.RemoveChildren(org, parentId));
	}

	private static void check(SearchDocument d) {
		if (d == null || d.org() == null || d.type() == null || d.type().isBlank() || d.type().contains("/")
				|| d.id() == null || d.id().isBlank()) {
			throw new IllegalArgumentException("A search document needs an org, a type (without '/') and an id: " + d);
		}
	}

	private void apply(Change change) {
		synchronized (writeLock) {
			try {
				change.applyTo(writer);
			}
			catch (IOException e) {
				throw new UncheckedIOException("Cannot write to the search index", e);
			}
			if (journal != null) {
				journal.add(change);
			}
		}
		changed.set(true);
		tell(change);
	}

	private void tell(Change change) {
		for (Listener listener : listeners) {
			switch (change) {
				case Change.Put put -> listener.changed(Fields.key(put.document().org(), put.document().type(),
						put.document().id()));
				case Change.Remove remove -> listener.changed(Fields.key(remove.org(), remove.type(), remove.id()));
				case Change.RemoveChildren children -> listener.childrenRemoved(children.org(), children.parentId());
			}
		}
	}

	/** Told of each change after it is written (the vector index follows the records this way). */
	public interface Listener {

		/** The record with this key was put or removed. */
		void changed(String key);

		/** The records with this parent were removed. */
		void childrenRemoved(UUID org, String parentId);

		/** The whole index was replaced by a rebuild. */
		void replaced();
	}

	public void listen(Listener listener) {
		listeners.add(listener);
	}

	/** Makes every write so far visible to the next {@link #search}, now rather than at the next refresh. */
	public void refreshNow() {
		refreshLock.lock();
		try {
			changed.set(false);
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			changed.set(true);
			throw new UncheckedIOException(e);
		}
		finally {
			refreshLock.unlock();
		}
	}

	/** Runs {@code work} with a current searcher, released afterwards. */
	public <T> T search(Function<FacetedSearcher, T> work) {
		try {
			FacetedSearcher searcher = (FacetedSearcher) searchers.acquire();
			try {
				return work.apply(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void refresh() {
		if (!changed.get() || !refreshLock.tryLock()) {
			return;
		}
		try {
			changed.set(false);
			searchers.maybeRefreshBlocking();
		}
		catch (IOException | RuntimeException e) {
			changed.set(true);
			log.warn("Refreshing the search index failed; retrying", e);
		}
		finally {
			refreshLock.unlock();
		}
	}

	/** Makes the changes so far durable. */
	public void commit() {
		synchronized (writeLock) {
			try {
				if (writer.isOpen() && writer.hasUncommittedChanges()) {
					writer.commit();
				}
			}
			catch (IOException | RuntimeException e) {
				log.warn("Committing the search index failed", e);
			}
		}
	}

	/**
	 * Whether the index must be rebuilt from the database: the previous process died without closing it,
	 * or an earlier version wrote it.
	 */
	public boolean needsRebuild() {
		return uncleanShutdown || outdated;
	}

	public boolean writable() {
		return writer.isOpen() && Files.isWritable(root.resolve("main"));
	}

	public int documents() {
		return writer.getDocStats().numDocs;
	}

	public Path path() {
		return root.resolve("main");
	}

	/**
	 * Builds a new index with {@code builder} into a separate folder, then puts it in place of the
	 * current one in a single commit. Searches go on meanwhile against the current index, and the writes
	 * made during the build are applied again on top, so none is lost.
	 */
	public long replace(Builder builder) throws IOException {
		Path fresh = root.resolve("rebuild");
		deleteRecursively(fresh);
		synchronized (writeLock) {
			journal = new ArrayList<>();
		}
		try (Directory target = FSDirectory.open(fresh)) {
			// no compound files for the new segments: they are copied into the index right after, as they are
			try (IndexWriter building = new IndexWriter(target, config(IndexWriterConfig.OpenMode.CREATE).setUseCompoundFile(false))) {
				buildInParallel(builder, building);
				building.commit();
			}
			refreshLock.lock();
			try {
				synchronized (writeLock) {
					writer.deleteAll();
					writer.addIndexes(target);
					for (Change change : journal) {
						change.applyTo(writer);
					}
					journal = null;
					writer.commit();
				}
				searchers.maybeRefreshBlocking();
			}
			finally {
				refreshLock.unlock();
			}
			Files.writeString(format, Fields.FORMAT);
			listeners.forEach(Listener::replaced);
			return writer.getDocStats().numDocs;
		}
		finally {
			synchronized (writeLock) {
				journal = null;
			}
			deleteRecursively(fresh);
		}
	}

	/**
	 * Runs the builder, analysing and writing its documents on one thread per core (the index writer takes
	 * documents from several threads at once) while the builder reads the next ones from the database.
	 */
	private static void buildInParallel(Builder builder, IndexWriter building) throws IOException {
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(threads,
				Thread.ofPlatform().daemon().name("search-rebuild-", 1).factory());
		// a bounded number of documents in flight, so a rebuild needs little memory however large the index
		java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(threads * 32);
		java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
		try {
			builder.build(document -> {
				check(document);
				if (failure.get() != null) {
					throw new IOException("Writing the rebuilt index failed", failure.get());
				}
				room.acquireUninterruptibly();
				workers.execute(() -> {
					try {
						new Change.Put(document).applyTo(building);
					}
					catch (IOException | RuntimeException e) {
						failure.compareAndSet(null, e);
					}
					finally {
						room.release();
					}
				});
			});
		}
		finally {
			workers.shutdown();
			try {
				workers.awaitTermination(1, TimeUnit.HOURS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new java.io.InterruptedIOException("Interrupted while the rebuilt index was written");
			}
		}
		if (failure.get() != null) {
			throw new IOException("Writing the rebuilt index failed", failure.get());
		}
	}

	/** Fills a new index. */
	@FunctionalInterface
	public interface Builder {

		void build(Sink sink) throws IOException;
	}

	/** Takes the documents of a rebuild. */
	@FunctionalInterface
	public interface Sink {

		void add(SearchDocument document) throws IOException;
	}

	@Override
	public void destroy() throws IOException {
		// no interrupt: Lucene's file channels close when a thread doing I/O is interrupted
		scheduler.shutdown();
		try {
			scheduler.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		synchronized (writeLock) {
			if (writer.isOpen()) {
				searchers.close();
				writer.commit();
				writer.close();
			}
			directory.close();
			Files.deleteIfExists(marker);
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	/** A write to the index, kept while a rebuild runs to be applied again afterwards. */
	private sealed interface Change {

		void applyTo(IndexWriter writer) throws IOException;

		record Put(SearchDocument document) implements Change {

			@Override
			public void applyTo(IndexWriter writer) throws IOException {
				writer.updateDocument(Fields.keyTerm(document.org(), document.type(), document.id()),
						Fields.toDocument(document));
			}
		}

		record Remove(UUID org, String type, String id) implements Change {

			@Override
			public void applyTo(IndexWriter writer) throws IOException {
				writer.deleteDocuments(Fields.keyTerm(org, type, id));
			}
		}

		record RemoveChildren(UUID org, String parentId) implements Change {

			@Override
			public void applyTo(IndexWriter writer) throws IOException {
				writer.deleteDocuments(new BooleanQuery.Builder()
					.add(new TermQuery(new Term(Fields.ORG, org.toString())), Occur.FILTER)
					.add(new TermQuery(new Term(Fields.PARENT, parentId)), Occur.FILTER)
					.build());
			}
		}
	}

	/** A searcher with the facet state of its reader, made once per refresh rather than per search. */
	public static final class FacetedSearcher extends IndexSearcher {

		private final SortedSetDocValuesReaderState facets;
		/** Labels of facet values (space and owner names), read once per searcher: the index does not change under it. */
		private final java.util.Map<String, String> labels = new java.util.concurrent.ConcurrentHashMap<>();

		FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facets) {
			super(reader);
			this.facets = facets;
		}

		/** Null while no record with facets was indexed. */
		public SortedSetDocValuesReaderState facets() {
			return facets;
		}

		/** The label of a facet value, read with {@code read} the first time this searcher is asked. */
		public String label(String field, String value, LabelReader read) {
			String key = field + '\u0000' + value;
			String label = labels.get(key);
			if (label == null) {
				try {
					label = read.read();
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				labels.put(key, label);
			}
			return label;
		}

		/** Reads a label from the index. */
		@FunctionalInterface
		public interface LabelReader {

			String read() throws IOException;
		}
	}

	private static final class FacetedSearcherFactory extends SearcherFactory {

		@Override
		public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
			SortedSetDocValuesReaderState state;
			try {
				state = new DefaultSortedSetDocValuesReaderState(reader, Fields.FACETS);
			}
			catch (IllegalArgumentException e) {
				state = null; // nothing with facets indexed yet
			}
			return new FacetedSearcher(reader, state);
		}
	}

	/** Whether a folder holds a Lucene index already. */
	private static final class DirectoryReaderCheck {

		static boolean hasIndex(Path folder) throws IOException {
			try (Directory dir = FSDirectory.open(folder)) {
				return org.apache.lucene.index.DirectoryReader.indexExists(dir);
			}
		}
	}
}
