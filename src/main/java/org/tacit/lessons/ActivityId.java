package org.tacit.lessons;

import java.util.UUID;

/** Identifies an activity (a project, operation, event or piece of work). */
public record ActivityId(UUID value) {

	public static ActivityId random() {
		return new ActivityId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
