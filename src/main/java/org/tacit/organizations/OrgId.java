package org.tacit.organizations;

import java.util.UUID;

/** Identifies an organization (a tenant). */
public record OrgId(UUID value) {

	public static OrgId random() {
		return new OrgId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
