package org.tacit.lessons;

/** Where an action that follows from a lesson stands. DONE and CANCELLED are finished. */
public enum ActionStatus {

	OPEN, IN_PROGRESS, DONE, CANCELLED;

	public boolean finished() {
		return this == DONE || this == CANCELLED;
	}
}
