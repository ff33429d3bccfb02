package org.tacit.search.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.search.internal.Gap;
import org.tacit.search.internal.SearchMode;
import org.tacit.search.internal.SearchRequest;
import org.tacit.search.internal.SearchResults;
import org.tacit.search.internal.SearchService;
import org.tacit.search.internal.SynonymService;
import org.tacit.search.internal.Synonyms;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;

/** One search box over everything an organization knows, its knowledge gaps and its synonyms. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/search")
@Tag(name = "Search", description = "Relevance-ranked search with facets, knowledge gaps and synonyms")
class SearchApi {

	private final Organizations organizations;
	private final SearchService search;
	private final SynonymService synonyms;

	SearchApi(Organizations organizations, SearchService search, SynonymService synonyms) {
		this.organizations = organizations;
		this.search = search;
		this.synonyms = synonyms;
	}

	@GetMapping
	@Operation(summary = "Search what the caller may see",
			description = "q: words (all must match), \"a phrase\", prefix*, -excluded, a OR b; at most 500 characters. "
					+ "Blank q lists everything, most recently changed first. Facet counts cover every match. "
					+ "snippet is HTML: the text escaped, matches in <mark>. A search that finds nothing is "
					+ "recorded as a knowledge gap. page * size + size may not exceed 10,000. "
					+ "mode: keyword (BM25), semantic (by meaning: passage vectors) or hybrid (both, by reciprocal rank "
					+ "fusion); the default is hybrid when semantic search is available. The result's mode says how it "
					+ "was ranked; notes: query-truncated (meaning taken from the first 256 word pieces), "
					+ "semantic-unavailable (ranked by words alone). semantic needs words in q.")
	SearchResults search(@PathVariable String org, @RequestParam(defaultValue = "") String q,
			@Parameter(description = "item, attachment, comment, lesson, ...") @RequestParam(required = false) String type,
			@RequestParam(required = false) String kind,
			@Parameter(description = "the record's lifecycle status: PUBLISHED, VALIDATED, ...") @RequestParam(required = false) String status,
			@RequestParam(required = false) String space,
			@Parameter(description = "repeat for several; all must be present") @RequestParam(required = false) List<String> tag,
			@Parameter(description = "person id") @RequestParam(required = false) String owner,
			@Parameter(description = "true: only stale, false: only fresh") @RequestParam(required = false) String stale,
			@Parameter(description = "keyword, semantic or hybrid") @RequestParam(required = false) String mode,
			Paging paging) {
		SearchMode ranking = SearchMode.parse(mode);
		OrgAccess access = organizations.access(org);
		return search.search(access, SearchRequest.of(q, type, kind, status, space, tag, owner, stale), ranking, paging,
				true);
	}

	@GetMapping("/gaps")
	@Operation(summary = "Searches that found nothing, most frequent first (editors and above)")
	Page<Gap> gaps(@PathVariable String org, Paging paging) {
		return search.gaps(organizations.access(org), paging);
	}

	@GetMapping("/synonyms")
	@Operation(summary = "The organization's synonyms: searching a term also finds its synonyms, and the other way round")
	List<Synonyms.Entry> synonyms(@PathVariable String org) {
		return synonyms.list(organizations.access(org));
	}

	@PutMapping("/synonyms")
	@Operation(summary = "Replace the synonym list (knowledge managers and administrators)",
			description = "At most 500 terms, 20 synonyms each, 100 characters each, without commas or colons.")
	List<Synonyms.Entry> replaceSynonyms(@PathVariable String org, @RequestBody List<Synonyms.Entry> entries) {
		return synonyms.replace(organizations.access(org), entries);
	}
}
