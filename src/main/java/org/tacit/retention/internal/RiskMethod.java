package org.tacit.retention.internal;

import java.time.LocalDate;

import org.tacit.retention.RiskBand;
import org.tacit.shared.ProblemException;

/**
 * How an organization scores knowledge-loss risk (docs/retention.md). The attrition risk comes from
 * the time left to the expected departure: within {@code attrition5Months} months it is 5, within
 * {@code attrition4Months} 4, and so on; later (or no departure expected) it is 1. The total risk is
 * attrition × position risk (1 to 25): {@code highFrom} and above is high, {@code mediumFrom} and above
 * medium, the rest low.
 */
public record RiskMethod(int attrition5Months, int attrition4Months, int attrition3Months, int attrition2Months,
		int highFrom, int mediumFrom) {

	/** The defaults: within 1, 2, 3 and 5 years; high from 15, medium from 8. */
	public static final RiskMethod DEFAULTS = new RiskMethod(12, 24, 36, 60, 15, 8);
	/** The longest horizon an organization may set, in months (30 years). */
	public static final int MONTHS_MAX = 360;

	/** Refuses limits that are not increasing or out of range, naming the first field at fault. */
	public RiskMethod checked() {
		int[] months = { attrition5Months, attrition4Months, attrition3Months, attrition2Months };
		String[] fields = { "attrition5Months", "attrition4Months", "attrition3Months", "attrition2Months" };
		for (int i = 0; i < months.length; i++) {
			if (months[i] < 1 || months[i] > MONTHS_MAX) {
				throw ProblemException.invalid(fields[i], "retention.method.months", MONTHS_MAX);
			}
			if (i > 0 && months[i] <= months[i - 1]) {
				throw ProblemException.invalid(fields[i], "retention.method.increasing");
			}
		}
		if (highFrom < 2 || highFrom > 25) {
			throw ProblemException.invalid("highFrom", "retention.method.high");
		}
		if (mediumFrom < 1 || mediumFrom >= highFrom) {
			throw ProblemException.invalid("mediumFrom", "retention.method.medium");
		}
		return this;
	}

	/** The attrition risk of a departure on {@code departure}, seen on {@code today}; a date passed counts as 5. */
	public int attrition(LocalDate departure, LocalDate today) {
		int[] months = { attrition5Months, attrition4Months, attrition3Months, attrition2Months };
		for (int i = 0; i < months.length; i++) {
			if (!departure.isAfter(today.plusMonths(months[i]))) {
				return 5 - i;
			}
		}
		return 1;
	}

	public RiskBand band(int total) {
		return total >= highFrom ? RiskBand.HIGH : total >= mediumFrom ? RiskBand.MEDIUM : RiskBand.LOW;
	}

	/** The band of each cell of the heat map, [attrition - 1][position - 1]. */
	public RiskBand[][] bands() {
		RiskBand[][] bands = new RiskBand[5][5];
		for (int a = 1; a <= 5; a++) {
			for (int p = 1; p <= 5; p++) {
				bands[a - 1][p - 1] = band(a * p);
			}
		}
		return bands;
	}
}
