package org.tacit.distribution.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tacit.distribution.internal.Announcements;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.WorkSource;
import org.tacit.shared.Paging;

/** "My work": the announcements the person still must acknowledge. */
@Component
@Order(80)
class DistributionWork implements WorkSource {

	private final Announcements announcements;

	DistributionWork(Announcements announcements) {
		this.announcements = announcements;
	}

	@Override
	public List<WorkItem> workFor(OrgAccess access, int limit) {
		return announcements.list(access, true, new Paging(0, Math.max(1, Math.min(limit, Paging.MAX_SIZE))))
			.items()
			.stream()
			.map(a -> WorkItem.of("mywork.distribution.acknowledge", a.title(), "announcements/" + a.id(), null))
			.toList();
	}
}
