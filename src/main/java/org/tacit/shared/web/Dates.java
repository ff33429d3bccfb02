package org.tacit.shared.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Formats instants for pages, as {@code ${@dates.format(x)}}. Times are shown in UTC, and say so. */
@Component("dates")
public class Dates {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	public String format(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}
}
