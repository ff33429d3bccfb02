package org.tacit.lessons.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.tacit.lessons.ActivityId;
import org.tacit.lessons.ReviewId;
import org.tacit.lessons.ReviewKind;

/**
 * A before-, during- or after-action review of an activity.
 *
 * @param answers the answers to the questions of its kind, in the order they are asked (empty text when not answered)
 * @param canEdit whether the viewer may change it and, for a BEFORE review, mark what the team will apply
 */
public record Review(ReviewId id, ActivityId activityId, String activityName, ReviewKind kind, LocalDate heldOn,
		Person facilitator, List<Person> participants, String notes, Map<String, String> answers, Instant createdAt,
		Instant updatedAt, boolean canEdit) {

	/** The answer to one question, or empty. */
	public String answer(String question) {
		return answers.getOrDefault(question, "");
	}
}
