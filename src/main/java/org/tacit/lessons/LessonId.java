package org.tacit.lessons;

import java.util.UUID;

/** Identifies a lesson. */
public record LessonId(UUID value) {

	public static LessonId random() {
		return new LessonId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
