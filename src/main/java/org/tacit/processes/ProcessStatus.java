package org.tacit.processes;

/** Where a process is in its life: being drawn, in use, or no longer followed. */
public enum ProcessStatus {
	DRAFT, PUBLISHED, RETIRED
}
