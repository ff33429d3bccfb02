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
	 * @param excludeIds ids of records to leave out (the record the text comes from), with their parts
	 *        (the records whose parent they are)
	 */
	List<Found> related(OrgAccess caller, String text, Set<String> types, Set<String> excludeIds, int limit);

	/**
	 * The organization's knowledge gaps for measurement, whoever asks: searches that found nothing and were
	 * last made from {@code from} (inclusive) to {@code to} (exclusive), most searched first.
	 *
	 * @param limit how many of them to list, 0 to {@link #MAX_RESULTS}
	 */
	GapFigures gaps(org.tacit.organizations.OrgId org, java.time.Instant from, java.time.Instant to, int limit);

	/**
	 * Searches made in a period (whole UTC days: {@code from}'s day up to the day before {@code to}'s) and
	 * how many of them found nothing, for measurement; whoever asks. Previews while typing do not count.
	 */
	SearchCounts searchCounts(org.tacit.organizations.OrgId org, java.time.Instant from, java.time.Instant to);

	/** Searches of a period and those that found nothing. */
	record SearchCounts(long searches, long zeroResults) {
	}

	/**
	 * Knowledge gaps of a period.
	 *
	 * @param searched queries without results last searched in the period
	 * @param firstSearched of those, how many were searched for the first time in the period
	 * @param top the most searched of them, with how often they were searched since first seen
	 */
	record GapFigures(long searched, long firstSearched, List<GapQuery> top) {
	}

	/** A query that found nothing. */
	record GapQuery(String query, long searches, java.time.Instant firstSearchedAt, java.time.Instant lastSearchedAt) {
	}

	/** How many related records a page shows beside a record. */
	int RELATED_ON_PAGE = 5;

	/** One result; {@code snippet} is HTML, escaped with the matches in {@code <mark>}. */
	record Found(String type, String id, String parentId, String url, String title, String snippet, float score,
			String kind, String status, List<String> tags) {
	}
}
