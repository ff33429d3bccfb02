package org.tacit.distribution.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification of a person.
 *
 * @param reasonKind why they got it: the kind of follow ({@code TAG}), {@code AUDIENCE} (an announcement)
 *                   or {@code OWNER} (their item went stale)
 * @param reasonLabel what they follow, as it read when the notification came (the tag, the space's name)
 * @param note the change note or other short text of the event, or null
 */
public record Notification(UUID id, NotificationKind kind, String recordType, String recordId, String title,
		String path, String note, UUID actor, String reasonKind, String reasonLabel, Channel channel, Instant createdAt,
		Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}
}
