package org.tacit.communities.internal;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tacit.organizations.HandoverSource;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A leaver's roles in community charters (sponsor, leader, ...) pass to their successor. */
@Component
@Order(20)
class RoleHandover implements HandoverSource {

	private final CommunityService communities;

	RoleHandover(CommunityService communities) {
		this.communities = communities;
	}

	@Override
	public List<Held> heldBy(OrgId org, PersonId person) {
		return communities.rolesOf(org, person).stream()
			.map(r -> new Held("handover.communities", r.communityName(), "communities/" + r.community(),
					"handover.communities.role." + r.role().name(), null))
			.toList();
	}

	@Override
	public int handOver(OrgAccess caller, PersonId from, PersonId to) {
		return communities.handOverRoles(caller, from, to);
	}
}
