package org.tacit.library;

import java.time.Instant;
import java.util.List;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * Published items of one organization whose review-by date passed (at most a few hundred per event):
 * each is announced once for its current review-by date, by the library's daily stale check. Verifying
 * an item gives it a new review-by date, which is announced again when it passes in turn.
 */
public record ItemsWentStale(OrgId org, List<StaleItem> items) {

	/** One item gone stale: its owner is the one to verify it. */
	public record StaleItem(ItemId item, PersonId owner, Instant reviewBy) {
	}
}
