package org.tacit.competencies;

import java.util.UUID;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** An assessment was signed off: its levels are final, and its gaps are the person's training needs. */
public record AssessmentSignedOff(OrgId org, UUID assessmentId, PersonId person) {
}
