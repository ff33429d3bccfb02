package org.tacit.recognition.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.tacit.shared.ProblemException;

/**
 * A period of whole UTC days, both ends included (a review year: 2026-01-01 to 2026-12-31). Without a
 * start it is the current calendar year up to today; it is at most {@link #YEARS_MAX} years long.
 */
public record Period(LocalDate from, LocalDate to) {

	public static final int YEARS_MAX = 10;

	public static Period parse(String from, String to, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate end = blank(to) ? today : date(to, "to");
		LocalDate start = blank(from) ? LocalDate.of(end.getYear(), 1, 1) : date(from, "from");
		if (end.isBefore(start)) {
			throw ProblemException.invalid("to", "recognition.period.order");
		}
		if (start.plusYears(YEARS_MAX).isBefore(end)) {
			throw ProblemException.invalid("to", "recognition.period.long", YEARS_MAX);
		}
		return new Period(start, end);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static LocalDate date(String value, String field) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw ProblemException.invalid(field, "recognition.period.date");
		}
	}

	/** The first instant of the period. */
	public Instant start() {
		return from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the period. */
	public Instant end() {
		return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}
}
