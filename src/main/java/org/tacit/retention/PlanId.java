package org.tacit.retention;

import java.util.UUID;

/** Identifies a knowledge transfer plan. */
public record PlanId(UUID value) {

	public static PlanId random() {
		return new PlanId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
