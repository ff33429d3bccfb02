package org.tacit.competencies.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.tacit.competencies.EvidenceSource;
import org.tacit.library.ItemId;
import org.tacit.library.ItemStatus;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;

/**
 * Evidence {@code km-items-authored}: published library items the person owns that are tagged {@code km},
 * first published within the period. Items of members-only spaces are left out, because not everyone who
 * reads the assessment may know they exist.
 */
@Component
class KmItemsAuthored implements EvidenceSource {

	static final String KIND = "km-items-authored";
	static final String TAG = "km";
	private static final int ITEMS_MAX = 1000;

	private final KnowledgeLibrary library;
	private final Organizations organizations;

	KmItemsAuthored(KnowledgeLibrary library, Organizations organizations) {
		this.library = library;
		this.organizations = organizations;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(KIND);
	}

	@Override
	public List<Evidence> find(OrgId org, PersonId person, String kind, Instant from, Instant to) {
		if (!KIND.equals(kind)) {
			return List.of();
		}
		Map<ItemId, KnowledgeLibrary.ItemRef> items = new HashMap<>();
		for (KnowledgeLibrary.ItemRef item : library.ownedBy(org, person)) {
			if (item.status() == ItemStatus.PUBLISHED && !item.membersOnly() && item.tags().contains(TAG)
					&& items.size() < ITEMS_MAX) {
				items.put(item.id(), item);
			}
		}
		if (items.isEmpty()) {
			return List.of();
		}
		String slug = organizations.slug(org).orElse("");
		Map<ItemId, Instant> firstPublished = new HashMap<>();
		for (KnowledgeLibrary.Credit credit : library.credits(org, List.copyOf(items.keySet()), null, ITEMS_MAX).credits()) {
			if (credit.kind() == KnowledgeLibrary.CreditKind.PUBLISHED) {
				firstPublished.merge(credit.item(), credit.at(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		List<Evidence> evidence = new ArrayList<>();
		firstPublished.forEach((id, at) -> {
			if (!at.isBefore(from) && at.isBefore(to)) {
				KnowledgeLibrary.ItemRef item = items.get(id);
				evidence.add(new Evidence(KIND, item.title(), "/o/" + slug + "/" + item.path(), at));
			}
		});
		evidence.sort(Comparator.comparing(Evidence::at).reversed());
		return evidence.subList(0, Math.min(evidence.size(), LIMIT));
	}
}
