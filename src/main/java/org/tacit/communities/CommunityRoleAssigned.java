package org.tacit.communities;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A person was named in a role of a community's charter that they did not hold before. */
public record CommunityRoleAssigned(OrgId org, CommunityId community, PersonId person, CharterRole role) {
}
