package org.tacit.lessons;

import java.util.UUID;

/** Identifies a before-, during- or after-action review. */
public record ReviewId(UUID value) {

	public static ReviewId random() {
		return new ReviewId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
