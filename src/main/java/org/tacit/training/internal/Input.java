package org.tacit.training.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.tacit.shared.ProblemException;

/** Input rules the forms and the API of this module share, so both refuse the same things the same way. */
public final class Input {

	private Input() {
	}

	/** Trimmed text of at most {@code max} characters, without control characters other than line breaks and tabs. */
	static String text(String field, String value, int max, boolean required) {
		String trimmed = value == null ? "" : value.strip();
		if (required && trimmed.isEmpty()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		if (trimmed.length() > max) {
			throw ProblemException.invalid(field, "problem.field.tooLong", max);
		}
		if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw ProblemException.invalid(field, "problem.field.control");
		}
		return trimmed;
	}

	/** A date written as YYYY-MM-DD; null for blank. */
	public static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw ProblemException.invalid(field, "training.date.format");
		}
	}

	/** One of an enum's names, without regard to case; null for blank. */
	public static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(field, "training.choice.unknown",
					Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
		}
	}

	/** An id from a path: a record that cannot exist is simply not found. */
	static UUID id(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw ProblemException.notFound();
		}
	}

	/** A whole number of days from 1 to {@code max}; null for null unless required. */
	static Integer days(String field, Integer value, int max, boolean required) {
		if (value == null) {
			if (required) {
				throw ProblemException.invalid(field, "problem.field.required");
			}
			return null;
		}
		if (value < 1 || value > max) {
			throw ProblemException.invalid(field, "training.days.range", max);
		}
		return value;
	}
}
