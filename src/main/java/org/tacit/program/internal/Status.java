package org.tacit.program.internal;

/** Where an initiative stands. DONE and CANCELLED are closed: they are never at risk. */
public enum Status {

	PROPOSED, ACTIVE, ON_HOLD, DONE, CANCELLED;

	public boolean closed() {
		return this == DONE || this == CANCELLED;
	}
}
