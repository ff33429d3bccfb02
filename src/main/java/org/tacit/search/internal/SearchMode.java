package org.tacit.search.internal;

import java.util.Locale;

import org.tacit.shared.ProblemException;

/**
 * How a search ranks: by its words (BM25), by meaning (passage vectors), or both fused. Without a mode,
 * a search is {@link #HYBRID} when semantic search is available, else {@link #KEYWORD}.
 */
public enum SearchMode {

	KEYWORD, SEMANTIC, HYBRID;

	/** The mode named by a request parameter; null when none is named; an unknown name is a 400. */
	public static SearchMode parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("mode", "search.mode.unknown");
		}
	}

	/** As the API and the pages name it. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
