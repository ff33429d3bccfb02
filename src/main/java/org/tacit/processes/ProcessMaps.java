package org.tacit.processes;

import java.util.List;
import java.util.Optional;

import org.tacit.organizations.OrgAccess;

/**
 * Process maps as other modules use them: find a process or one of its steps that the caller may see
 * (to show or check a link to it), and what knowledge a step links. Other modules link to steps
 * through {@link org.tacit.shared.Records} with the types {@code process} and {@code process-step}.
 */
public interface ProcessMaps {

	/** A process the caller may see; empty if unknown, in another organization or a draft hidden from them. */
	Optional<ProcessRef> process(OrgAccess caller, ProcessId id);

	/** A step of the current version of a process the caller may see. */
	Optional<StepRef> step(OrgAccess caller, ProcessId id, String stepId);

	/** The knowledge linked to a step, in its order, as the caller may see it. */
	List<StepLinkRef> links(OrgAccess caller, ProcessId id, String stepId);

	/** A process as other modules show it; {@code path} is its page below the organization's root. */
	record ProcessRef(ProcessId id, String name, ProcessStatus status, int version, String path) {
	}

	/** A step; {@code path} opens the map at the step. */
	record StepRef(ProcessId process, String processName, String stepId, String name, String type, String lane,
			String path) {
	}

	/** One link of a step: the record's type, id and title, and the note that says why it helps. */
	record StepLinkRef(String type, String id, String title, String note, String path) {
	}
}
