package org.tacit.processes.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.processes.ProcessId;
import org.tacit.processes.ProcessMaps;
import org.tacit.shared.ProblemException;

/** {@link ProcessMaps} for other modules, with the caller's permissions. */
@Component
class ProcessFacade implements ProcessMaps {

	private final ProcessService processes;
	private final LinkService links;

	ProcessFacade(ProcessService processes, LinkService links) {
		this.processes = processes;
		this.links = links;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ProcessRef> process(OrgAccess caller, ProcessId id) {
		return processes.find(caller, id)
			.map(p -> new ProcessRef(p.id(), p.name(), p.status(), p.version(), ProcessPaths.process(p.id())));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<StepRef> step(OrgAccess caller, ProcessId id, String stepId) {
		return processes.find(caller, id)
			.flatMap(p -> processes.steps(caller, id, 0).stream()
				.filter(s -> s.id().equals(stepId))
				.findFirst()
				.map(s -> new StepRef(id, p.name(), s.id(), s.label(), s.type(), s.lane(), ProcessPaths.step(id, s.id()))));
	}

	@Override
	@Transactional(readOnly = true)
	public List<StepLinkRef> links(OrgAccess caller, ProcessId id, String stepId) {
		try {
			return links.stepLinks(caller, id, stepId, true)
				.stream()
				.filter(LinkView::available)
				.map(l -> new StepLinkRef(l.type(), l.targetId(), l.title(), l.note(), l.path()))
				.toList();
		}
		catch (ProblemException e) {
			return List.of();
		}
	}
}
