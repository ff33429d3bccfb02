package org.tacit.communities;

import java.util.UUID;

/** Identifies a post of a thread: its opening post, a reply or an answer. */
public record PostId(UUID value) {

	public static PostId random() {
		return new PostId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
