package org.tacit.library;

import java.util.Map;
import java.util.Set;

/** Where an item is in the approval workflow. Only published items are visible to viewers. */
public enum ItemStatus {

	DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED;

	private static final Map<ItemStatus, Set<ItemStatus>> NEXT = Map.of(DRAFT, Set.of(IN_REVIEW), IN_REVIEW,
			Set.of(PUBLISHED, DRAFT), PUBLISHED, Set.of(ARCHIVED), ARCHIVED, Set.of(DRAFT));

	/** Whether the workflow allows going from this status to {@code next}. */
	public boolean canGoTo(ItemStatus next) {
		return NEXT.get(this).contains(next);
	}

	public Set<ItemStatus> next() {
		return NEXT.get(this);
	}
}
