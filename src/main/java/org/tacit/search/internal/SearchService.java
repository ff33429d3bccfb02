package org.tacit.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;
import org.tacit.search.internal.LuceneIndex.FacetedSearcher;
import org.tacit.search.internal.SearchResults.Facets;
import org.tacit.search.internal.SearchResults.Hit;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/**
 * Searches an organization's records for one person: what they may see is part of the query, facets
 * count every match, snippets mark the matches, and searches that find nothing are recorded as
 * knowledge gaps.
 */
@Service
public class SearchService {

	private static final Logger log = LoggerFactory.getLogger(SearchService.class);

	/** Results beyond this position are not served: a filter serves people better than deep paging. */
	public static final int MAX_RESULT_WINDOW = 10_000;
	/** The stored fields a result shows; the text, by far the largest, is read by the highlighter alone. */
	private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of(Fields.ID, Fields.TYPE, Fields.PARENT,
			Fields.URL, Fields.TITLE, Fields.STALE, Fields.KIND, Fields.STATUS, Fields.SPACE, Fields.SPACE_NAME,
			Fields.OWNER, Fields.OWNER_NAME, Fields.TAGS, Fields.UPDATED);
	/** When the exact words find fewer results than this, words are also matched with a typo. */
	static final int FEW = 3;
	static final int SNIPPET_LENGTH = 180;
	/**
	 * Snippets are the best passages of the first this many characters of a record's text: a long text with
	 * hundreds of matches would otherwise cost more to highlight than the whole search.
	 */
	static final int SNIPPET_SCAN = 10_000;
	static final int SNIPPET_PASSAGES = 2;
	private static final int FACET_VALUES = 20;
	/** The words of a text that "related" searches for. */
	static final int RELATED_TERMS = 25;

	private final LuceneIndex index;
	private final Visibility visibility;
	private final SynonymService synonyms;
	private final GapStore gaps;
	private final Clock clock;
	private final Hybrid hybrid;

	SearchService(LuceneIndex index, Visibility visibility, SynonymService synonyms, GapStore gaps, Clock clock,
			Hybrid hybrid) {
		this.index = index;
		this.hybrid = hybrid;
		this.visibility = visibility;
		this.synonyms = synonyms;
		this.gaps = gaps;
		this.clock = clock;
	}

	/** Whether semantic search is switched on (the page then offers the modes). */
	public boolean semanticEnabled() {
		return hybrid.enabled();
	}

	/** A search in the default mode: hybrid when semantic search is available, else by words. */
	public SearchResults search(OrgAccess access, SearchRequest request, Paging paging, boolean recordGap) {
		return search(access, request, null, paging, recordGap);
	}

