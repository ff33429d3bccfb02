package org.tacit.lessons.internal;

import java.time.Instant;
import java.util.List;

import org.tacit.lessons.ActivityId;
import org.tacit.lessons.LessonId;
import org.tacit.lessons.LessonStatus;
import org.tacit.lessons.Priority;
import org.tacit.lessons.ReviewId;
import org.tacit.lessons.ReviewKind;

/**
 * A lesson, as the viewer may act on it.
 *
 * @param activityId the activity it was learned in, or null for a lesson on its own
 * @param reviewId the review it was captured in, or null
 * @param expert the named subject-matter expert who may validate it, or null
 * @param steward whether the viewer moves it through its lifecycle and assigns its actions: editors,
 *        knowledge managers, administrators and its expert
 * @param canEdit whether the viewer may change its text: stewards until it ends, its author while it is CAPTURED
 */
public record Lesson(LessonId id, ActivityId activityId, String activityName, ReviewId reviewId, ReviewKind reviewKind,
		String title, String observation, String rootCause, String recommendation, Priority priority,
		LessonStatus status, List<String> tags, Person author, Person expert, String rejectReason, Instant capturedAt,
		Instant validatedAt, Instant actionedAt, Instant embeddedAt, Instant closedAt, Instant rejectedAt,
		Instant updatedAt, boolean steward, boolean canEdit) {

	/** The next statuses the viewer may move it to. */
	public List<LessonStatus> transitions() {
		return steward ? status.next() : List.of();
	}
}
