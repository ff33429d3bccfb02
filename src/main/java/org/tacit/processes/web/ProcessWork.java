package org.tacit.processes.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.WorkSource;
import org.tacit.processes.internal.LinkService;
import org.tacit.processes.internal.ProcessPaths;
import org.tacit.processes.internal.ProcessService;
import org.tacit.processes.internal.ProcessView;
import org.tacit.shared.Paging;

/** The process maps' part of "My work": processes a person owns whose new version left links without a step. */
@Component
@Order(50)
class ProcessWork implements WorkSource {

	private final ProcessService processes;
	private final LinkService links;

	ProcessWork(ProcessService processes, LinkService links) {
		this.processes = processes;
		this.links = links;
	}

	@Override
	public List<WorkItem> workFor(OrgAccess access, int limit) {
		List<WorkItem> work = new ArrayList<>();
		for (ProcessView p : processes.ownedWithOrphans(access, new Paging(0, Math.min(limit, Paging.MAX_SIZE)))) {
			int orphans = links.orphans(access, p.id()).size();
			work.add(new WorkItem("mywork.processes.orphans", p.name(), ProcessPaths.process(p.id()) + "#orphans", null,
					"mywork.processes.orphans.count", String.valueOf(orphans)));
		}
		return work;
	}
}
