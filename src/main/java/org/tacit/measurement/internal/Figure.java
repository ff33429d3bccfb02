package org.tacit.measurement.internal;

/**
 * One figure of a period against its target and the previous period.
 *
 * @param value null when there is nothing to compute it from (a share of nothing)
 * @param previous the same figure for the previous period of the same length; null for figures that are a
 *        state as of now, or without data
 * @param target null when none is set
 * @param shortfall how far it falls short of its target (relative, see {@link Target#shortfall}); null when
 *        on target, without a target or without a value
 */
public record Figure(Metric metric, Double value, Double previous, Target target, Status status, Double shortfall,
		Trend trend) {

	/** Where a figure stands against its target. */
	public enum Status {
		ON_TARGET, OFF_TARGET, NO_TARGET, NO_DATA
	}

	/** How it moved since the previous period, in the figure's better direction. */
	public enum Trend {
		BETTER, WORSE, SAME, UNKNOWN
	}

	static Figure of(Metric metric, Double value, Double previous, Target target) {
		Status status;
		Double shortfall = null;
		if (target == null) {
			status = value == null ? Status.NO_DATA : Status.NO_TARGET;
		}
		else if (value == null) {
			status = Status.NO_DATA;
		}
		else if (target.met(value)) {
			status = Status.ON_TARGET;
		}
		else {
			status = Status.OFF_TARGET;
			shortfall = target.shortfall(value);
		}
		Trend trend;
		if (value == null || previous == null) {
			trend = Trend.UNKNOWN;
		}
		else if (Math.abs(value - previous) < 1e-9) {
			trend = Trend.SAME;
		}
		else {
			boolean up = value > previous;
			trend = up == (metric.better() == Metric.Better.HIGHER) ? Trend.BETTER : Trend.WORSE;
		}
		return new Figure(metric, value, previous, target, status, shortfall, trend);
	}

	public String name() {
		return metric.key();
	}
}
