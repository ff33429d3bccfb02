package org.tacit.organizations.internal;

import java.time.Instant;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.Role;

/** An organization as listed for a person: {@code role} is theirs (null for a site administrator who is not a member). */
public record OrgRecord(OrgId id, String slug, String name, Instant createdAt, Role role, long members) {
}
