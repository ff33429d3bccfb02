package org.tacit.search.internal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.tacit.organizations.OrgAccess;
import org.tacit.search.KnowledgeSearch;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** Search for other modules ({@link KnowledgeSearch}): the search box's rules, no knowledge gaps recorded. */
@Service
class SearchFacade implements KnowledgeSearch {

	private final SearchService search;
	private final GapStore gapStore;

	SearchFacade(SearchService search, GapStore gapStore) {
		this.search = search;
		this.gapStore = gapStore;
	}

	@Override
	public GapFigures gaps(org.tacit.organizations.OrgId org, java.time.Instant from, java.time.Instant to, int limit) {
		if (limit < 0 || limit > MAX_RESULTS) {
			throw ProblemException.invalid("limit", "paging.size.range", MAX_RESULTS);
		}
		return gapStore.figures(org.value(), from, to, limit);
	}

	@Override
	public SearchCounts searchCounts(org.tacit.organizations.OrgId org, java.time.Instant from, java.time.Instant to) {
		return gapStore.searchCounts(org.value(), from, to);
	}

	@Override
	public List<Found> find(OrgAccess caller, String query, Set<String> types, int limit) {
		checkLimit(limit);
		if (query == null || query.isBlank()) {
			return List.of();
		}
		String q = query.length() > UserQuery.MAX_LENGTH ? query.substring(0, UserQuery.MAX_LENGTH) : query;
		if (types.isEmpty()) {
			return found(search.search(caller, SearchRequest.query(q), new Paging(0, limit), false));
		}
		// one search per type keeps each type's best; merged by score
		return types.stream()
			.flatMap(type -> found(search.search(caller, new SearchRequest(q, type, null, null, null, List.of(), null,
					null), new Paging(0, limit), false)).stream())
			.sorted((a, b) -> Float.compare(b.score(), a.score()))
			.limit(limit)
			.toList();
	}

	@Override
	public List<Found> related(OrgAccess caller, String text, Set<String> types, Set<String> excludeIds, int limit) {
		checkLimit(limit);
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return found(search.related(caller, text, types, excludeIds, limit));
	}

	private static void checkLimit(int limit) {
		if (limit < 1 || limit > MAX_RESULTS) {
			throw ProblemException.invalid("limit", "paging.size.range", MAX_RESULTS);
		}
	}

	private static List<Found> found(SearchResults results) {
		return results.hits()
			.stream()
			.map(h -> new Found(h.type(), h.id(), h.parentId(), h.url(), h.title(), h.snippet(), h.score(), h.kind(),
					h.status(), h.tags()))
			.toList();
	}
}
