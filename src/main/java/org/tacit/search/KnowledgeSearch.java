package org.tacit.search;

import java.util.List;
import java.util.Set;

import org.tacit.organizations.OrgAccess;

/**
 * Search as other modules use it: suggestions for a before-action review, "related knowledge" beside a
 * record, similar questions. Permissions are the caller's, inside the query, exactly as in the search
 * box; nothing here is recorded as a knowledge gap.
 */
public interface KnowledgeSearch {

	/** The most that one call returns. */
	int MAX_RESULTS = 50;

	/**
	 * Records matching a query written as in the search box.
	 *
	 * @param types record types to keep ({@code item}, {@code lesson}, ...); empty for all
	 * @param limit 1 to {@link #MAX_RESULTS}
	 */
	List<Found> find(OrgAccess caller, String query, Set<String> types, int limit);

	/**
	 * Records about the same things as a free text (an activity's description and tags, a question):
	 * its most telling words, any of which may match, best first.
	 *
	 * @param excludeIds ids of records to leave out (the record the text comes from)
	 */
	List<Found> related(OrgAccess caller, String text, Set<String> types, Set<String> excludeIds, int limit);

	/** One result; {@code snippet} is HTML, escaped with the matches in {@code <mark>}. */
	record Found(String type, String id, String parentId, String url, String title, String snippet, float score,
			String kind, String status, List<String> tags) {
	}
}
