package org.tacit.processes.internal;

import java.time.Instant;
import java.util.UUID;

import org.tacit.organizations.PersonId;

/**
 * A link from a step to knowledge, as the caller sees it.
 *
 * @param title the record's title now (or as it was when linked, if it is gone)
 * @param path the record's page below the organization's root, or null for a web address
 * @param url the web address of a {@code url} link, else null
 * @param available whether the linked record still exists and the caller may see it
 * @param orphanedVersion the version that removed the link's step, or null while the step exists
 */
public record LinkView(UUID id, String stepId, String type, String targetId, String title, String path, String url,
		String note, int position, boolean available, int linkedVersion, Integer orphanedVersion, PersonId createdBy,
		String createdByName, Instant createdAt) {

	public boolean orphaned() {
		return orphanedVersion != null;
	}
}
