package org.tacit.communities;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A post named a member of its community as @email (for notifications). */
public record MemberMentioned(OrgId org, CommunityId community, ThreadId thread, PostId post, PersonId person,
		PersonId by) {
}
