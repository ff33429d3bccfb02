package org.tacit.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tacit.search.SearchRebuild;
import org.tacit.search.SearchSource;

/**
 * Rebuilds the index from every module's {@link SearchSource}. One rebuild runs at a time. After a
 * start that found the index not closed cleanly, a rebuild runs in the background.
 */
@Component
class IndexRebuild implements SearchRebuild {

	private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

	private final LuceneIndex index;
	private final ObjectProvider<SearchSource> sources;
	private final Clock clock;
	private final ReentrantLock running = new ReentrantLock();
	private final ObjectProvider<VectorIndex> vectors;
	private volatile boolean rebuiltSinceStart;

	IndexRebuild(LuceneIndex index, ObjectProvider<SearchSource> sources, Clock clock,
			ObjectProvider<VectorIndex> vectors) {
		this.index = index;
		this.vectors = vectors;
		this.sources = sources;
		this.clock = clock;
	}

	@Override
	public Result rebuild(Progress progress) {
		return rebuild(sources.orderedStream().toList(), progress);
	}

	@Override
	public Result rebuild(List<SearchSource> sources, Progress progress) {
		running.lock();
		try {
			Instant start = clock.instant();
			long total = sources.stream().mapToLong(SearchSource::count).sum();
			AtomicLong done = new AtomicLong();
			progress.update("", 0, total);
			long documents = index.replace(sink -> {
				for (SearchSource source : sources) {
					progress.update(source.name(), done.get(), total);
					try {
						source.forEach(document -> {
							try {
								sink.add(document);
							}
							catch (IOException e) {
								throw new UncheckedIOException(e);
							}
							progress.update(source.name(), done.incrementAndGet(), Math.max(total, done.get()));
						});
					}
					catch (UncheckedIOException e) {
						throw e.getCause();
					}
				}
			});
			progress.update("", done.get(), Math.max(total, done.get()));
			rebuiltSinceStart = true;
			Duration took = Duration.between(start, clock.instant());
			log.info("Rebuilt the search index from {} sources: {} documents in {} ms", sources.size(), documents,
					took.toMillis());
			return new Result(documents, took);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Rebuilding the search index failed; the previous index is kept", e);
		}
		finally {
			running.unlock();
		}
	}

	@Override
	public long rebuildVectors(Progress progress) {
		return vectors.getObject().rebuild(progress);
	}

	/** The process before this one died with changes not yet committed to the index, or an earlier version wrote it: rebuild it. */
	@EventListener(ApplicationReadyEvent.class)
	void rebuildAfterUncleanShutdown() {
		if (!index.needsRebuild()) {
			return;
		}
		Thread.ofVirtual().name("search-rebuild").start(() -> {
			running.lock();
			try {
				if (!rebuiltSinceStart) {
					rebuild(Progress.none());
				}
			}
			catch (RuntimeException e) {
				log.error("Rebuilding the search index after an unclean shutdown failed", e);
			}
			finally {
				running.unlock();
			}
		});
	}
}
