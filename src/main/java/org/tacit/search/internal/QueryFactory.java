package org.tacit.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.tacit.search.internal.UserQuery.Clause;
import org.tacit.search.internal.UserQuery.Group;
import org.tacit.search.internal.UserQuery.Phrase;
import org.tacit.search.internal.UserQuery.Prefix;
import org.tacit.search.internal.UserQuery.Word;

/**
 * Turns a {@link UserQuery} into a Lucene query ranked by BM25 (Lucene's default similarity).
 *
 * <p>Each word must match in at least one field; a match in the title counts three times, in the tags
 * twice, in the text once. Synonyms are alternatives
 * of the word, at a little less weight than the word itself. With {@code fuzzy}, words of four letters
 * or more also match words one edit away (two from seven letters), at half the weight: that is the
 * second try when the exact query finds little. Finally the score is multiplied by a freshness factor
 * (see {@link #freshness}).
 */
public final class QueryFactory {

	static final float TITLE_BOOST = 3f;
	static final float TAGS_BOOST = 2f;
	static final float SYNONYM_WEIGHT = 0.8f;
	static final float FUZZY_WEIGHT = 0.5f;
	static final int FUZZY_MIN_LETTERS = 4;
	static final int FUZZY_TWO_EDITS_LETTERS = 7;

	/** A stale record keeps 70% of its score. */
	static final double STALE_FACTOR = 0.7;
	/** A record verified just now gets 20% more, fading to nothing over half a year. */
	static final double VERIFIED_BONUS = 0.2;
	static final Duration VERIFIED_FADE = Duration.ofDays(180);

	/** How many of the words a prefix stands for are marked in a snippet (the most frequent first). */
	static final int HIGHLIGHTED_PREFIX_TERMS = 50;

	private final Synonyms synonyms;
	/** The words (as typed) that also match words a typo away. */
	private final Set<String> fuzzy;
	private final boolean highlighting;

	public QueryFactory(Synonyms synonyms, Set<String> fuzzy) {
		this(synonyms, fuzzy, false);
	}

	private QueryFactory(Synonyms synonyms, Set<String> fuzzy, boolean highlighting) {
		this.synonyms = synonyms;
		this.fuzzy = fuzzy;
		this.highlighting = highlighting;
	}

	/**
	 * The same queries for the snippet highlighter: a prefix there stands for its most frequent words, so
	 * that the rewritten query holds plain terms, whose offsets the index keeps (a prefix or fuzzy query as
	 * it is would make the highlighter analyze every result's text again).
	 */
	public QueryFactory forHighlighting() {
		return new QueryFactory(synonyms, fuzzy, true);
	}

	/** The relevance query, or null when nothing in the input can be searched for (only punctuation). */
	public Query relevance(UserQuery query) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		boolean positive = false;
		boolean any = false;
		List<Group> groups = query.groups();
		int i = 0;
		while (i < groups.size()) {
			Group group = groups.get(i);
			if (group.excluded()) {
				Query excluded = anyOf(group.anyOf(), false);
				if (excluded != null) {
					all.add(excluded, Occur.MUST_NOT);
					any = true;
				}
				i++;
				continue;
			}
			// the longest run of plain words from here that is a synonym term ("virtual private network")
			int span = synonymSpan(groups, i);
			Query unit;
			if (span > 1) {
				unit = synonymRun(groups.subList(i, i + span));
				i += span;
			}
			else {
				unit = anyOf(group.anyOf(), true);
				i++;
			}
			if (unit != null) {
				all.add(unit, Occur.MUST);
				positive = true;
				any = true;
			}
		}
		if (!any) {
			return null;
		}
		if (!positive) {
			all.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		return all.build();
	}

	/** The words a fuzzy second try could expand: plain words of the query long enough to be misspelled. */
	public static List<String> fuzzyCandidates(UserQuery query) {
		return query.groups()
			.stream()
			.filter(g -> !g.excluded())
			.flatMap(g -> g.anyOf().stream())
			.filter(c -> c instanceof Word w && fuzzyTerm(w.text()) != null && Analysis.terms(w.text()).size() == 1)
			.map(Clause::text)
			.distinct()
			.toList();
	}

	/**
	 * Multiplies the score by how fresh the record is: stale records keep {@value #STALE_FACTOR} of it;
	 * records verified recently gain up to {@value #VERIFIED_BONUS}, fading linearly over
	 * {@link #VERIFIED_FADE}; others are unchanged. The factor is computed at search time from one doc
	 * values field, so "recent" moves on without reindexing.
	 */
	public static Query freshness(Query relevance, Instant now) {
		long nowMs = now.toEpochMilli();
		double fadeMs = VERIFIED_FADE.toMillis();
		DoubleValuesSource factor = DoubleValuesSource.fromField(Fields.FRESHNESS, value -> {
			if (value < 0) {
				return STALE_FACTOR;
			}
			if (value == 0) {
				return 1.0;
			}
			double age = Math.max(0, nowMs - value);
			return 1.0 + VERIFIED_BONUS * Math.max(0, 1 - age / fadeMs);
		});
		return FunctionScoreQuery.boostByValue(relevance, factor);
	}

