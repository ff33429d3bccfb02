package org.tacit.library.internal;

import java.time.Instant;
import java.util.UUID;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.Role;

/**
 * A space of the library, with the caller's effective role in it: their organization role, raised by
 * a space role; in a members-only space only the space role counts.
 */
public record Space(UUID id, OrgId org, String key, String name, String description, boolean membersOnly,
		Instant createdAt, long items, Role role) {

	public boolean can(Role required) {
		return role != null && role.atLeast(required);
	}

	public boolean editor() {
		return can(Role.EDITOR);
	}

	public boolean contributor() {
		return can(Role.CONTRIBUTOR);
	}
}
