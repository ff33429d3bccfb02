package org.tacit.communities.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tacit.communities.CharterRole;
import org.tacit.library.ItemId;
import org.tacit.organizations.PersonId;

/**
 * What a community commits to: why it exists, who holds which role and answers for what, what it will
 * deliver or which capability it will build, and how often it meets.
 */
public record Charter(String purpose, List<Role> roles, List<Deliverable> deliverables, String capabilityIntent,
		String rhythm) {

	/** A role with a named person; {@code active} says whether they are still an active member of the organization. */
	public record Role(UUID id, CharterRole role, PersonId person, String personName, String personEmail, boolean active,
			String responsibilities) {
	}

	/** A deliverable with its target date, how far it has come, and the library items linked to it. */
	public record Deliverable(UUID id, String description, LocalDate targetDate, DeliverableStatus status,
			LocalDate deliveredOn, List<ItemId> items) {

		/** Delivered on or before its target date. */
		public boolean onTime() {
			return deliveredOn != null && !deliveredOn.isAfter(targetDate);
		}

		/** Not delivered and past its target date. */
		public boolean overdue(LocalDate today) {
			return status != DeliverableStatus.DELIVERED && targetDate.isBefore(today);
		}
	}

	/** Whether the person holds any role of this charter. */
	public boolean holds(PersonId person) {
		return roles.stream().anyMatch(r -> r.person().equals(person));
	}

	/** Whether the person holds this role. */
	public boolean holds(PersonId person, CharterRole role) {
		return roles.stream().anyMatch(r -> r.role() == role && r.person().equals(person));
	}

	/** Whether the person holds a steward's role (sponsor, leader, facilitator). */
	public boolean steward(PersonId person) {
		return roles.stream().anyMatch(r -> r.role().steward() && r.person().equals(person));
	}

	public List<Role> holdersOf(CharterRole role) {
		return roles.stream().filter(r -> r.role() == role).toList();
	}
}
