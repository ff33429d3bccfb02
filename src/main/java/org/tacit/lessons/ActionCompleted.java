package org.tacit.lessons;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** An action that follows from a lesson was done. */
public record ActionCompleted(OrgId org, LessonId lesson, ActionId action, PersonId owner, PersonId completedBy) {
}