	private int synonymSpan(List<Group> groups, int from) {
		if (synonyms.isEmpty()) {
			return 1;
		}
		for (int length = Math.min(synonyms.longest(), groups.size() - from); length > 1; length--) {
			List<Group> run = groups.subList(from, from + length);
			if (run.stream().allMatch(QueryFactory::isPlainWord) && !synonyms.equivalents(terms(run)).isEmpty()) {
				return length;
			}
		}
		return 1;
	}

	private static boolean isPlainWord(Group group) {
		return !group.excluded() && group.anyOf().size() == 1 && group.anyOf().get(0) instanceof Word;
	}

	private static List<String> terms(List<Group> run) {
		List<String> terms = new ArrayList<>();
		run.forEach(g -> terms.addAll(Analysis.terms(g.anyOf().get(0).text())));
		return terms;
	}

	/** Several words that together are a synonym term: either all the words, or one of the synonyms. */
	private Query synonymRun(List<Group> run) {
		BooleanQuery.Builder words = new BooleanQuery.Builder();
		for (Group group : run) {
			Query word = clause(group.anyOf().get(0), false);
			if (word != null) {
				words.add(word, Occur.MUST);
			}
		}
		BooleanQuery.Builder either = new BooleanQuery.Builder();
		either.add(words.build(), Occur.SHOULD);
		addSynonyms(either, terms(run));
		return either.build();
	}

	private Query anyOf(List<Clause> clauses, boolean expand) {
		List<Query> queries = new ArrayList<>();
		for (Clause clause : clauses) {
			Query q = clause(clause, expand);
			if (q != null) {
				queries.add(q);
			}
		}
		if (queries.isEmpty()) {
			return null;
		}
		if (queries.size() == 1) {
			return queries.get(0);
		}
		BooleanQuery.Builder or = new BooleanQuery.Builder();
		queries.forEach(q -> or.add(q, Occur.SHOULD));
		return or.build();
	}

	private Query clause(Clause clause, boolean expand) {
		return switch (clause) {
			case Word word -> word(word.text(), expand);
			case Phrase phrase -> fields(Analysis.terms(phrase.text()));
			case Prefix prefix -> prefix(prefix.text());
		};
	}

	private Query word(String text, boolean expand) {
		List<String> terms = Analysis.terms(text);
		Query exact = fields(terms);
		if (exact == null || !expand) {
			return exact;
		}
		BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
		alternatives.add(exact, Occur.SHOULD);
		boolean more = addSynonyms(alternatives, terms);
		String fuzzyTerm = fuzzy.contains(text) && terms.size() == 1 ? fuzzyTerm(text) : null;
		if (fuzzyTerm != null) {
			alternatives.add(new BoostQuery(fuzzy(fuzzyTerm), FUZZY_WEIGHT), Occur.SHOULD);
			more = true;
		}
		return more ? alternatives.build() : exact;
	}

	private boolean addSynonyms(BooleanQuery.Builder alternatives, List<String> terms) {
		Set<List<String>> others = synonyms.equivalents(terms);
		for (List<String> other : others) {
			alternatives.add(new BoostQuery(fields(other), SYNONYM_WEIGHT), Occur.SHOULD);
		}
		return !others.isEmpty();
	}

	/** The word as a fuzzy query compares it (lower case, unstemmed), or null when too short or not a plain word. */
	private static String fuzzyTerm(String text) {
		String normalized = Analysis.normalized(text);
		if (normalized.length() < FUZZY_MIN_LETTERS || !normalized.codePoints().allMatch(Character::isLetter)) {
			return null;
		}
		return normalized;
	}

	private static Query fuzzy(String term) {
		int edits = term.length() >= FUZZY_TWO_EDITS_LETTERS ? 2 : 1;
		return perField(field -> new FuzzyQuery(new Term(field, term), edits, 1, 50, true));
	}

	private Query prefix(String text) {
		String normalized = Analysis.normalized(text);
		return perField(field -> highlighting
				? new PrefixQuery(new Term(field, normalized),
						new org.apache.lucene.search.MultiTermQuery.TopTermsScoringBooleanQueryRewrite(HIGHLIGHTED_PREFIX_TERMS))
				: new PrefixQuery(new Term(field, normalized)));
	}

	/**
	 * The terms in every searched field. One term is scored with BM25F ({@link CombinedFieldQuery}): the
	 * fields count as one weighted field, so that a rare field such as the tags does not get a low weight
	 * just because few records have tags. Several terms (a phrase) are matched per field, best field first.
	 */
	static Query fields(List<String> terms) {
		if (terms.isEmpty()) {
			return null;
		}
		if (terms.size() == 1) {
			return new CombinedFieldQuery.Builder(terms.get(0)).addField(Fields.TITLE, TITLE_BOOST)
				.addField(Fields.TAGS, TAGS_BOOST)
				.addField(Fields.TEXT, 1f)
				.build();
		}
		return perField(field -> new PhraseQuery(field, terms.toArray(String[]::new)));
	}

	private static Query perField(java.util.function.Function<String, Query> query) {
		return new DisjunctionMaxQuery(List.of(new BoostQuery(query.apply(Fields.TITLE), TITLE_BOOST),
				new BoostQuery(query.apply(Fields.TAGS), TAGS_BOOST), query.apply(Fields.TEXT)), 0.2f);
	}
}
