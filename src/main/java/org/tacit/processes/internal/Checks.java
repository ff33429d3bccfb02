package org.tacit.processes.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.tacit.shared.ProblemException;

/** Checks of free text fields and tags, naming the field that is wrong. */
final class Checks {

	static final int TAGS_MAX = 20;
	static final int TAG_MAX = 64;

	private Checks() {
	}

	static String required(String field, String value, int max) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.isEmpty()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		return optional(field, trimmed, max);
	}

	static String optional(String field, String value, int max) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.length() > max) {
			throw ProblemException.invalid(field, "problem.field.tooLong", max);
		}
		return trimmed;
	}

	/** Tags in lower case, without repeats, at most {@link #TAGS_MAX} of at most {@link #TAG_MAX} characters. */
	static List<String> tags(List<String> tags) {
		LinkedHashSet<String> clean = new LinkedHashSet<>();
		for (String tag : tags == null ? List.<String>of() : tags) {
			String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
			if (t.isEmpty()) {
				continue;
			}
			if (t.length() > TAG_MAX || t.contains(",")) {
				throw ProblemException.invalid("tags", "process.tag.format", TAG_MAX);
			}
			clean.add(t);
		}
		if (clean.size() > TAGS_MAX) {
			throw ProblemException.invalid("tags", "process.tags.tooMany", TAGS_MAX);
		}
		return new ArrayList<>(clean);
	}

	/** Tags typed in one box, separated by commas. */
	static List<String> splitTags(String tags) {
		return tags == null ? List.of() : List.of(tags.split(","));
	}
}
