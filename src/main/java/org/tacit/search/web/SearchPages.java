package org.tacit.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.search.internal.SearchMode;
import org.tacit.search.internal.SearchRequest;
import org.tacit.search.internal.SearchResults;
import org.tacit.search.internal.SearchService;
import org.tacit.search.internal.SynonymService;
import org.tacit.search.internal.UserQuery;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;
import org.tacit.shared.web.Forms;

/**
 * The search page (results, facets as links that narrow the results, paging), the answers shown
 * under the header's search box while typing, the knowledge gaps and the synonyms.
 */
@Controller
class SearchPages {

	/** How many answers the header's search box shows while typing. */
	static final int SUGGESTIONS = 5;

	private final Organizations organizations;
	private final SearchService search;
	private final SynonymService synonyms;
	private final Texts texts;
	private final Forms forms;

	SearchPages(Organizations organizations, SearchService search, SynonymService synonyms, Texts texts, Forms forms) {
		this.organizations = organizations;
		this.search = search;
		this.synonyms = synonyms;
		this.texts = texts;
		this.forms = forms;
	}

	@GetMapping("/o/{org}/search")
	String search(@PathVariable String org, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String type, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String status, @RequestParam(required = false) String space,
			@RequestParam(required = false) List<String> tag, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String stale, @RequestParam(required = false) String mode, Paging paging,
			Model model) {
		OrgAccess access = organizations.access(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("q", q);
		model.addAttribute("semantic", search.semanticEnabled());
		model.addAttribute("mode", mode == null ? "" : mode);
		model.addAttribute("canSeeGaps", access.can(Role.EDITOR));
		model.addAttribute("canEditSynonyms", access.can(Role.KNOWLEDGE_MANAGER));
		SearchRequest request;
		SearchResults results;
		SearchMode ranking;
		try {
			ranking = SearchMode.parse(mode);
			request = SearchRequest.of(q, type, kind, status, space, tag, owner, stale);
			results = search.search(access, request, ranking, paging, true);
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			forms.reject(model, e, Map.of("page", "q", "size", "q", "type", "q", "kind", "q", "status", "q", "space", "q",
					"tag", "q", "owner", "q", "stale", "q", "mode", "q"));
			model.addAttribute("filters", List.of());
			return "search/search";
		}
		Links links = new Links(access.slug(), ranking == null ? null : ranking.label());
		model.addAttribute("request", request);
		model.addAttribute("results", results);
		model.addAttribute("hits", results.hits().stream().map(h -> new HitView(h, label("search.type.", h.type()),
				h.kind() == null ? null : label("search.kind.", h.kind()), safe(h.snippet()))).toList());
		model.addAttribute("facets", facets(results, request, links));
		model.addAttribute("filters", activeFilters(results, request, links));
		model.addAttribute("pagerBase", links.with(Params.of(request)));
		return "search/search";
	}

	/** A result as the page shows it. */
	record HitView(SearchResults.Hit hit, String typeLabel, String kindLabel, String snippet) {

		/** The record's page; only addresses inside the application are linked. */
		public String href() {
			String url = hit.url();
			return url != null && url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : null;
		}
	}

	/** One facet dimension: a heading and its values as links that add a filter. */
	record FacetView(String key, String heading, List<FacetValue> values) {
	}

	record FacetValue(String label, int count, String href, boolean active) {
	}

	/** A filter in force, with the link that removes it. */
	record Filter(String label, String removeHref) {
	}

	/** Answers under the header's search box while typing: a few titles, no facets, no gap recorded. */
	@GetMapping("/o/{org}/search/suggest")
	String suggest(@PathVariable String org, @RequestParam(defaultValue = "") String q, Model model) {
		OrgAccess access = organizations.access(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("q", q);
		if (q.isBlank() || q.length() > UserQuery.MAX_LENGTH) {
			model.addAttribute("results", null);
			return "search/suggest :: suggestions";
		}
		// by words: a half-typed word has no meaning yet, and a preview per key press must stay cheap
		SearchResults results = search.search(access, SearchRequest.query(asTyped(q)), SearchMode.KEYWORD,
				new Paging(0, SUGGESTIONS), false);
		model.addAttribute("results", results);
		model.addAttribute("hits", results.hits().stream().map(h -> new HitView(h, label("search.type.", h.type()),
				null, "")).toList());
		return "search/suggest :: suggestions";
	}

	/** While typing, the last word is probably not finished: it also finds words that start with it. */
	static String asTyped(String q) {
		int end = q.length();
		int start = end;
		while (start > 0 && Character.isLetterOrDigit(q.charAt(start - 1))) {
			start--;
		}
		boolean unfinished = end - start >= 2 && (start == 0 || Character.isWhitespace(q.charAt(start - 1)));
		String word = q.substring(start);
		return unfinished ? q.substring(0, start) + word + " OR " + word + "*" : q;
	}

	@GetMapping("/o/{org}/search/gaps")
	String gaps(@PathVariable String org, Paging paging, Model model) {
		OrgAccess access = organizations.access(org).require(Role.EDITOR);
		model.addAttribute("currentOrg", access);
		model.addAttribute("gaps", search.gaps(access, paging));
		return "search/gaps";
	}

	@GetMapping("/o/{org}/search/synonyms")
	String synonyms(@PathVariable String org, Model model) {
		OrgAccess access = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		model.addAttribute("currentOrg", access);
		model.addAttribute("synonyms", SynonymService.format(synonyms.list(access)));
		model.addAttribute("maxEntries", SynonymService.MAX_ENTRIES);
		model.addAttribute("maxSynonyms", SynonymService.MAX_SYNONYMS);
		return "search/synonyms";
	}

	@PostMapping("/o/{org}/search/synonyms")
	String saveSynonyms(@PathVariable String org, @RequestParam(defaultValue = "") String synonyms, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		try {
			int count = this.synonyms.replace(access, SynonymService.parse(synonyms)).size();
			redirect.addFlashAttribute("notice", "search.synonyms.saved");
			redirect.addFlashAttribute("noticeArg", count);
			return "redirect:/o/" + access.slug() + "/search/synonyms";
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			Map<String, String> inputs = new java.util.HashMap<>();
			e.fields().forEach(f -> inputs.put(f.field(), "synonyms"));
			forms.reject(model, e, inputs);
			model.addAttribute("currentOrg", access);
			model.addAttribute("synonyms", synonyms);
			model.addAttribute("maxEntries", SynonymService.MAX_ENTRIES);
			model.addAttribute("maxSynonyms", SynonymService.MAX_SYNONYMS);
			return "search/synonyms";
		}
	}

	private List<FacetView> facets(SearchResults results, SearchRequest request, Links links) {
		List<FacetView> views = new ArrayList<>();
		SearchResults.Facets facets = results.facets();
		Params current = Params.of(request);
		views.add(new FacetView("type", texts.get("search.facet.type"), facets.type().entrySet().stream()
			.map(e -> new FacetValue(label("search.type.", e.getKey()), e.getValue(),
					links.with(current.withType(e.getKey())), e.getKey().equals(request.type())))
			.toList()));
		views.add(new FacetView("kind", texts.get("search.facet.kind"), facets.kind().entrySet().stream()
			.map(e -> new FacetValue(label("search.kind.", e.getKey()), e.getValue(),
					links.with(current.withKind(e.getKey())), e.getKey().equals(request.kind())))
			.toList()));
		views.add(new FacetView("status", texts.get("search.facet.status"), facets.status().entrySet().stream()
			.map(e -> new FacetValue(label("search.status.", e.getKey()), e.getValue(),
					links.with(current.withStatus(e.getKey())), e.getKey().equals(request.status())))
			.toList()));
		Map<String, String> spaceNames = results.labels().getOrDefault("space", Map.of());
		views.add(new FacetView("space", texts.get("search.facet.space"), facets.space().entrySet().stream()
			.map(e -> new FacetValue(spaceNames.getOrDefault(e.getKey(), e.getKey()), e.getValue(),
					links.with(current.withSpace(e.getKey())), e.getKey().equals(request.space())))
			.toList()));
		views.add(new FacetView("tag", texts.get("search.facet.tag"), facets.tag().entrySet().stream()
			.map(e -> new FacetValue(e.getKey(), e.getValue(), links.with(withTag(request, e.getKey())),
					request.tags().contains(e.getKey())))
			.toList()));
		Map<String, String> ownerNames = results.labels().getOrDefault("owner", Map.of());
		views.add(new FacetView("owner", texts.get("search.facet.owner"), facets.owner().entrySet().stream()
			.map(e -> new FacetValue(ownerNames.getOrDefault(e.getKey(), e.getKey()), e.getValue(),
					links.with(current.withOwner(java.util.UUID.fromString(e.getKey()))),
					request.owner() != null && e.getKey().equals(request.owner().toString())))
			.toList()));
		views.add(new FacetView("freshness", texts.get("search.facet.freshness"), facets.freshness().entrySet().stream()
			.filter(e -> e.getValue() > 0)
			.map(e -> {
				boolean stale = e.getKey().equals("stale");
				return new FacetValue(texts.get("search.freshness." + e.getKey()), e.getValue(),
						links.with(current.withStale(stale)), request.stale() != null && request.stale() == stale);
			})
			.toList()));
		views.removeIf(v -> v.values().isEmpty());
		return views;
	}

	private static Params withTag(SearchRequest request, String tag) {
		List<String> tags = new ArrayList<>(request.tags());
		if (!tags.contains(tag) && tags.size() < SearchRequest.MAX_TAGS) {
			tags.add(tag);
		}
		return Params.of(request).withTags(tags);
	}

	private List<Filter> activeFilters(SearchResults results, SearchRequest request, Links links) {
		List<Filter> filters = new ArrayList<>();
		Params current = Params.of(request);
		if (request.type() != null) {
			filters.add(new Filter(texts.get("search.facet.type") + ": " + label("search.type.", request.type()),
					links.with(current.withType(null))));
		}
		if (request.kind() != null) {
			filters.add(new Filter(texts.get("search.facet.kind") + ": " + label("search.kind.", request.kind()),
					links.with(current.withKind(null))));
		}
		if (request.status() != null) {
			filters.add(new Filter(texts.get("search.facet.status") + ": " + label("search.status.", request.status()),
					links.with(current.withStatus(null))));
		}
		if (request.space() != null) {
			String name = results.labels().getOrDefault("space", Map.of()).getOrDefault(request.space(), request.space());
			filters.add(new Filter(texts.get("search.facet.space") + ": " + name, links.with(current.withSpace(null))));
		}
		for (String tag : request.tags()) {
			List<String> others = request.tags().stream().filter(t -> !t.equals(tag)).toList();
			filters.add(new Filter(texts.get("search.facet.tag") + ": " + tag, links.with(current.withTags(others))));
		}
		if (request.owner() != null) {
			String name = results.labels()
				.getOrDefault("owner", Map.of())
				.getOrDefault(request.owner().toString(), request.owner().toString());
			filters.add(new Filter(texts.get("search.facet.owner") + ": " + name, links.with(current.withOwner(null))));
		}
		if (request.stale() != null) {
			filters.add(new Filter(texts.get("search.facet.freshness") + ": "
					+ texts.get("search.freshness." + (request.stale() ? "stale" : "fresh")),
					links.with(current.withStale(null))));
		}
		return filters;
	}

	/** The visible name of a type or kind, or the value itself when it has none (a later module's type). */
	private String label(String prefix, String value) {
		String text = texts.get(prefix + value);
		return text.equals(prefix + value) ? value : text;
	}

	/**
	 * The snippet comes escaped from the highlighter, with only {@code <mark>} added; should anything
	 * else that looks like markup ever be in it, all of it is escaped.
	 */
	static String safe(String snippet) {
		if (snippet == null) {
			return "";
		}
		String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
		return withoutMarks.indexOf('<') >= 0 || withoutMarks.indexOf('>') >= 0 ? HtmlUtils.htmlEscape(snippet) : snippet;
	}

	/** The parameters of a link to the search page; not checked, since their values come from the index. */
	record Params(String q, String type, String kind, String status, String space, List<String> tags,
			java.util.UUID owner, Boolean stale) {

		static Params of(SearchRequest request) {
			return new Params(request.q(), request.type(), request.kind(), request.status(), request.space(),
					request.tags(), request.owner(), request.stale());
		}

		Params withType(String value) {
			return new Params(q, value, kind, status, space, tags, owner, stale);
		}

		Params withKind(String value) {
			return new Params(q, type, value, status, space, tags, owner, stale);
		}

		Params withStatus(String value) {
			return new Params(q, type, kind, value, space, tags, owner, stale);
		}

		Params withSpace(String value) {
			return new Params(q, type, kind, status, value, tags, owner, stale);
		}

		Params withTags(List<String> value) {
			return new Params(q, type, kind, status, space, value, owner, stale);
		}

		Params withOwner(java.util.UUID value) {
			return new Params(q, type, kind, status, space, tags, value, stale);
		}

		Params withStale(Boolean value) {
			return new Params(q, type, kind, status, space, tags, owner, value);
		}
	}

	/** Addresses of the search page with other filters, relative to the application (th:href adds the context). */
	private record Links(String slug, String mode) {

		String with(Params request) {
			List<String> parameters = new ArrayList<>();
			if (!request.q().isBlank()) {
				parameters.add(parameter("q", request.q()));
			}
			if (request.type() != null) {
				parameters.add(parameter("type", request.type()));
			}
			if (request.kind() != null) {
				parameters.add(parameter("kind", request.kind()));
			}
			if (request.status() != null) {
				parameters.add(parameter("status", request.status()));
			}
			if (request.space() != null) {
				parameters.add(parameter("space", request.space()));
			}
			request.tags().forEach(t -> parameters.add(parameter("tag", t)));
			if (request.owner() != null) {
				parameters.add(parameter("owner", request.owner().toString()));
			}
			if (request.stale() != null) {
				parameters.add(parameter("stale", request.stale().toString()));
			}
			if (mode != null) {
				parameters.add(parameter("mode", mode));
			}
			String path = "/o/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "/search";
			return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
		}

		private static String parameter(String name, String value) {
			return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
		}
	}
}
