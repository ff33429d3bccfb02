package org.tacit.measurement.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every figure measurement computes: its name in the API, where it comes from, its unit, which way is
 * better, whether it belongs to a period (or is a state as of now), how it can be broken down, and the
 * page of the records behind it (below the organization's root). Definitions: docs/measurement.md.
 */
public enum Metric {

	CONTRIBUTIONS(Source.LIBRARY, Unit.COUNT, Better.HIGHER, true, Set.of("space", "kind", "team"), "spaces"),
	ACTIVE_CONTRIBUTORS_SHARE(Source.LIBRARY, Unit.SHARE, Better.HIGHER, true, Set.of("team"), "spaces"),
	VIEWS(Source.LIBRARY, Unit.COUNT, Better.HIGHER, true, Set.of("space"), "spaces"),
	REUSE_EVENTS(Source.LIBRARY, Unit.COUNT, Better.HIGHER, true, Set.of("space"), "spaces"),
	STALE_SHARE(Source.LIBRARY, Unit.SHARE, Better.LOWER, false, Set.of("space"), "review"),
	SEARCHES(Source.SEARCH, Unit.COUNT, Better.HIGHER, true, Set.of(), "search"),
	ZERO_RESULT_SEARCHES(Source.SEARCH, Unit.COUNT, Better.LOWER, true, Set.of(), "search/gaps"),
	ZERO_RESULT_SHARE(Source.SEARCH, Unit.SHARE, Better.LOWER, true, Set.of(), "search/gaps"),
	KNOWLEDGE_GAPS(Source.SEARCH, Unit.COUNT, Better.LOWER, true, Set.of(), "search/gaps"),
	NEW_KNOWLEDGE_GAPS(Source.SEARCH, Unit.COUNT, Better.LOWER, true, Set.of(), "search/gaps"),
	LESSONS_CAPTURED(Source.LESSONS, Unit.COUNT, Better.HIGHER, true, Set.of(), "lessons"),
	LESSONS_VALIDATED_SHARE(Source.LESSONS, Unit.SHARE, Better.HIGHER, true, Set.of(), "lessons"),
	LESSONS_EMBEDDED_SHARE(Source.LESSONS, Unit.SHARE, Better.HIGHER, true, Set.of(), "lessons"),
	LESSONS_MEDIAN_DAYS_TO_EMBEDDED(Source.LESSONS, Unit.DAYS, Better.LOWER, true, Set.of(), "lessons"),
	LESSONS_OVERDUE_ACTIONS(Source.LESSONS, Unit.COUNT, Better.LOWER, false, Set.of(), "lessons/follow-up"),
	LESSONS_APPLIED(Source.LESSONS, Unit.COUNT, Better.HIGHER, true, Set.of(), "lessons"),
	COMMUNITIES_ANSWERED_SHARE(Source.COMMUNITIES, Unit.SHARE, Better.HIGHER, false, Set.of("community"), "communities"),
	COMMUNITIES_ACTIVE_MEMBERS_SHARE(Source.COMMUNITIES, Unit.SHARE, Better.HIGHER, false, Set.of("community"),
			"communities"),
	COMMUNITIES_DORMANT(Source.COMMUNITIES, Unit.COUNT, Better.LOWER, false, Set.of("community"), "communities"),
	COMMUNITIES_OVERDUE_DELIVERABLES(Source.COMMUNITIES, Unit.COUNT, Better.LOWER, false, Set.of("community"),
			"communities"),
	RETENTION_COVERAGE(Source.RETENTION, Unit.SHARE, Better.HIGHER, false, Set.of(), "risks/overview"),
	RETENTION_HIGH_RISKS(Source.RETENTION, Unit.COUNT, Better.LOWER, false, Set.of(), "risks/overview"),
	RETENTION_PLANS_BEHIND_SCHEDULE(Source.RETENTION, Unit.COUNT, Better.LOWER, false, Set.of(), "risks/overview"),
	TRAINING_COMPLETED_ON_TIME_SHARE(Source.TRAINING, Unit.SHARE, Better.HIGHER, true, Set.of(), "training/courses"),
	TRAINING_OVERDUE(Source.TRAINING, Unit.COUNT, Better.LOWER, true, Set.of(), "training/courses"),
	COMPETENCY_GAPS(Source.COMPETENCIES, Unit.COUNT, Better.LOWER, false, Set.of(), "competencies/needs"),
	PEOPLE_WITH_TRAINING_NEEDS(Source.COMPETENCIES, Unit.COUNT, Better.LOWER, false, Set.of(), "competencies/needs"),
	VALUE_STORIES(Source.VALUE, Unit.COUNT, Better.HIGHER, true, Set.of(), "value"),
	HOURS_SAVED(Source.VALUE, Unit.HOURS, Better.HIGHER, true, Set.of(), "value"),
	INNOVATIONS(Source.VALUE, Unit.COUNT, Better.HIGHER, true, Set.of(), "value");

	/** The module a figure comes from. */
	public enum Source {
		LIBRARY, SEARCH, LESSONS, COMMUNITIES, RETENTION, TRAINING, COMPETENCIES, VALUE
	}

	/** How a figure is counted: shares are fractions from 0 to 1. */
	public enum Unit {
		COUNT, SHARE, DAYS, HOURS
	}

	/** Which way a figure improves. */
	public enum Better {
		HIGHER, LOWER
	}

	private final Source source;
	private final Unit unit;
	private final Better better;
	private final boolean periodic;
	private final Set<String> breakdowns;
	private final String path;

	Metric(Source source, Unit unit, Better better, boolean periodic, Set<String> breakdowns, String path) {
		this.source = source;
		this.unit = unit;
		this.better = better;
		this.periodic = periodic;
		this.breakdowns = breakdowns;
		this.path = path;
	}

	/** The name in the API and in CSV files: {@code stale-share}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<Metric> of(String key) {
		return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
	}

	public Source source() {
		return source;
	}

	public Unit unit() {
		return unit;
	}

	public Better better() {
		return better;
	}

	/** Whether the figure counts what happened in a period (false: a state as of now). */
	public boolean periodic() {
		return periodic;
	}

	public Set<String> breakdowns() {
		return breakdowns;
	}

	/** The page of the records behind the figure, below the organization's root. */
	public String path() {
		return path;
	}
}
