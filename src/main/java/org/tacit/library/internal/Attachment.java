package org.tacit.library.internal;

import java.time.Instant;
import java.util.UUID;

import org.tacit.library.ItemId;
import org.tacit.organizations.PersonId;

/**
 * A file attached to an item. {@code fileName} is for showing only; the content is found by
 * {@code contentHash}. {@code mediaType} was detected from the content.
 */
public record Attachment(UUID id, ItemId itemId, String fileName, String mediaType, long size, String contentHash,
		PersonId uploadedBy, String uploadedByName, Instant uploadedAt) {

	Attachment withUploaderName(String name) {
		return new Attachment(id, itemId, fileName, mediaType, size, contentHash, uploadedBy, name, uploadedAt);
	}
}
