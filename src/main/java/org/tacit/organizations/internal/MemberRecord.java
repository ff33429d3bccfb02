package org.tacit.organizations.internal;

import java.time.Instant;

import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;

/**
 * A member of one organization as the member list shows them; {@code manager} and {@code managerName}
 * are null when the member has no manager.
 */
public record MemberRecord(PersonId id, String email, String name, Role role, boolean active, Instant joinedAt,
		PersonId manager, String managerName) {
}
