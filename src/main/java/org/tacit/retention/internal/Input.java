package org.tacit.retention.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.tacit.shared.ProblemException;

/** Input rules shared by the forms and the API of this module, so both refuse the same things the same way. */
public final class Input {

	/** The longest tag; the library's limit, so that declared areas and item tags can be the same words. */
	public static final int TAG_MAX = 64;
	/** The latest departure or due date accepted, in years from today. */
	static final int YEARS_AHEAD_MAX = 50;

	private Input() {
	}

	/** Trimmed text, at most {@code max} characters, without control characters other than line breaks. */
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

	/**
	 * A tag as the library writes it: lower case, words joined by hyphens, only letters, digits and
	 * {@code . + # -}. Empty when nothing of the input is left.
	 */
	public static String tag(String raw) {
		if (raw == null) {
			return "";
		}
		return raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-").replaceAll("[^\\p{L}\\p{N}.+#-]", "");
	}

	/** Tags, normalized, without duplicates, in the given order; at most {@code max} of them. */
	static List<String> tags(String field, List<String> raw, int max) {
		if (raw == null) {
			return List.of();
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String value : raw) {
			String tag = tag(value);
			if (tag.length() > TAG_MAX) {
				throw ProblemException.invalid(field, "retention.tag.tooLong", TAG_MAX);
			}
			if (!tag.isEmpty()) {
				tags.add(tag);
			}
		}
		if (tags.size() > max) {
			throw ProblemException.invalid(field, "retention.tags.tooMany", max);
		}
		return new ArrayList<>(tags);
	}

	/** Splits a comma-separated form field. */
	public static List<String> split(String value) {
		return value == null ? List.of()
				: Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
	}

	/** A score of the method: 1 to 5. */
	static Integer score(String field, Integer value, boolean required) {
		if (value == null) {
			if (required) {
				throw ProblemException.invalid(field, "problem.field.required");
			}
			return null;
		}
		if (value < 1 || value > 5) {
			throw ProblemException.invalid(field, "retention.score.range");
		}
		return value;
	}

	/** A date that is today or later, and not absurdly far ahead; null stays null. */
	static LocalDate notPast(String field, LocalDate date, LocalDate today) {
		if (date == null) {
			return null;
		}
		if (date.isBefore(today)) {
			throw ProblemException.invalid(field, "retention.date.past");
		}
		if (date.isAfter(today.plusYears(YEARS_AHEAD_MAX))) {
			throw ProblemException.invalid(field, "retention.date.far", YEARS_AHEAD_MAX);
		}
		return date;
	}

	/** A date written as YYYY-MM-DD, or null for blank. */
	public static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw ProblemException.invalid(field, "retention.date.format");
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
			throw ProblemException.invalid(field, "retention.choice.unknown",
					Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
		}
	}

	/** A list that may have at most {@code max} entries. */
	static <T> List<T> limited(String field, List<T> list, int max) {
		List<T> checked = list == null ? List.of() : list;
		if (checked.size() > max) {
			throw ProblemException.invalid(field, "retention.list.tooLong", max);
		}
		return checked;
	}
}
