package org.tacit.retention.web;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.WorkSource;
import org.tacit.retention.internal.PlanService;
import org.tacit.retention.internal.RetentionOverview;
import org.tacit.retention.internal.RiskAccess;
import org.tacit.retention.internal.RiskService;

/**
 * The module's part of "My work": transfer-plan tasks for their owner, soonest due first; and, for
 * knowledge managers and administrators, high risks that have no plan yet.
 */
@Component
@Order(60)
class RetentionWork implements WorkSource {

	private final PlanService plans;
	private final RiskService risks;
	private final RiskAccess access;
	private final RetentionOverview overview;

	RetentionWork(PlanService plans, RiskService risks, RiskAccess access, RetentionOverview overview) {
		this.plans = plans;
		this.risks = risks;
		this.access = access;
		this.overview = overview;
	}

	@Override
	public List<WorkItem> workFor(OrgAccess caller, int limit) {
		List<WorkItem> work = new ArrayList<>();
		plans.openTasksOf(caller.orgId(), caller.personId(), limit)
			.forEach(task -> work.add(new WorkItem("mywork.retention.tasks", task.title(), "plans/" + task.plan(),
					task.dueDate().atStartOfDay().toInstant(ZoneOffset.UTC), null, null)));
		if (access.seesAll(caller)) {
			overview.unplannedHighRisks(caller.orgId(), limit)
				.forEach(id -> risks.find(caller.orgId(), id)
					.ifPresent(risk -> work.add(new WorkItem("mywork.retention.unplanned", risk.subject(),
							"risks/" + risk.id(), risk.departure().date() == null ? null
									: risk.departure().date().atStartOfDay().toInstant(ZoneOffset.UTC),
							"mywork.retention.total", String.valueOf(risk.total())))));
		}
		return work;
	}
}
