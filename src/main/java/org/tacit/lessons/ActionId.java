package org.tacit.lessons;

import java.util.UUID;

/** Identifies an action that follows from a lesson. */
public record ActionId(UUID value) {

	public static ActionId random() {
		return new ActionId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
