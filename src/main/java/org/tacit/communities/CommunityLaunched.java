package org.tacit.communities;

import java.util.List;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A community passed the launch gate: its charter is complete and recorded as version 1. */
public record CommunityLaunched(OrgId org, CommunityId community, String name, List<String> domain,
		PersonId launchedBy) {
}
