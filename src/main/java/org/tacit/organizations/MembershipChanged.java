package org.tacit.organizations;

/** A person joined, changed role in, or left an organization ({@code role} is null when they left). */
public record MembershipChanged(OrgId orgId, PersonId personId, Role role) {
}
