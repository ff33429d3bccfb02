package org.tacit.library;

import java.util.UUID;

/** Identifies a knowledge item. */
public record ItemId(UUID value) {

	public static ItemId random() {
		return new ItemId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
