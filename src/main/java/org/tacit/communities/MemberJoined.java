package org.tacit.communities;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A person became a member of a community (joined, was approved, accepted an invitation or took a role). */
public record MemberJoined(OrgId org, CommunityId community, PersonId person) {
}