	/**
	 * @param requested how to rank; null for the default (hybrid when semantic search is available)
	 * @param recordGap whether a search that finds nothing counts as a knowledge gap (not for the
	 *        previews shown while typing, whose half-typed words are no gaps)
	 */
	public SearchResults search(OrgAccess access, SearchRequest request, SearchMode requested, Paging paging,
			boolean recordGap) {
		if (paging.offset() + paging.size() > MAX_RESULT_WINDOW) {
			throw ProblemException.invalid("page", "search.page.tooDeep", MAX_RESULT_WINDOW);
		}
		boolean blank = request.q().isBlank();
		if (blank && requested == SearchMode.SEMANTIC) {
			throw ProblemException.invalid("q", "search.q.emptyForMeaning");
		}
		UUID org = access.orgId().value();
		Visibility.Rules rules = visibility.of(access);
		Query filter = filter(access, rules, request);
		UserQuery userQuery = UserQuery.parse(request.q());
		List<String> notes = new ArrayList<>();
		// without words there is no meaning to compare: the newest come first, as in keyword mode
		SearchMode mode = blank ? SearchMode.KEYWORD
				: requested != null ? requested : hybrid.enabled() ? SearchMode.HYBRID : SearchMode.KEYWORD;
		Embeddings.QueryVector vector = null;
		if (mode != SearchMode.KEYWORD) {
			vector = hybrid.vector(request.q());
			if (vector == null) {
				mode = SearchMode.KEYWORD;
				if (requested != null || hybrid.enabled()) {
					notes.add(SearchResults.NOTE_UNAVAILABLE);
				}
			}
			else if (vector.truncated()) {
				notes.add(SearchResults.NOTE_TRUNCATED);
			}
		}
		SearchMode ranking = mode;
		Embeddings.QueryVector meaning = vector;
		SearchResults results = index.search(searcher -> {
			if (blank) {
				return run(searcher, new MatchAllDocsQuery(), filter, null, paging, false);
			}
			if (ranking == SearchMode.SEMANTIC) {
				return fused(searcher, null, filter, null, meaning, paging, false);
			}
			Synonyms orgSynonyms = synonyms.synonyms(org);
			QueryFactory queries = new QueryFactory(orgSynonyms, java.util.Set.of());
			Query exact = queries.relevance(userQuery);
			if (exact == null) {
				return ranking == SearchMode.HYBRID ? fused(searcher, null, filter, null, meaning, paging, false)
						: empty(paging);
			}
			if (ranking == SearchMode.HYBRID) {
				return hybrid(searcher, userQuery, orgSynonyms, queries, exact, filter, meaning, paging);
			}
			SearchResults found = run(searcher, exact, filter, queries.forHighlighting().relevance(userQuery), paging,
					false);
			java.util.Set<String> unknown = found.total() < FEW ? unknownWords(searcher, userQuery, filter) : java.util.Set.of();
			if (!unknown.isEmpty()) {
				QueryFactory typos = new QueryFactory(orgSynonyms, unknown);
				SearchResults approximate = run(searcher, typos.relevance(userQuery), filter,
						typos.forHighlighting().relevance(userQuery), paging, true);
				if (approximate.total() > found.total()) {
					return approximate;
				}
			}
			return found;
		}).with(mode, notes);
		if (recordGap && results.total() == 0) {
			record(org, request.q());
		}
		if (recordGap) {
			gaps.counted(org, request.q(), results.total() == 0, clock.instant());
		}
		return results;
	}

