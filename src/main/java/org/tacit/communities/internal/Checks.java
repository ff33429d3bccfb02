package org.tacit.communities.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.tacit.shared.ProblemException;

/** Checks of the input fields of communities, naming the field at fault. */
final class Checks {

	static final int TAG_MAX = 64;

	private Checks() {
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

	/** Lower-case words joined by hyphens, each once, in the order given; at most {@code max} of them. */
	static List<String> tags(String field, List<String> raw, int max) {
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : raw == null ? List.<String>of() : raw) {
			String normal = tag == null ? ""
					: tag.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-").replaceAll("[^\\p{L}\\p{N}.+#-]", "");
			if (normal.length() > TAG_MAX) {
				throw ProblemException.invalid(field, "community.tag.tooLong", TAG_MAX);
			}
			if (!normal.isEmpty()) {
				tags.add(normal);
			}
		}
		if (tags.size() > max) {
			throw ProblemException.invalid(field, "community.tags.tooMany", max);
		}
		return new ArrayList<>(tags);
	}

	/** The comma-separated tags of a form field. */
	static List<String> split(String field) {
		return field == null || field.isBlank() ? List.of()
				: java.util.Arrays.stream(field.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
	}

	static List<String> joined(String stored) {
		return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
	}

	static <E extends Enum<E>> E choice(String field, String value, Class<E> type, String messageKey) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(field, messageKey, java.util.Arrays.toString(type.getEnumConstants()));
		}
	}

	/** An id from a path or a field; empty for anything that is not one. */
	static java.util.Optional<UUID> uuid(String value) {
		try {
			return value == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(value.strip()));
		}
		catch (IllegalArgumentException e) {
			return java.util.Optional.empty();
		}
	}
}
