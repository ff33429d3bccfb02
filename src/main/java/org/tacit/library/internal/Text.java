package org.tacit.library.internal;

import org.tacit.shared.ProblemException;

/** Checks of free text fields, naming the field that is wrong. */
final class Text {

	private Text() {
	}

	static String required(String field, String value, int max) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.isEmpty()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		return limit(field, trimmed, max);
	}

	static String optional(String field, String value, int max) {
		return limit(field, value == null ? "" : value.strip(), max);
	}

	private static String limit(String field, String value, int max) {
		if (value.length() > max) {
			throw ProblemException.invalid(field, "problem.field.tooLong", max);
		}
		return value;
	}
}
