package org.tacit.distribution.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An announcement as one person sees it.
 *
 * @param audience {@code ORGANIZATION}, {@code ROLE:<role>} (that role and above) or {@code COMMUNITY:<id>}
 * @param recipient whether the viewer is in its audience
 * @param acknowledgedAt when the viewer acknowledged it, or null
 * @param acknowledged how many of the audience acknowledged it (null unless the viewer may follow progress)
 * @param audienceSize how many people it reached (null as above)
 */
public record Announcement(UUID id, String title, String body, boolean mustAcknowledge, String audience,
		UUID author, String authorName, Instant createdAt, Instant remindedAt, boolean recipient, Instant acknowledgedAt,
		Long acknowledged, Long audienceSize) {

	/** Whether the viewer still has to acknowledge it. */
	public boolean pending() {
		return mustAcknowledge && recipient && acknowledgedAt == null;
	}

	public boolean showsProgress() {
		return audienceSize != null;
	}
}
