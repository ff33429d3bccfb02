package org.tacit.communities;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A community moved in its lifecycle (the launch included); {@code by} is who did it or whose post woke it up. */
public record CommunityStatusChanged(OrgId org, CommunityId community, CommunityStatus from, CommunityStatus to,
		PersonId by) {
}
