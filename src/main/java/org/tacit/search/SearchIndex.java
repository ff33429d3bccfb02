package org.tacit.search;

import java.util.UUID;

/**
 * Puts records into the index and takes them out. Calls are meant for listeners that run after the
 * change has committed (Spring Modulith's {@code @ApplicationModuleListener}): if the process dies
 * before the index is updated, the event publication registry replays the event on restart.
 * Changes are visible to searches within a second.
 */
public interface SearchIndex {

	/** Adds the record or replaces the one with the same org, type and id. */
	void put(SearchDocument document);

	/** {@link #put} of several records (a batch of an import) in one step of the index. */
	default void putAll(java.util.Collection<SearchDocument> documents) {
		documents.forEach(this::put);
	}

	/** Removes one record; unknown records are ignored. */
	void remove(UUID org, String type, String id);

	/** Removes every record whose parentId is this one (an item's attachments and comments). */
	void removeChildren(UUID org, String parentId);

	/**
	 * Runs a listener's read of a record and its writes to the index as one step for that record.
	 * Listeners run concurrently: without this, one that read an item as a draft could write that draft
	 * after another had written the item's newer, archived state, and the index would stay wrong. Within
	 * one key the later read always writes last. Keys are the record's id, or a module's name where one
	 * change re-reads many records.
	 */
	void inStep(UUID org, String key, Runnable readThenWrite);
}
