package org.tacit.training.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A course assigned to a member, due on a date, and how it was completed. */
public record Assignment(UUID id, OrgId org, UUID courseId, String courseTitle, PersonId trainer, PersonId person,
		LocalDate due, String reason, UUID ruleId, AssignmentStatus status, PersonId assignedBy, Instant assignedAt,
		String evidence, String evidenceLink, PersonId completedBy, Instant completedAt, PersonId confirmedBy,
		Instant confirmedAt) {

	/** Not completed, and the due date is before {@code today}. */
	public boolean overdue(LocalDate today) {
		return status == AssignmentStatus.OPEN && due.isBefore(today);
	}
}
