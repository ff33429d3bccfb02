package org.tacit.training.internal;

/** Where an assignment stands. */
public enum AssignmentStatus {
	OPEN,
	/** The person reported it done, with evidence. */
	COMPLETED_SELF_REPORTED,
	/** The course's trainer, a knowledge manager or an administrator confirmed it. */
	CONFIRMED,
	/** The person left the organization before completing it. */
	CANCELLED;

	public boolean completed() {
		return this == COMPLETED_SELF_REPORTED || this == CONFIRMED;
	}
}
