package org.tacit.processes.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.processes.ProcessId;
import org.tacit.shared.RecordLookup;
import org.tacit.shared.RecordRef;

/**
 * Processes and their steps as other modules link to them: type {@code process} (id: the process id)
 * and {@code process-step} (id: {@code <processId>/<stepId>}, a step of the current version; its path
 * opens the map at the step). A lesson embedded in a process step is such a link.
 */
@Component
class ProcessRecords implements RecordLookup {

	static final String PROCESS = "process";
	static final String STEP = "process-step";

	private final ProcessService processes;
	private final Organizations organizations;

	ProcessRecords(ProcessService processes, Organizations organizations) {
		this.processes = processes;
		this.organizations = organizations;
	}

	@Override
	public Set<String> types() {
		return Set.of(PROCESS, STEP);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<RecordRef> find(UUID org, String type, String id, UUID viewer) {
		String processPart = type.equals(STEP) && id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
		ProcessId processId;
		try {
			processId = new ProcessId(UUID.fromString(processPart));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		Optional<ProcessView> process;
		if (viewer == null) {
			process = processes.anyOf(new OrgId(org), processId);
		}
		else {
			Optional<OrgAccess> access = organizations.memberAccess(new OrgId(org), new PersonId(viewer));
			process = access.flatMap(a -> processes.find(a, processId));
		}
		if (process.isEmpty()) {
			return Optional.empty();
		}
		ProcessView p = process.get();
		if (type.equals(PROCESS)) {
			return Optional.of(new RecordRef(PROCESS, p.id().toString(), p.name(), ProcessPaths.process(p.id())));
		}
		if (!id.contains("/")) {
			return Optional.empty();
		}
		String stepId = id.substring(id.indexOf('/') + 1);
		return processes.stepsOf(p.id(), p.version())
			.stream()
			.filter(s -> s.id().equals(stepId))
			.findFirst()
			.map(s -> new RecordRef(STEP, p.id() + "/" + s.id(), s.label() + " — " + p.name(),
					ProcessPaths.step(p.id(), s.id())));
	}
}
