package org.tacit.search.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed in the search box, read leniently: any text is a valid query, so no input can
 * make a search fail. Understood: words (all must match, in any field), {@code "quoted phrases"},
 * {@code prefix*}, {@code -excluded} or {@code NOT excluded} words and phrases, and {@code OR} between
 * two clauses. Anything else is treated as text, and punctuation is dropped by the analyzer.
 */
public record UserQuery(List<Group> groups) {

	/** Longest query accepted, in characters. */
	public static final int MAX_LENGTH = 500;
	/** The longest text a "related" search reads (an activity's description, a question); the rest is ignored. */
	public static final int MAX_RELATED_TEXT = 10_000;
	/** Clauses beyond this many are ignored, which bounds the work of one search. */
	static final int MAX_CLAUSES = 32;

	/** One unit of the query. */
	public sealed interface Clause {

		String text();
	}

	/** A word; it may analyze into several terms ("e-mail"), which then must be adjacent. */
	public record Word(String text) implements Clause {
	}

	public record Phrase(String text) implements Clause {
	}

	public record Prefix(String text) implements Clause {
	}

	/**
	 * Clauses joined by OR (usually just one); {@code excluded} groups must not match.
	 */
	public record Group(List<Clause> anyOf, boolean excluded) {
	}

	public boolean isEmpty() {
		return groups.isEmpty();
	}

	public boolean hasPositive() {
		return groups.stream().anyMatch(g -> !g.excluded());
	}

	public static UserQuery parse(String input) {
		List<Group> groups = new ArrayList<>();
		if (input == null) {
			return new UserQuery(groups);
		}
		String text = input.length() > MAX_LENGTH ? input.substring(0, MAX_LENGTH) : input;
		int i = 0;
		int n = text.length();
		boolean negateNext = false;
		boolean orNext = false;
		int clauses = 0;
		while (i < n && clauses < MAX_CLAUSES) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				i++;
				continue;
			}
			boolean negated = negateNext;
			negateNext = false;
			if ((c == '-' || c == '!') && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
				negated = true;
				i++;
				c = text.charAt(i);
			}
			else if (c == '+' && i + 1 < n) {
				i++;
				c = text.charAt(i);
			}
			Clause clause;
			if (c == '"') {
				int end = text.indexOf('"', i + 1);
				String phrase = end < 0 ? text.substring(i + 1) : text.substring(i + 1, end);
				i = end < 0 ? n : end + 1;
				if (phrase.isBlank()) {
					continue;
				}
				clause = new Phrase(phrase.strip());
			}
			else {
				int end = i;
				while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
					end++;
				}
				String word = text.substring(i, end);
				i = end;
				if (word.equals("OR") || word.equals("||")) {
					orNext = !groups.isEmpty();
					continue;
				}
				if (word.equals("AND") || word.equals("&&")) {
					continue;
				}
				if (word.equals("NOT")) {
					negateNext = true;
					continue;
				}
				String stripped = stripTrailing(word, '*');
				if (stripped.length() < word.length() && isPrefixable(stripped)) {
					clause = new Prefix(stripped);
				}
				else {
					clause = new Word(stripped.isEmpty() ? word : stripped);
				}
			}
			clauses++;
			Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
			if (orNext && last != null && !last.excluded() && !negated) {
				List<Clause> anyOf = new ArrayList<>(last.anyOf());
				anyOf.add(clause);
				groups.set(groups.size() - 1, new Group(List.copyOf(anyOf), false));
			}
			else {
				groups.add(new Group(List.of(clause), negated));
			}
			orNext = false;
		}
		return new UserQuery(List.copyOf(groups));
	}

	/**
	 * A prefix query needs two letters or digits at least, else it would expand to most of the index; a
	 * prefix with punctuation is searched as a word.
	 */
	private static boolean isPrefixable(String stem) {
		return stem.length() >= 2 && stem.codePoints().allMatch(Character::isLetterOrDigit);
	}

	private static String stripTrailing(String word, char c) {
		int end = word.length();
		while (end > 0 && word.charAt(end - 1) == c) {
			end--;
		}
		return word.substring(0, end);
	}

	/** The query as recorded in the knowledge gaps: lower case, single spaces. */
	public static String normalize(String input) {
		if (input == null) {
			return "";
		}
		String text = input.strip().replaceAll("[\\p{Cntrl}\\s]+", " ").toLowerCase(java.util.Locale.ROOT);
		return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
	}
}
