package org.tacit.processes.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.tacit.processes.ProcessId;

/** Where a process's page is, and the address that opens its map at one step. */
public final class ProcessPaths {

	private ProcessPaths() {
	}

	/** Below the organization's root, without a leading slash. */
	public static String process(ProcessId id) {
		return "processes/" + id;
	}

	public static String step(ProcessId id, String stepId) {
		return process(id) + "?step=" + URLEncoder.encode(stepId, StandardCharsets.UTF_8) + "#map";
	}
}
