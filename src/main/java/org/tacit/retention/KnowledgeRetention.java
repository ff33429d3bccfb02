package org.tacit.retention;

import java.time.LocalDate;
import java.util.List;

import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * Knowledge retention as other modules use it: the retention figures of an organization (for
 * measurement) and the people who know about a topic (for process steps, questions without answers).
 */
public interface KnowledgeRetention {

	/** The most experts one call returns. */
	int MAX_EXPERTS = 50;

	/** The organization's retention figures today, over its open risk entries. */
	RetentionFigures figures(OrgId org);

	/**
	 * Active members who know about a topic, best first, ranked by declared and derived expertise.
	 *
	 * @param limit 1 to {@link #MAX_EXPERTS}
	 */
	List<Expert> experts(OrgAccess caller, String topic, int limit);

	/** Every done task of the organization's transfer plans, oldest first, for a contribution ledger. */
	List<DoneTask> doneTasks(OrgId org);

	/** A transfer-plan task that was done; {@code owner} is the person it was assigned to. */
	record DoneTask(PlanId plan, TaskId task, PersonId owner, java.time.Instant doneAt) {
	}

	/**
	 * How well an organization keeps the knowledge it is at risk of losing.
	 *
	 * @param openRisks open entries of the risk register
	 * @param highRisks those in the high band
	 * @param highRisksWithPlan high risks with a transfer plan in progress or completed
	 * @param coverage {@code highRisksWithPlan / highRisks}, from 0 to 1; null when there is no high risk
	 * @param activePlans transfer plans in progress
	 * @param plansBehindSchedule plans in progress with a task or the plan itself past its due date
	 * @param heatMap open entries by attrition risk (first index, 0 for 1) and position risk (second index)
	 */
	record RetentionFigures(LocalDate asOf, int openRisks, int highRisks, int highRisksWithPlan, Double coverage,
			int activePlans, int plansBehindSchedule, int[][] heatMap) {
	}

	/**
	 * Someone who knows about a topic.
	 *
	 * @param score declared and derived expertise together (see docs/retention.md)
	 * @param path their profile page, below the organization's root
	 */
	record Expert(PersonId person, String name, double score, String path) {
	}
}
