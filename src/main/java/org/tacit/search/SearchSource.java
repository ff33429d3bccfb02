package org.tacit.search;

import java.util.function.Consumer;

/**
 * A module's records, offered for a full rebuild of the index ({@code ./tacit reindex}). A module
 * that indexes records implements it as a bean; the database stays the source of truth.
 */
public interface SearchSource {

	/** A short name for progress output, e.g. "library items". */
	String name();

	/** How many documents {@link #forEach} will give, for the progress bar. */
	long count();

	/** Gives every document of every organization, in batches the source chooses. */
	void forEach(Consumer<SearchDocument> sink);
}
