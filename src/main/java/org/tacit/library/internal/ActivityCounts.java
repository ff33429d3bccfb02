package org.tacit.library.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.tacit.library.Kind;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.DailyCounts;

/**
 * The library's activity per UTC day, written in the same transaction as what it counts: versions saved
 * (per space and kind, and per author), "used this" marks and views. The figures of a period read these
 * few rows instead of every version of the period. The migration that created the tables filled them from
 * the versions and marks recorded before.
 */
@Component
class ActivityCounts {

	private final DailyCounts counts;

	ActivityCounts(DailyCounts counts) {
		this.counts = counts;
	}

	static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC);
	}

	/** {@code versions} versions of items of one kind saved by {@code author} in a space. */
	void saved(OrgId org, UUID space, Kind kind, PersonId author, Instant at, long versions) {
		LocalDate day = day(at);
		activity(org, day, space, kind, "contributions", versions);
		counts.add("library_contributor_daily",
				DailyCounts.key("org_id", org.value(), "on_day", day, "person_id", author.value(), "space_id", space),
				"versions", versions);
	}

	void reused(OrgId org, UUID space, Kind kind, Instant at) {
		activity(org, day(at), space, kind, "reuses", 1);
	}

	void viewed(OrgId org, UUID space, Kind kind, Instant at) {
		activity(org, day(at), space, kind, "views", 1);
	}

	private void activity(OrgId org, LocalDate day, UUID space, Kind kind, String column, long amount) {
		counts.add("library_activity_daily",
				DailyCounts.key("org_id", org.value(), "on_day", day, "space_id", space, "kind", kind.name()), column,
				amount);
	}
}
