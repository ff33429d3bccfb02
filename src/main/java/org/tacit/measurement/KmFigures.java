package org.tacit.measurement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tacit.organizations.OrgId;

/**
 * Measurement's figures as other modules use them (a KM initiative that wants to move a figure): the
 * names of the figures, and one figure of an organization for a period with its target.
 */
public interface KmFigures {

	/** Every figure's name, as the API names it ({@code stale-share}), in the catalogue's order. */
	List<String> names();

	/**
	 * One figure of an organization for the whole UTC days from {@code from} (inclusive) to {@code to}
	 * (exclusive); empty for a name that is not a figure. Figures that are a state as of now ignore the period.
	 */
	Optional<FigureValue> figure(OrgId org, String name, Instant from, Instant to);

	/**
	 * A figure against its target.
	 *
	 * @param value null when there is nothing to compute it from
	 * @param unit COUNT, SHARE (a fraction from 0 to 1), DAYS or HOURS
	 * @param target null when none is set
	 * @param direction AT_LEAST or AT_MOST, null without a target
	 * @param met whether the value meets the target; null without a target or a value
	 * @param path the figure's measurement page, below the organization's root ({@code measurement/metrics/stale-share})
	 */
	record FigureValue(String name, Double value, String unit, Double target, String direction, Boolean met,
			String path) {
	}
}
