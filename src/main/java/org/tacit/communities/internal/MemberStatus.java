package org.tacit.communities.internal;

/** A person's standing in a community. */
public enum MemberStatus {

	/** A member: takes part in discussions and Q&A, contributes to the community's space. */
	MEMBER,
	/** Asked to join a community that needs approval; a steward approves or declines. */
	REQUESTED,
	/** Invited by a steward; becomes a member by joining. */
	INVITED
}
