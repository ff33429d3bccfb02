package org.tacit.communities;

import java.util.Map;
import java.util.Set;

/**
 * Where a community is in its life: PROPOSED until its charter passes the launch gate, LAUNCHED,
 * ACTIVE once it holds discussions, DORMANT when it has gone quiet (and ACTIVE again when it wakes
 * up), RETIRED at its end (read-only).
 */
public enum CommunityStatus {

	PROPOSED, LAUNCHED, ACTIVE, DORMANT, RETIRED;

	private static final Map<CommunityStatus, Set<CommunityStatus>> NEXT = Map.of(PROPOSED, Set.of(LAUNCHED), LAUNCHED,
			Set.of(ACTIVE, DORMANT, RETIRED), ACTIVE, Set.of(DORMANT, RETIRED), DORMANT, Set.of(ACTIVE, RETIRED), RETIRED,
			Set.of());

	/** Whether the lifecycle allows going from this status to {@code next}. */
	public boolean canGoTo(CommunityStatus next) {
		return NEXT.get(this).contains(next);
	}

	public Set<CommunityStatus> next() {
		return NEXT.get(this);
	}

	/** Launched and not retired: members can hold discussions and ask questions. */
	public boolean open() {
		return this == LAUNCHED || this == ACTIVE || this == DORMANT;
	}
}
