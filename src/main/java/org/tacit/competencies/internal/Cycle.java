package org.tacit.competencies.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** An assessment cycle: people are assessed against one framework from {@code opensOn} to {@code closesOn} (both included). */
public record Cycle(UUID id, String name, UUID frameworkId, String frameworkName, LocalDate opensOn, LocalDate closesOn,
		Instant createdAt) {

	/** The start of the cycle's first day (UTC): where evidence starts counting. */
	public Instant from() {
		return opensOn.atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	/** The end of the cycle's last day (UTC, exclusive). */
	public Instant to() {
		return closesOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}
}
