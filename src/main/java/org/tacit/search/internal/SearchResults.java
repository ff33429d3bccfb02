package org.tacit.search.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of results, as the API returns it and the page renders it.
 *
 * @param total every visible record that matches, not only this page
 * @param facets counts over all of {@code total}, per dimension, most frequent first
 * @param labels display names of the facet values that are ids: {@code space} (key to name) and {@code owner} (id to name)
 * @param approximate whether words were also matched with a typo (the exact words found too little)
 * @param mode how the results were ranked: {@code keyword}, {@code semantic} or {@code hybrid}
 * @param notes what the person should know about this search: {@code query-truncated} (the meaning was
 *        taken from the query's beginning only), {@code semantic-unavailable} (ranked by words alone)
 */
public record SearchResults(long total, int page, int size, List<Hit> hits, Facets facets,
		Map<String, Map<String, String>> labels, boolean approximate, String mode, List<String> notes) {

	public static final String NOTE_TRUNCATED = "query-truncated";
	public static final String NOTE_UNAVAILABLE = "semantic-unavailable";

	SearchResults(long total, int page, int size, List<Hit> hits, Facets facets,
			Map<String, Map<String, String>> labels, boolean approximate) {
		this(total, page, size, hits, facets, labels, approximate, SearchMode.KEYWORD.label(), List.of());
	}

	SearchResults with(SearchMode mode, List<String> notes) {
		return new SearchResults(total, page, size, hits, facets, labels, approximate, mode.label(), List.copyOf(notes));
	}

	/**
	 * One result.
	 *
	 * @param snippet HTML: the matching passages of the text with all markup escaped, matches in {@code <mark>}
	 */
	public record Hit(String id, String type, String parentId, String url, String title, String snippet, float score,
			boolean stale, String kind, String status, String space, String spaceName, UUID owner, String ownerName, List<String> tags,
			Instant updatedAt) {
	}

	/** Value to count, per facet dimension. {@code freshness} always has {@code stale} and {@code fresh}. */
	public record Facets(Map<String, Integer> type, Map<String, Integer> kind, Map<String, Integer> status,
			Map<String, Integer> space, Map<String, Integer> tag, Map<String, Integer> owner,
			Map<String, Integer> freshness) {

		static Facets none(Map<String, Integer> freshness) {
			return new Facets(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), freshness);
		}
	}

	public int totalPages() {
		return (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	/** For the shared pager fragment. */
	public long totalItems() {
		return total;
	}
}
