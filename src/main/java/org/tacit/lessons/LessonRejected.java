package org.tacit.lessons;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A lesson was not taken up; {@code reason} says why. */
public record LessonRejected(OrgId org, LessonId lesson, PersonId author, PersonId rejectedBy, String reason) {
}
