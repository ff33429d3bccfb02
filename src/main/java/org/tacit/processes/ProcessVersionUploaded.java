package org.tacit.processes;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A new BPMN version of a process was uploaded (version counts from 1). */
public record ProcessVersionUploaded(OrgId org, ProcessId process, int version, PersonId by) {
}
