package org.tacit.communities;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A person is no longer a member of a community: they left, were removed, or left the organization. */
public record MemberLeft(OrgId org, CommunityId community, PersonId person) {
}
