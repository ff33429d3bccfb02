package org.tacit.measurement.internal;

import java.time.Instant;

import org.tacit.organizations.PersonId;

/**
 * What a knowledge manager wants a figure to be: at least or at most a value (shares as fractions).
 */
public record Target(Metric metric, Direction direction, double value, PersonId setBy, Instant setAt) {

	/** Whether the figure must reach the value or stay under it. */
	public enum Direction {
		AT_LEAST, AT_MOST
	}

	public boolean met(double figure) {
		return direction == Direction.AT_LEAST ? figure >= value : figure <= value;
	}

	/**
	 * How far a figure falls short, relative to the target (0.5: half the target missing or half again
	 * over it); against a target of 0, the plain difference. Negative or zero when met.
	 */
	public double shortfall(double figure) {
		double missing = direction == Direction.AT_LEAST ? value - figure : figure - value;
		return value == 0 ? missing : missing / Math.abs(value);
	}
}
