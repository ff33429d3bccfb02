package org.tacit.distribution.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A follow as people see it.
 *
 * @param label how the followed record reads (a space's name, an item's title; the tag itself)
 * @param path the followed record's page below the organization's root, or null (tags)
 */
public record Follow(UUID id, FollowKind kind, String target, String label, String path, Instant createdAt) {
}
