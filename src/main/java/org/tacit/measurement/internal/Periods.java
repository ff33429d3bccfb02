package org.tacit.measurement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tacit.shared.ProblemException;

/**
 * Reads the period a person asks for: {@code from} and {@code to} as ISO dates, both optional (the
 * default is the 90 days up to today), {@code to} not before {@code from}, and at most
 * {@code tacit.measurement.max-period-days} days long (731 by default).
 */
@Component
public class Periods {

	/** The length of the default period, in days. */
	public static final int DEFAULT_DAYS = 90;

	private final Clock clock;
	private final int maxDays;

	Periods(Clock clock, @Value("${tacit.measurement.max-period-days:731}") int maxDays) {
		this.clock = clock;
		this.maxDays = maxDays;
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	public int maxDays() {
		return maxDays;
	}

	public Period of(String from, String to) {
		LocalDate end = blank(to) ? today() : date("to", to);
		LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
		if (end.isBefore(start)) {
			throw ProblemException.invalid("to", "measurement.period.order");
		}
		Period period = new Period(start, end);
		if (period.days() > maxDays) {
			throw ProblemException.invalid("from", "measurement.period.tooLong", maxDays);
		}
		return period;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static LocalDate date(String field, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw ProblemException.invalid(field, "measurement.period.date");
		}
	}
}
