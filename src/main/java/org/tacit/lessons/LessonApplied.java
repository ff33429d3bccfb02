package org.tacit.lessons;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * The team of a before-action review decided to apply a past lesson to their activity: the reuse of
 * that lesson, a credit for its author.
 */
public record LessonApplied(OrgId org, LessonId lesson, ActivityId activity, PersonId appliedBy, PersonId lessonAuthor) {
}
