package org.tacit.library;

import java.security.SecureRandom;
import java.util.UUID;

/** Identifies a knowledge item. */
public record ItemId(UUID value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * A new id: a version 7 UUID, whose first bits are the time in milliseconds and the other 74 random.
	 * Ids made one after the other sort together, so new items are added at the end of the database's
	 * indexes instead of all over them: an import of many items writes far fewer index pages.
	 */
	public static ItemId random() {
		long millis = System.currentTimeMillis();
		long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
		long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new ItemId(new UUID(high, low));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
