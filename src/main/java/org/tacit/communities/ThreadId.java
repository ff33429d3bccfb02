package org.tacit.communities;

import java.util.UUID;

/** Identifies a thread of a community: a discussion or a question. */
public record ThreadId(UUID value) {

	public static ThreadId random() {
		return new ThreadId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
