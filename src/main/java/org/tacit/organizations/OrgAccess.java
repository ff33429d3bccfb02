package org.tacit.organizations;

import org.tacit.shared.ProblemException;

/**
 * What the current person may do in one organization. Obtained from
 * {@link Organizations#access(String)}, which answers 404 for organizations the person is not in.
 */
public record OrgAccess(OrgId orgId, String slug, String name, PersonId personId, Role role) {

	/** Refuses with 403 unless the person's role is at least {@code required}. */
	public OrgAccess require(Role required) {
		if (!role.atLeast(required)) {
			throw ProblemException.forbidden();
		}
		return this;
	}

	public boolean can(Role required) {
		return role.atLeast(required);
	}

	/** For pages: whether administrator actions are shown. */
	public boolean admin() {
		return role == Role.ADMIN;
	}
}
