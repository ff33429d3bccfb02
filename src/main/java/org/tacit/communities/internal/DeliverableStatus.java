package org.tacit.communities.internal;

/** How far a deliverable of the charter has come. */
public enum DeliverableStatus {
	PLANNED, IN_PROGRESS, DELIVERED
}
