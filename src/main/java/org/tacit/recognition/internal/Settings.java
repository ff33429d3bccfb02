package org.tacit.recognition.internal;

import java.util.Map;

/**
 * An organization's recognition settings: whether points, badges and leaderboards show (points and
 * badges on, leaderboards off by default), the weight of each kind of entry and each badge's rule.
 */
public record Settings(boolean pointsEnabled, boolean badgesEnabled, boolean leaderboardsEnabled,
		Map<EntryKind, Integer> weights, Map<Badge, BadgeRule> badges) {

	/** A badge's rule. */
	public record BadgeRule(boolean enabled, int threshold) {
	}

	public int weight(EntryKind kind) {
		return weights.getOrDefault(kind, kind.defaultWeight());
	}
}
