package org.tacit.competencies.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tacit.competencies.internal.Assessment;
import org.tacit.competencies.internal.AssessmentService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.WorkSource;

/**
 * The module's part of "My work": the person's assessments waiting for their self-assessment, and their
 * reports' assessments waiting for the manager (to rate, or to sign off), soonest closing cycle first.
 */
@Component
@Order(90)
class CompetenciesWork implements WorkSource {

	private final AssessmentService assessments;

	CompetenciesWork(AssessmentService assessments) {
		this.assessments = assessments;
	}

	@Override
	public List<WorkItem> workFor(OrgAccess caller, int limit) {
		List<WorkItem> work = new ArrayList<>();
		for (Assessment a : assessments.waitingForSelf(caller, limit)) {
			work.add(new WorkItem("mywork.competencies.self", a.cycle().name(), "competencies/assessments/" + a.id(),
					a.cycle().to(), null, null));
		}
		for (Assessment a : assessments.waitingForManager(caller, limit)) {
			work.add(new WorkItem("mywork.competencies.manager", a.personName(), "competencies/assessments/" + a.id(),
					a.cycle().to(), "mywork.competencies.status." + a.status().name(), a.cycle().name()));
		}
		return work;
	}
}
