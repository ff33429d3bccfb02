package org.tacit.organizations;

/** An organization was created; {@code demo} is set for the sample organization of first start. */
public record OrganizationCreated(OrgId orgId, String slug, PersonId createdBy, boolean demo) {
}