	/** The keyword half as in keyword mode (with typos when the exact words find too little), fused with meaning. */
	private SearchResults hybrid(FacetedSearcher searcher, UserQuery userQuery, Synonyms orgSynonyms,
			QueryFactory queries, Query exact, Query filter, Embeddings.QueryVector meaning, Paging paging) {
		try {
			Query highlight = queries.forHighlighting().relevance(userQuery);
			Fusion found = fusion(searcher, exact, filter, highlight, meaning, paging, false);
			// as in keyword mode, typos are tried when the exact words find too little (and only then, since
			// counting costs another pass); the words found in the first window show it without a count
			java.util.Set<String> unknown = found.wordMatches() < FEW ? unknownWords(searcher, userQuery, filter)
					: java.util.Set.of();
			if (!unknown.isEmpty()) {
				QueryFactory typos = new QueryFactory(orgSynonyms, unknown);
				Query typoRelevance = typos.relevance(userQuery);
				int typoCount = searcher
					.count(new BooleanQuery.Builder().add(typoRelevance, Occur.MUST).add(filter, Occur.FILTER).build());
				if (typoCount > found.wordMatches()) {
					return fused(searcher, typoRelevance, filter, typos.forHighlighting().relevance(userQuery), meaning,
							paging, true);
				}
			}
			return found.results();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Fused results, and how many records the words matched among the first {@code window + nearest}
	 * (all of them when fewer).
	 */
	private record Fusion(SearchResults results, int wordMatches) {
	}

	private SearchResults fused(FacetedSearcher searcher, Query relevance, Query filter, Query highlight,
			Embeddings.QueryVector meaning, Paging paging, boolean approximate) {
		return fusion(searcher, relevance, filter, highlight, meaning, paging, approximate).results();
	}

	/**
	 * Results ranked by reciprocal rank fusion of the words ({@code relevance}, null for none: meaning alone)
	 * and the meaning of the query. Both halves are filtered inside their queries; the records found by
	 * meaning are looked up in the text index with the same filter, so a passage whose record changed
	 * since it was embedded never shows what the person may no longer see. Total and facets count the
	 * union; a record found by meaning alone shows its best passage as the snippet.
	 */
	private Fusion fusion(FacetedSearcher searcher, Query relevance, Query filter, Query highlight,
			Embeddings.QueryVector meaning, Paging paging, boolean approximate) {
		try {
			List<VectorIndex.Nearest> nearest = hybrid.nearest(meaning, filter);
			Map<String, VectorIndex.Nearest> byKey = new LinkedHashMap<>();
			nearest.forEach(n -> byKey.put(n.key(), n));
			Query semantic = new TermInSetQuery(Fields.KEY, byKey.keySet().stream().map(BytesRef::new).toList());
			// the semantic clause only widens the match (for total and facets); its score is zero, so scores are BM25's
			BooleanQuery.Builder union = new BooleanQuery.Builder()
				.add(new org.apache.lucene.search.BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(semantic), 0f),
						Occur.SHOULD);
			if (relevance != null) {
				union.add(QueryFactory.freshness(relevance, clock.instant()), Occur.SHOULD);
			}
			// the halves in a query of their own: beside a filter, optional clauses would match everything
			Query query = new BooleanQuery.Builder().add(union.build(), Occur.MUST).add(filter, Occur.FILTER).build();
			int window = (int) (paging.offset() + paging.size());
			FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query,
					window + byKey.size(), new FacetsCollectorManager());
			long total = result.facetsCollector()
				.getMatchingDocs()
				.stream()
				.mapToLong(FacetsCollector.MatchingDocs::totalHits)
				.sum();
			List<Integer> byWords = new ArrayList<>();
			Map<Integer, Float> wordScores = new java.util.HashMap<>();
			for (ScoreDoc doc : result.topDocs().scoreDocs) {
				if (relevance != null && doc.score > 0) {
					byWords.add(doc.doc);
					wordScores.put(doc.doc, doc.score);
				}
			}
			StoredFields stored = searcher.storedFields();
			List<Integer> byMeaning = new ArrayList<>();
			Map<Integer, VectorIndex.Nearest> passages = new java.util.HashMap<>();
			if (!byKey.isEmpty()) {
				Query visible = new BooleanQuery.Builder().add(semantic, Occur.MUST).add(filter, Occur.FILTER).build();
				Map<String, Integer> docs = new java.util.HashMap<>();
				for (ScoreDoc doc : searcher.search(visible, byKey.size()).scoreDocs) {
					docs.put(stored.document(doc.doc, java.util.Set.of(Fields.KEY)).get(Fields.KEY), doc.doc);
				}
				for (VectorIndex.Nearest near : nearest) {
					Integer doc = docs.get(near.key());
					if (doc != null) {
						byMeaning.add(doc);
						passages.put(doc, near);
					}
				}
			}
			List<Hybrid.Fused<Integer>> ranked = hybrid.fuse(byWords, byMeaning);
			List<Hybrid.Fused<Integer>> page = paging.offset() >= ranked.size() ? List.of()
					: ranked.subList((int) paging.offset(), Math.min(ranked.size(), window));
			ScoreDoc[] matched = page.stream()
				.filter(f -> f.keywordRank() > 0)
				.map(f -> new ScoreDoc(f.record(), wordScores.get(f.record())))
				.toArray(ScoreDoc[]::new);
			String[] highlighted = snippets(searcher, highlight, matched);
			Map<Integer, String> snippets = new java.util.HashMap<>();
			for (int i = 0; i < matched.length; i++) {
				snippets.put(matched[i].doc, highlighted[i]);
			}
			List<Hit> hits = new ArrayList<>();
			for (Hybrid.Fused<Integer> f : page) {
				String snippet = snippets.containsKey(f.record()) ? snippets.get(f.record())
						: passageSnippet(passages.get(f.record()));
				hits.add(hit(stored.document(f.record(), HIT_FIELDS), (float) f.score(), snippet));
			}
			Facets facets = facets(searcher, result.facetsCollector());
			int wordMatches = byWords.size();
			if (relevance != null && wordMatches < FEW && result.topDocs().scoreDocs.length >= window + byKey.size()) {
				// a window smaller than FEW: count the words' matches beyond it
				wordMatches = searcher
					.count(new BooleanQuery.Builder().add(relevance, Occur.MUST).add(filter, Occur.FILTER).build());
			}
			return new Fusion(new SearchResults(total, paging.page(), paging.size(), hits, facets,
					labels(searcher, facets), approximate), wordMatches);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A passage found by meaning as a snippet: escaped, without the title it starts with, cut at a word. */
	static String passageSnippet(VectorIndex.Nearest near) {
		if (near == null || near.passage() == null) {
			return "";
		}
		String passage = near.passage();
		int newline = passage.indexOf('\n');
		String text = (newline >= 0 ? passage.substring(newline + 1) : passage).strip();
		int limit = SNIPPET_LENGTH * 3 / 2;
		if (text.length() > limit) {
			int space = text.lastIndexOf(' ', limit);
			text = text.substring(0, space > limit / 2 ? space : limit) + " …";
		}
		return org.springframework.web.util.HtmlUtils.htmlEscape(text);
	}

	/**
	 * Records like a free text: its most telling words (by how rare they are in the index), any of which
	 * may match, in the title (boosted) or the text, fused with the records nearest to the text in meaning
	 * when semantic search is available; within what the caller may see.
	 */
	public SearchResults related(OrgAccess access, String text, java.util.Set<String> types,
			java.util.Set<String> excludeIds, int limit) {
		Visibility.Rules rules = visibility.of(access);
		SearchRequest none = SearchRequest.query("");
		BooleanQuery.Builder filter = new BooleanQuery.Builder().add(filter(access, rules, none), Occur.FILTER);
		if (!types.isEmpty()) {
			filter.add(new TermInSetQuery(Fields.TYPE, types.stream().map(BytesRef::new).toList()), Occur.FILTER);
		}
		for (String id : excludeIds) {
			// the record the text comes from, and its parts (an item's attachments and comments)
			filter.add(term(Fields.ID, id), Occur.MUST_NOT);
			filter.add(term(Fields.PARENT, id), Occur.MUST_NOT);
		}
		Paging paging = new Paging(0, limit);
		String like = text == null ? "" : text.length() > UserQuery.MAX_RELATED_TEXT
				? text.substring(0, UserQuery.MAX_RELATED_TEXT) : text;
		Embeddings.QueryVector meaning = like.isBlank() ? null : hybrid.vector(like);
		return index.search(searcher -> {
			try {
				org.apache.lucene.queries.mlt.MoreLikeThis mlt = new org.apache.lucene.queries.mlt.MoreLikeThis(
						searcher.getIndexReader());
				mlt.setAnalyzer(Analysis.ANALYZER);
				mlt.setMinTermFreq(1);
				mlt.setMinDocFreq(1);
				mlt.setMaxQueryTerms(RELATED_TERMS);
				mlt.setBoost(true);
				// the index keeps stop words for phrases; as a "related" word they only add noise
				mlt.setStopWords(org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
				mlt.setFieldNames(new String[] { Fields.TEXT });
				Query inText = mlt.like(Fields.TEXT, new java.io.StringReader(like));
				mlt.setFieldNames(new String[] { Fields.TITLE });
				Query inTitle = mlt.like(Fields.TITLE, new java.io.StringReader(like));
				Query relevance = new BooleanQuery.Builder().add(inText, Occur.SHOULD)
					.add(new org.apache.lucene.search.BoostQuery(inTitle, QueryFactory.TITLE_BOOST), Occur.SHOULD)
					.build();
				boolean words = !(noTerms(inText) && noTerms(inTitle));
				if (meaning != null) {
					return fused(searcher, words ? relevance : null, filter.build(), words ? relevance : null, meaning,
							paging, false);
				}
				if (!words) {
					return empty(paging);
				}
				return run(searcher, relevance, filter.build(), relevance, paging, false);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	/**
	 * The words of the query that may be misspelled: long enough for a typo, and found in no record the
	 * person may see (a word that is there is no typo, and expanding it would only cost time and add noise).
	 */
	private static java.util.Set<String> unknownWords(FacetedSearcher searcher, UserQuery query, Query filter) {
		java.util.Set<String> unknown = new java.util.HashSet<>();
		try {
			for (String word : QueryFactory.fuzzyCandidates(query)) {
				List<String> terms = Analysis.terms(word);
				BooleanQuery.Builder anyField = new BooleanQuery.Builder();
				for (String field : List.of(Fields.TITLE, Fields.TAGS, Fields.TEXT)) {
					anyField.add(new TermQuery(new Term(field, terms.get(0))), Occur.SHOULD);
				}
				Query visible = new org.apache.lucene.search.ConstantScoreQuery(
						new BooleanQuery.Builder().add(anyField.build(), Occur.MUST).add(filter, Occur.FILTER).build());
				// the first visible match is enough: with a threshold of one hit, the search stops there
				TopDocs first = searcher.search(visible,
						new org.apache.lucene.search.TopScoreDocCollectorManager(1, null, 1));
				if (first.scoreDocs.length == 0) {
					unknown.add(word);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return unknown;
	}

	private static boolean noTerms(Query query) {
		return query instanceof BooleanQuery b && b.clauses().isEmpty();
	}

	/** The zero-result searches of the organization, most frequent first; editors and above. */
	public Page<Gap> gaps(OrgAccess access, Paging paging) {
		access.require(Role.EDITOR);
		UUID org = access.orgId().value();
		return paging.of(gaps.list(org, paging), gaps.count(org));
	}

	private void record(UUID org, String q) {
		String normalized = UserQuery.normalize(q);
		if (normalized.isEmpty()) {
			return;
		}
		try {
			gaps.record(org, normalized, clock.instant());
		}
		catch (RuntimeException e) {
			// a gap that is not counted must not cost the person their (empty) results
			log.warn("Could not record the knowledge gap {}", normalized, e);
		}
	}

	/** Organization, permissions and the requested filters: all inside the query. */
	private static Query filter(OrgAccess access, Visibility.Rules rules, SearchRequest request) {
		BooleanQuery.Builder filter = new BooleanQuery.Builder();
		filter.add(term(Fields.ORG, access.orgId().toString()), Occur.FILTER);
		BooleanQuery.Builder visible = new BooleanQuery.Builder()
			.add(term(Fields.MEMBERS_ONLY, "false"), Occur.SHOULD);
		if (!rules.readableMembersOnlySpaces().isEmpty()) {
			visible.add(new TermInSetQuery(Fields.SPACE,
					rules.readableMembersOnlySpaces().stream().map(BytesRef::new).toList()), Occur.SHOULD);
		}
		filter.add(visible.build(), Occur.FILTER);
		// unpublished records: one's own; outside members-only spaces for editors and above; in the spaces
		// where one is an editor by one's space role (inside a members-only space only that counts)
		BooleanQuery.Builder readable = new BooleanQuery.Builder().add(term(Fields.PUBLISHED, "true"), Occur.SHOULD)
			.add(term(Fields.OWNER, access.personId().toString()), Occur.SHOULD);
		if (rules.seesUnpublished()) {
			readable.add(term(Fields.MEMBERS_ONLY, "false"), Occur.SHOULD);
		}
		if (!rules.editedSpaces().isEmpty()) {
			readable.add(new TermInSetQuery(Fields.SPACE, rules.editedSpaces().stream().map(BytesRef::new).toList()),
					Occur.SHOULD);
		}
		filter.add(readable.build(), Occur.FILTER);
		if (request.type() != null) {
			filter.add(term(Fields.TYPE, request.type()), Occur.FILTER);
		}
		if (request.kind() != null) {
			filter.add(term(Fields.KIND, request.kind()), Occur.FILTER);
		}
		if (request.status() != null) {
			filter.add(term(Fields.STATUS, request.status()), Occur.FILTER);
		}
		if (request.space() != null) {
			filter.add(term(Fields.SPACE, request.space()), Occur.FILTER);
		}
		for (String tag : request.tags()) {
			filter.add(term(Fields.TAG, tag), Occur.FILTER);
		}
		if (request.owner() != null) {
			filter.add(term(Fields.OWNER, request.owner().toString()), Occur.FILTER);
		}
		if (request.stale() != null) {
			filter.add(term(Fields.STALE, request.stale().toString()), Occur.FILTER);
		}
		return filter.build();
	}

	private static Query term(String field, String value) {
		return new TermQuery(new Term(field, value));
	}

	private SearchResults run(FacetedSearcher searcher, Query relevance, Query filter, Query highlight, Paging paging,
			boolean approximate) {
		try {
			Query query = new BooleanQuery.Builder()
				.add(QueryFactory.freshness(relevance, clock.instant()), Occur.MUST)
				.add(filter, Occur.FILTER)
				.build();
			int window = (int) (paging.offset() + paging.size());
			// without words there is no relevance: the most recently changed come first
			Sort sort = highlight == null ? new Sort(new SortField(Fields.UPDATED, SortField.Type.LONG, true)) : null;
			FacetsCollectorManager.FacetsResult result = sort == null
					? FacetsCollectorManager.search(searcher, query, window, new FacetsCollectorManager())
					: FacetsCollectorManager.search(searcher, query, window, sort, false, new FacetsCollectorManager());
			long total = result.facetsCollector()
				.getMatchingDocs()
				.stream()
				.mapToLong(FacetsCollector.MatchingDocs::totalHits)
				.sum();
			ScoreDoc[] all = result.topDocs().scoreDocs;
			ScoreDoc[] page = paging.offset() >= all.length ? new ScoreDoc[0]
					: Arrays.copyOfRange(all, (int) paging.offset(), Math.min(all.length, window));
			String[] snippets = snippets(searcher, highlight, page);
			StoredFields stored = searcher.storedFields();
			List<Hit> hits = new ArrayList<>();
			for (int i = 0; i < page.length; i++) {
				hits.add(hit(stored.document(page[i].doc, HIT_FIELDS), page[i].score, snippets[i]));
			}
			Facets facets = facets(searcher, result.facetsCollector());
			return new SearchResults(total, paging.page(), paging.size(), hits, facets, labels(searcher, facets),
					approximate);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String[] snippets(FacetedSearcher searcher, Query highlight, ScoreDoc[] page) throws IOException {
		if (page.length == 0) {
			return new String[0];
		}
		UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, Analysis.ANALYZER)
			// escaped: no markup of the record reaches a page, only the <mark> around matches
			.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(new SnippetBreaks(), SNIPPET_LENGTH, 0.5f))
			.withMaxLength(SNIPPET_SCAN)
			// the words' offsets straight from the index: matching the whole query again on every result
			// (weight matches) cost more than the search itself
			.withWeightMatches(false)
			.withMaxNoHighlightPassages(1)
			.build();
		TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
		String[] snippets = highlight == null
				? highlighter.highlight(Fields.TEXT, new MatchAllDocsQuery(), docs, SNIPPET_PASSAGES)
				// rewritten: prefixes and typos become the indexed words they match (see QueryFactory.forHighlighting)
				: highlighter.highlight(Fields.TEXT, searcher.rewrite(highlight), docs, SNIPPET_PASSAGES);
		for (int i = 0; i < snippets.length; i++) {
			snippets[i] = snippets[i] == null ? "" : snippets[i].strip();
		}
		return snippets;
	}

	private static Hit hit(Document doc, float score, String snippet) {
		String owner = doc.get(Fields.OWNER);
		return new Hit(doc.get(Fields.ID), doc.get(Fields.TYPE), doc.get(Fields.PARENT), doc.get(Fields.URL),
				doc.get(Fields.TITLE), snippet, Float.isNaN(score) ? 0f : score, "true".equals(doc.get(Fields.STALE)),
				doc.get(Fields.KIND), doc.get(Fields.STATUS), doc.get(Fields.SPACE), doc.get(Fields.SPACE_NAME),
				owner == null ? null : UUID.fromString(owner), doc.get(Fields.OWNER_NAME),
				List.of(doc.getValues(Fields.TAGS)), Fields.instant(doc, Fields.UPDATED));
	}

	private static Facets facets(FacetedSearcher searcher, FacetsCollector collector) throws IOException {
		Map<String, Integer> freshness = new LinkedHashMap<>();
		freshness.put(Fields.STALE_VALUE, 0);
		freshness.put(Fields.FRESH_VALUE, 0);
		if (searcher.facets() == null) {
			return Facets.none(freshness);
		}
		SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(searcher.facets(), collector);
		freshness.putAll(dimension(counts, Fields.FACET_FRESHNESS));
		return new Facets(dimension(counts, Fields.FACET_TYPE), dimension(counts, Fields.FACET_KIND),
				dimension(counts, Fields.FACET_STATUS), dimension(counts, Fields.FACET_SPACE),
				dimension(counts, Fields.FACET_TAG), dimension(counts, Fields.FACET_OWNER), freshness);
	}

	private static Map<String, Integer> dimension(SortedSetDocValuesFacetCounts counts, String dimension)
			throws IOException {
		Map<String, Integer> values = new LinkedHashMap<>();
		FacetResult result;
		try {
			result = counts.getTopChildren(FACET_VALUES, dimension);
		}
		catch (IllegalArgumentException e) {
			return values; // no record has this dimension yet
		}
		if (result != null) {
			for (LabelAndValue value : result.labelValues) {
				values.put(value.label, value.value.intValue());
			}
		}
		return values;
	}

	/**
	 * Names of the spaces and owners in the facets. A value in the person's facets is on a record they may
	 * see, and every record of a space or owner carries the same name, so the name is read from any record
	 * with the value, once per searcher (that is, until the index next changes).
	 */
	private static Map<String, Map<String, String>> labels(FacetedSearcher searcher, Facets facets) {
		return Map.of("space", names(searcher, Fields.SPACE, Fields.SPACE_NAME, facets.space().keySet()),
				"owner", names(searcher, Fields.OWNER, Fields.OWNER_NAME, facets.owner().keySet()));
	}

	private static Map<String, String> names(FacetedSearcher searcher, String field, String nameField,
			java.util.Set<String> values) {
		Map<String, String> names = new LinkedHashMap<>();
		for (String value : values) {
			names.put(value, searcher.label(field, value, () -> {
				TopDocs top = searcher.search(term(field, value), 1);
				String name = top.scoreDocs.length == 0 ? null
						: searcher.storedFields().document(top.scoreDocs[0].doc, java.util.Set.of(nameField)).get(nameField);
				return name == null ? value : name;
			}));
		}
		return names;
	}

	private static SearchResults empty(Paging paging) {
		Map<String, Integer> freshness = new LinkedHashMap<>();
		freshness.put(Fields.STALE_VALUE, 0);
		freshness.put(Fields.FRESH_VALUE, 0);
		return new SearchResults(0, paging.page(), paging.size(), List.of(),
				Facets.none(freshness),
				Map.of("space", Map.of(), "owner", Map.of()), false);
	}
}
