package org.tacit.communities.web;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.tacit.shared.Texts;

/** Durations as the health figures show them, as {@code ${@communityDurations.format(d)}}: minutes, hours or days. */
@Component("communityDurations")
class CommunityDurations {

	private final Texts texts;

	CommunityDurations(Texts texts) {
		this.texts = texts;
	}

	public String format(Duration duration) {
		if (duration == null) {
			return "";
		}
		if (duration.toHours() < 1) {
			return texts.get("community.duration.minutes", Math.max(1, duration.toMinutes()));
		}
		if (duration.toDays() < 2) {
			return texts.get("community.duration.hours", duration.toHours());
		}
		return texts.get("community.duration.days", duration.toDays());
	}
}
