package org.tacit.library.internal;

import java.util.UUID;

/** The text extracted from one attachment, for the search index (empty when the file had none Tika could read). */
public record AttachmentText(UUID id, String fileName, String text) {
}
