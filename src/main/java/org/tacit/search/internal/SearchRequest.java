package org.tacit.search.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.tacit.shared.ProblemException;

/**
 * One search: the text and the filters. Null or blank filters do not filter; several tags must all be
 * present.
 *
 * @param stale true: only stale records; false: only fresh ones; null: both
 */
public record SearchRequest(String q, String type, String kind, String status, String space, List<String> tags,
		UUID owner, Boolean stale) {

	public static final int MAX_FILTER_LENGTH = 500;
	public static final int MAX_TAGS = 10;

	public SearchRequest {
		q = q == null ? "" : q;
		if (q.length() > org.tacit.search.internal.UserQuery.MAX_LENGTH) {
			throw ProblemException.invalid("q", "search.q.tooLong", UserQuery.MAX_LENGTH);
		}
		type = blankToNull(type, "type");
		type = type == null ? null : type.toLowerCase(Locale.ROOT);
		kind = blankToNull(kind, "kind");
		kind = kind == null ? null : kind.toUpperCase(Locale.ROOT);
		status = blankToNull(status, "status");
		status = status == null ? null : status.toUpperCase(Locale.ROOT);
		space = blankToNull(space, "space");
		tags = tags == null ? List.of() : tags.stream().map(t -> blankToNull(t, "tag")).filter(t -> t != null).toList();
		if (tags.size() > MAX_TAGS) {
			throw ProblemException.invalid("tag", "search.tags.tooMany", MAX_TAGS);
		}
	}

	/** Reads the filters as the API and the pages receive them; a bad owner or stale value is a 400. */
	public static SearchRequest of(String q, String type, String kind, String status, String space, List<String> tags,
			String owner, String stale) {
		return new SearchRequest(q, type, kind, status, space, tags, owner(owner), stale(stale));
	}

	public static SearchRequest query(String q) {
		return new SearchRequest(q, null, null, null, null, List.of(), null, null);
	}

	public boolean filtered() {
		return type != null || kind != null || status != null || space != null || !tags.isEmpty() || owner != null
				|| stale != null;
	}

	private static UUID owner(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("owner", "problem.field.format");
		}
	}

	private static Boolean stale(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true", "stale" -> true;
			case "false", "fresh" -> false;
			default -> throw ProblemException.invalid("stale", "search.stale.format");
		};
	}

	private static String blankToNull(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > MAX_FILTER_LENGTH) {
			throw ProblemException.invalid(field, "problem.field.tooLong", MAX_FILTER_LENGTH);
		}
		return value.strip();
	}
}
