package org.tacit.lessons;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A lesson was confirmed as right and worth acting on: a credit for its author. */
public record LessonValidated(OrgId org, LessonId lesson, PersonId validatedBy, PersonId author) {
}
