package org.tacit.processes.internal;

import java.time.Instant;
import java.util.List;

import org.tacit.organizations.PersonId;
import org.tacit.processes.ProcessId;
import org.tacit.processes.ProcessStatus;

/** A process as the caller sees it, with what they may do to it. */
public record ProcessView(ProcessId id, String name, String description, List<String> tags, ProcessStatus status,
		PersonId ownerId, String ownerName, int version, Instant createdAt, Instant updatedAt, boolean canEdit) {

	public boolean hasDiagram() {
		return version > 0;
	}
}
