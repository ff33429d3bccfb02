package org.tacit.training.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.WorkSource;
import org.tacit.training.internal.Assignment;
import org.tacit.training.internal.AssignmentService;

/**
 * The module's part of "My work": the person's open training, soonest due first (overdue first of all),
 * and for a manager the overdue training of their reports.
 */
@Component
@Order(95)
class TrainingWork implements WorkSource {

	private final AssignmentService assignments;
	private final Organizations organizations;

	TrainingWork(AssignmentService assignments, Organizations organizations) {
		this.assignments = assignments;
		this.organizations = organizations;
	}

	private static Instant dueAt(Assignment a) {
		return a.due().atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	@Override
	public List<WorkItem> workFor(OrgAccess caller, int limit) {
		List<WorkItem> work = new ArrayList<>();
		assignments.open(caller.orgId(), List.of(caller.personId()), false, limit)
			.forEach(a -> work.add(WorkItem.of("mywork.training.mine", a.courseTitle(), "training/assignments/" + a.id(), dueAt(a))));
		List<PersonId> reports = organizations.reportsOf(caller.orgId(), caller.personId());
		List<Assignment> overdue = assignments.open(caller.orgId(), reports, true, limit);
		Map<PersonId, String> names = organizations.names(overdue.stream().map(Assignment::person).toList());
		overdue.forEach(a -> work.add(new WorkItem("mywork.training.team", a.courseTitle(), "training/assignments/" + a.id(),
				dueAt(a), "mywork.training.for", names.getOrDefault(a.person(), ""))));
		return work;
	}
}
