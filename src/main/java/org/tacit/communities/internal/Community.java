package org.tacit.communities.internal;

import java.time.Instant;
import java.util.List;

import org.tacit.communities.CharterRole;
import org.tacit.communities.CommunityId;
import org.tacit.communities.CommunityStatus;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;

/**
 * A community as one person sees it: {@code viewer}, their organization role and their
 * {@code membership} (null when none) decide what they may do in it.
 */
public record Community(CommunityId id, OrgId org, String name, String description, List<String> tags,
		CommunityStatus status, JoinPolicy joinPolicy, boolean membersOnly, String spaceKey, Charter charter,
		int charterVersion, PersonId createdBy, Instant createdAt, Instant updatedAt, Instant launchedAt,
		Instant statusChangedAt, Instant lastActivityAt, long members, PersonId viewer, Role viewerRole,
		MemberStatus membership) {

	public boolean member() {
		return membership == MemberStatus.MEMBER;
	}

	public boolean invited() {
		return membership == MemberStatus.INVITED;
	}

	public boolean requested() {
		return membership == MemberStatus.REQUESTED;
	}

	/**
	 * Stewards manage the community: its sponsors, leaders and facilitators, knowledge managers and
	 * administrators of the organization, and the person who proposed it until it launches.
	 */
	public boolean steward() {
		return viewerRole.atLeast(Role.KNOWLEDGE_MANAGER) || charter.steward(viewer)
				|| status == CommunityStatus.PROPOSED && createdBy.equals(viewer);
	}

	public boolean leader() {
		return charter.holds(viewer, CharterRole.LEADER);
	}

	public boolean canEditCharter() {
		return status != CommunityStatus.RETIRED && steward();
	}

	/** Members take part once the community has launched, until it retires. */
	public boolean canPost() {
		return member() && status.open();
	}

	public boolean canJoin() {
		return status != CommunityStatus.RETIRED && (membership == null || invited());
	}

	public boolean canLeave() {
		return membership != null && !charter.holds(viewer);
	}

	/** The lifecycle steps a steward can take by hand (launching has its own gate). */
	public List<CommunityStatus> statusChoices() {
		if (!steward()) {
			return List.of();
		}
		return status.next().stream().filter(next -> next != CommunityStatus.LAUNCHED).sorted().toList();
	}

	public String path() {
		return "communities/" + id;
	}
}
