package org.tacit.training;

import java.time.Instant;
import java.util.UUID;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A person completed an assigned course (self-reported or confirmed, whichever came first), once per assignment. */
public record TrainingCompleted(OrgId org, PersonId person, UUID assignmentId, UUID courseId, String courseTitle,
		Instant at) {
}
