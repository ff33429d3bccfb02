package org.tacit.communities;

/**
 * A role of a community's charter. A community needs a SPONSOR and a LEADER to launch; the others are
 * optional. Sponsors, leaders and facilitators are the community's stewards.
 */
public enum CharterRole {

	/** Backs the community in the organization: time, attention, removal of obstacles. */
	SPONSOR,
	/** Runs the community: agenda, members, deliverables. */
	LEADER,
	/** Keeps discussions and meetings going. */
	FACILITATOR,
	/** A subject-matter expert whom members can ask. */
	EXPERT,
	/** Organizes meetings, events and logistics. */
	COORDINATOR,
	/** Keeps the community's space and FAQ in order. */
	KNOWLEDGE_STEWARD,
	/** Any other role the charter describes in its responsibilities. */
	OTHER;

	/** Stewards manage the community: its charter, lifecycle, members and deliverables. */
	public boolean steward() {
		return this == SPONSOR || this == LEADER || this == FACILITATOR;
	}
}
