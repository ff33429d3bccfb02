package org.tacit.processes;

import org.tacit.organizations.OrgId;

/** Anything about a process changed (its details, a version, a link): its search entries are redone. */
public record ProcessChanged(OrgId org, ProcessId process) {
}
