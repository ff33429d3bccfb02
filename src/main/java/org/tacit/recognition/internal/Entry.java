package org.tacit.recognition.internal;

import java.time.Instant;

import org.tacit.organizations.PersonId;

/**
 * One ledger entry: {@code person} is credited with {@code kind} for the record (type and id, as
 * {@link org.tacit.shared.Records} finds it), caused by {@code actor} (the user of a template, the
 * voter, the giver of kudos; null when nobody else), at {@code at}. {@code detail} qualifies the kind
 * (the item's kind, the charter role, {@code process} for a lesson that changed a process step).
 * {@code key} makes it unique in its organization.
 */
public record Entry(PersonId person, EntryKind kind, String recordType, String recordId, PersonId actor, String detail,
		Instant at, String key) {
}
