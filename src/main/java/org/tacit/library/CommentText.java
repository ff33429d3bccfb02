package org.tacit.library;

import java.util.UUID;

/** A comment on an item as plain text, for indexing it with its item. */
public record CommentText(UUID id, String authorName, String text) {
}
