package org.tacit.lessons;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A lesson's cycle ended: its change is in place and no action is open. */
public record LessonClosed(OrgId org, LessonId lesson, PersonId author, PersonId closedBy) {
}
