package org.tacit.processes;

import java.util.UUID;

/** Identifies a process. */
public record ProcessId(UUID value) {

	public static ProcessId random() {
		return new ProcessId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
