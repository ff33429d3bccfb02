package org.tacit.lessons;

import java.util.List;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A lesson changed the knowledge, checklist steps or process steps in {@code links}. */
public record LessonEmbedded(OrgId org, LessonId lesson, PersonId author, PersonId embeddedBy, List<LinkedRecord> links) {
}
