package org.tacit.distribution.internal;

import java.util.List;
import java.util.Set;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * Something that happened to a record, ready to be distributed.
 *
 * @param key unique per occurrence (a replayed event has the same key, so it delivers nothing twice)
 * @param matches the follows that lead to it (a space key, the item's tags, its owner, the item itself)
 * @param direct people who get it whether they follow anything or not (an announcement's audience, with
 *               the reason {@code AUDIENCE}; the owner of an item gone stale, with the reason {@code OWNER})
 * @param actor who did it (never notified of their own doing), or null
 * @param note the change note or a short text, or null
 */
public record Occurrence(OrgId org, NotificationKind kind, String key, String recordType, String recordId,
		List<Match> matches, Set<PersonId> direct, PersonId actor, String note) {

	/** A follow that leads to the record. */
	public record Match(FollowKind kind, String target) {
	}
}
