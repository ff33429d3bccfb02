package org.tacit.recognition.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * Badges are derived from the ledger whenever they are shown: a badge is earned at the entry that
 * reached its threshold, so a rebuild or a changed rule gives the right badges at once.
 */
@Component
public class Badges {

	private final Ledger ledger;

	Badges(Ledger ledger) {
		this.ledger = ledger;
	}

	/** The badges the person earned before {@code until} under the organization's rules; empty when badges are off. */
	public List<KnowledgeRecord.EarnedBadge> earned(OrgId org, PersonId person, Settings settings, Instant until) {
		if (!settings.badgesEnabled()) {
			return List.of();
		}
		Map<Badge, Integer> counts = new EnumMap<>(Badge.class);
		Map<Badge, Instant> earned = new EnumMap<>(Badge.class);
		for (Entry entry : ledger.all(org, person)) {
			if (!entry.at().isBefore(until)) {
				break;
			}
			for (Badge badge : Badge.values()) {
				Settings.BadgeRule rule = settings.badges().get(badge);
				if (rule == null || !rule.enabled() || earned.containsKey(badge) || !badge.counts(entry)) {
					continue;
				}
				int count = counts.merge(badge, 1, Integer::sum);
				if (count >= rule.threshold()) {
					earned.put(badge, entry.at());
				}
			}
		}
		List<KnowledgeRecord.EarnedBadge> list = new ArrayList<>();
		earned.forEach((badge, at) -> list.add(new KnowledgeRecord.EarnedBadge(badge, at)));
		return list;
	}
}
