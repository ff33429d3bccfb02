package org.tacit.processes;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * Knowledge was linked to a step of a process.
 *
 * @param step the BPMN id of the step
 * @param linkType {@code item}, {@code lesson}, {@code person}, {@code community} or {@code url}
 * @param linkId the linked record's id (for {@code url}, the address)
 */
public record StepLinked(OrgId org, ProcessId process, String step, String linkType, String linkId, PersonId by) {
}
