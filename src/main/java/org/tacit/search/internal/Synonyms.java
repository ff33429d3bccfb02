package org.tacit.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An organization's synonyms, ready for query expansion. An entry {@code term: a, b} makes the term
 * and its synonyms one group: searching any of them also finds the others. Terms and synonyms are
 * compared after analysis (lower case, accents folded, plurals stemmed), and may be several words
 * ("vpn: virtual private network").
 */
public final class Synonyms {

	public static final Synonyms NONE = new Synonyms(Map.of(), 0);

	/** Analyzed terms joined by a space, to every other member of its groups (also analyzed). */
	private final Map<String, Set<List<String>>> equivalents;
	private final int longest;

	private Synonyms(Map<String, Set<List<String>>> equivalents, int longest) {
		this.equivalents = equivalents;
		this.longest = longest;
	}

	/** One line of the synonym list. */
	public record Entry(String term, List<String> synonyms) {
	}

	public static Synonyms of(List<Entry> entries) {
		Map<String, Set<List<String>>> map = new HashMap<>();
		int longest = 0;
		for (Entry entry : entries) {
			List<List<String>> members = new ArrayList<>();
			members.add(Analysis.terms(entry.term()));
			entry.synonyms().forEach(s -> members.add(Analysis.terms(s)));
			members.removeIf(List::isEmpty);
			for (List<String> member : members) {
				String key = String.join(" ", member);
				longest = Math.max(longest, member.size());
				Set<List<String>> others = map.computeIfAbsent(key, k -> new LinkedHashSet<>());
				members.stream().filter(m -> !m.equals(member)).forEach(others::add);
			}
		}
		return new Synonyms(Map.copyOf(map), longest);
	}

	/** The other members of the groups of these (analyzed) terms; empty when they have no synonyms. */
	public Set<List<String>> equivalents(List<String> terms) {
		return equivalents.getOrDefault(String.join(" ", terms), Set.of());
	}

	/** The most words any term or synonym has, for matching runs of query words. */
	public int longest() {
		return longest;
	}

	public boolean isEmpty() {
		return equivalents.isEmpty();
	}
}
