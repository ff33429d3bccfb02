package org.tacit.search;

import java.time.Duration;
import java.util.List;

/**
 * Rebuilds the whole index from the database ({@code ./tacit reindex}): every {@link SearchSource}
 * gives its records, which replace the index in one step. Searches keep working meanwhile, on the
 * index as it was, and changes made during the rebuild are kept.
 */
public interface SearchRebuild {

	/** From every {@link SearchSource} of the application. */
	Result rebuild(Progress progress);

	/** From these sources only: what they give becomes the whole index. */
	Result rebuild(List<SearchSource> sources, Progress progress);

	/**
	 * Deletes the passage vectors of semantic search and embeds every record of the index again, telling
	 * {@code progress} how many records are done; returns the number of passages. Fails when semantic search
	 * is switched off or its model is not available.
	 */
	long rebuildVectors(Progress progress);

	/** Told how far a rebuild has come; called often, from the rebuilding thread. */
	@FunctionalInterface
	interface Progress {

		/**
		 * @param source the {@link SearchSource#name()} being read
		 * @param done documents read so far, over all sources
		 * @param total documents the sources announced, over all sources
		 */
		void update(String source, long done, long total);

		static Progress none() {
			return (source, done, total) -> {
			};
		}
	}

	/** What a rebuild did: how many documents the index holds now, and how long it took. */
	record Result(long documents, Duration took) {
	}
}
