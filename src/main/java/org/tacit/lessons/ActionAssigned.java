package org.tacit.lessons;

import java.time.LocalDate;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** Someone was given an action that follows from a lesson, due on {@code due}. */
public record ActionAssigned(OrgId org, LessonId lesson, ActionId action, PersonId owner, LocalDate due,
		PersonId assignedBy) {
}
