package org.tacit.retention;

import java.util.UUID;

/** Identifies an entry of the knowledge-loss risk register. */
public record RiskId(UUID value) {

	public static RiskId random() {
		return new RiskId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
