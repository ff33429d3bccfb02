package org.tacit.processes;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A process was published: its map is what people follow now. */
public record ProcessPublished(OrgId org, ProcessId process, PersonId owner, PersonId by) {
}
