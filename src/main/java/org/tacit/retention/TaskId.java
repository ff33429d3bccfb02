package org.tacit.retention;

import java.util.UUID;

/** Identifies a task of a knowledge transfer plan. */
public record TaskId(UUID value) {

	public static TaskId random() {
		return new TaskId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
