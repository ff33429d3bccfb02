package org.tacit.lessons;

import java.util.List;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** Someone wrote a lesson down; it waits for validation. {@code tags} as the lesson has them. */
public record LessonCaptured(OrgId org, LessonId lesson, PersonId capturedBy, List<String> tags) {
}
