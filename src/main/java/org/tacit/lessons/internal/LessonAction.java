package org.tacit.lessons.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.tacit.lessons.ActionId;
import org.tacit.lessons.ActionStatus;
import org.tacit.lessons.LessonId;

/**
 * An action that follows from a lesson.
 *
 * @param overdue still open after its due date
 * @param canUpdate whether the viewer may change its status (its owner and the lesson's stewards)
 */
public record LessonAction(ActionId id, LessonId lessonId, String lessonTitle, String title, Person owner,
		LocalDate due, ActionStatus status, Instant createdAt, Person completedBy, Instant completedAt, boolean overdue,
		boolean canUpdate) {
}
