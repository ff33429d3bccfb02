package org.tacit.organizations.internal;

import java.time.Instant;
import java.util.UUID;

import org.tacit.organizations.PersonId;

/** A person's account row. The password hash never leaves this module. */
public record Account(PersonId id, String email, String name, String passwordHash, boolean siteAdmin, boolean active,
		UUID securityStamp, int failedSignIns, Instant lockedUntil, Instant createdAt) {

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
