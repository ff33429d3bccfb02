package org.tacit.processes.internal;

import java.time.Instant;

import org.tacit.organizations.PersonId;

/** One uploaded BPMN version of a process (without the file itself). */
public record VersionView(int version, String fileName, int sizeBytes, int steps, String note, PersonId uploadedBy,
		String uploadedByName, Instant uploadedAt) {
}
