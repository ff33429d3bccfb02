package org.tacit.communities.internal;

/** How people become members: at once (OPEN) or once a steward approves their request (APPROVAL). */
public enum JoinPolicy {
	OPEN, APPROVAL
}
