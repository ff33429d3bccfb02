package org.tacit.measurement.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A period of whole UTC days, both ends included. */
public record Period(LocalDate from, LocalDate to) {

	/** Its length in days. */
	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** The period of the same length that ends the day before this one starts. */
	public Period previous() {
		return new Period(from.minusDays(days()), from.minusDays(1));
	}

	public Instant start() {
		return from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the period. */
	public Instant end() {
		return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}
}
