package org.tacit.lessons.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.tacit.shared.ProblemException;

/** Checks of the fields people send, naming the field that is wrong; the limits are documented in docs/lessons.md. */
public final class Checks {

	public static final int NAME_MAX = 200;
	public static final int TEXT_MAX = 10_000;
	public static final int REASON_MAX = 2_000;
	public static final int TAGS_MAX = 20;
	public static final int TAG_MAX = 64;
	public static final int PEOPLE_MAX = 100;

	private static final Pattern SEPARATORS = Pattern.compile("[\\s_]+");
	private static final Pattern NOT_IN_TAG = Pattern.compile("[^\\p{L}\\p{N}.+#-]");

	private Checks() {
	}

	static String required(String field, String value, int max) {
		String text = optional(field, value, max);
		if (text.isEmpty()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		return text;
	}

	static String optional(String field, String value, int max) {
		String text = value == null ? "" : value.strip();
		if (text.length() > max) {
			throw ProblemException.invalid(field, "problem.field.tooLong", max);
		}
		return text;
	}

	/** Tags as the library writes them: lower case, words joined by hyphens, each once. */
	static List<String> tags(List<String> raw) {
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : raw == null ? List.<String>of() : raw) {
			String normal = tag == null ? ""
					: NOT_IN_TAG.matcher(SEPARATORS.matcher(tag.strip().toLowerCase(Locale.ROOT)).replaceAll("-"))
						.replaceAll("");
			if (normal.length() > TAG_MAX) {
				throw ProblemException.invalid("tags", "lessons.tag.tooLong", TAG_MAX);
			}
			if (!normal.isEmpty()) {
				tags.add(normal);
			}
		}
		if (tags.size() > TAGS_MAX) {
			throw ProblemException.invalid("tags", "lessons.tags.tooMany", TAGS_MAX);
		}
		return List.copyOf(tags);
	}

	static List<String> splitTags(String stored) {
		return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
	}

	/** A date as {@code 2026-12-31}; null or blank is no date. */
	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw ProblemException.invalid(field, "lessons.date.format");
		}
	}

	/** An enum value in any case; {@code key} says which values there are. */
	static <E extends Enum<E>> E choice(Class<E> type, String field, String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw ProblemException.invalid(field, "problem.field.required");
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(field, "lessons.choice.unknown", Arrays.toString(type.getEnumConstants()));
		}
	}
}
