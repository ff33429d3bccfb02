package org.tacit.retention.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tacit.shared.ProblemException;

/**
 * A topic as typed in "who knows about X", turned into tags: the whole topic as one tag
 * ({@code turbine-overhaul}) and each of its words, each also with or without a final "s" (so that
 * {@code turbine} finds {@code turbines}). A tag that is the whole topic matches fully; a tag that has
 * one of the words as one of its parts ({@code turbine}, {@code steam-turbine}) matches half.
 */
public final class Topic {

	public static final int MAX_LENGTH = 100;
	static final int MAX_WORDS = 5;
	/** Words shorter than this are not matched on their own ("of", "to"). */
	static final int MIN_WORD = 3;
	static final double FULL = 1.0;
	static final double PARTIAL = 0.5;

	private final String whole;
	private final Set<String> wholeForms;
	private final List<String> words;
	private final List<String> terms;

	private Topic(String whole, List<String> words) {
		this.whole = whole;
		this.wholeForms = forms(whole);
		this.words = words;
		Set<String> terms = new LinkedHashSet<>(wholeForms);
		words.forEach(word -> terms.addAll(forms(word)));
		this.terms = new ArrayList<>(terms);
	}

	/** 400 on {@code field} for a blank topic, one over {@value #MAX_LENGTH} characters, or one of only punctuation. */
	public static Topic of(String field, String typed) {
		String text = Input.text(field, typed, MAX_LENGTH, true);
		String whole = Input.tag(text);
		if (whole.replace("-", "").isEmpty()) {
			throw ProblemException.invalid(field, "retention.topic.empty");
		}
		Set<String> words = new LinkedHashSet<>();
		for (String word : whole.split("-")) {
			if (word.length() >= MIN_WORD && words.size() < MAX_WORDS) {
				words.add(word);
			}
		}
		if (words.isEmpty()) {
			words.add(whole);
		}
		return new Topic(whole, new ArrayList<>(words));
	}

	/** A word and its other number: with a final "s" added, or taken away. */
	private static Set<String> forms(String word) {
		Set<String> forms = new LinkedHashSet<>();
		forms.add(word);
		if (word.endsWith("s") && word.length() > MIN_WORD) {
			forms.add(word.substring(0, word.length() - 1));
		}
		else if (!word.endsWith("s")) {
			forms.add(word + "s");
		}
		return forms;
	}

	/** The topic as one tag. */
	public String whole() {
		return whole;
	}

	/** The words of the topic without a final "s", for finding them in free text ("ask me about"). */
	List<String> stems() {
		return words.stream()
			.map(w -> w.endsWith("s") && w.length() > MIN_WORD ? w.substring(0, w.length() - 1) : w)
			.distinct()
			.toList();
	}

	/** How well a tag matches: {@value #FULL}, {@value #PARTIAL} or 0. */
	double match(String tag) {
		if (wholeForms.contains(tag)) {
			return FULL;
		}
		for (String term : terms) {
			if (tag.equals(term) || tag.startsWith(term + "-") || tag.endsWith("-" + term) || tag.contains("-" + term + "-")) {
				return PARTIAL;
			}
		}
		return 0;
	}

	/** A condition on a tag column matching any term; its parameters come from {@link #params()}. */
	String sql(String column) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < terms.size(); i++) {
			parts.add(column + " = ? OR " + column + " LIKE ? OR " + column + " LIKE ? OR " + column + " LIKE ?");
		}
		return String.join(" OR ", parts);
	}

	List<Object> params() {
		List<Object> params = new ArrayList<>();
		// tags hold no % and no _ (the tag rule turns _ into -), so the terms need no escaping in LIKE
		for (String term : terms) {
			params.add(term);
			params.add(term + "-%");
			params.add("%-" + term);
			params.add("%-" + term + "-%");
		}
		return params;
	}
}
