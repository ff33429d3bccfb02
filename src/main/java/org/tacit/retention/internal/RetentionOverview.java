package org.tacit.retention.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.retention.KnowledgeRetention;
import org.tacit.retention.PlanId;
import org.tacit.retention.RiskBand;
import org.tacit.retention.RiskId;
import org.tacit.retention.TaskId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/**
 * The overview of the register and the module's facade: a heat map of open entries (attrition ×
 * position), high risks without a plan, plans behind schedule, and coverage (the share of high risks
 * with a plan in progress or completed).
 */
@Service
public class RetentionOverview implements KnowledgeRetention {

	/** Entries and plans listed on the overview page. */
	static final int LISTED = 20;

	private final JdbcClient jdbc;
	private final RiskService risks;
	private final RiskAccess access;
	private final PlanService plans;
	private final ExpertFinder finder;

	RetentionOverview(JdbcClient jdbc, RiskService risks, RiskAccess access, PlanService plans, ExpertFinder finder) {
		this.jdbc = jdbc;
		this.risks = risks;
		this.access = access;
		this.plans = plans;
		this.finder = finder;
	}

	/** The page's contents; {@code method} gives each heat map cell its band. */
	public record Overview(RetentionFigures figures, RiskMethod method, RiskBand[][] bands, List<Risk> unplanned,
			List<Plan> behindSchedule) {
	}

	/** The overview, for knowledge managers and administrators. */
	@Transactional
	public Overview overview(OrgAccess caller) {
		if (!access.seesAll(caller)) {
			throw ProblemException.forbidden();
		}
		risks.refresh(caller.orgId());
		RiskMethod method = risks.method(caller.orgId());
		Page<Risk> unplanned = risks.list(caller,
				new RiskService.Filter(RiskBand.HIGH, Risk.Status.OPEN, null, false, null, RiskService.Sort.TOTAL, true),
				new Paging(0, LISTED));
		List<Plan> behind = behindSchedule(caller.orgId()).stream()
			.map(id -> plans.find(caller.orgId(), id).orElseThrow())
			.toList();
		return new Overview(figures(caller.orgId()), method, method.bands(), unplanned.items(), behind);
	}

	@Override
	@Transactional(readOnly = true)
	public RetentionFigures figures(OrgId org) {
		LocalDate today = risks.today();
		int[][] heat = new int[5][5];
		int[] open = { 0 };
		jdbc.sql("""
				SELECT attrition_risk, position_risk, COUNT(*) AS n FROM retention_risk
				WHERE org_id = ? AND status = 'OPEN' GROUP BY attrition_risk, position_risk""")
			.param(org.value())
			.query((rs, n) -> {
				heat[rs.getInt("attrition_risk") - 1][rs.getInt("position_risk") - 1] = rs.getInt("n");
				open[0] += rs.getInt("n");
				return null;
			})
			.list();
		int high = count("SELECT COUNT(*) FROM retention_risk r WHERE r.org_id = ? AND r.status = 'OPEN' AND r.band = 'HIGH'", org);
		int covered = count("SELECT COUNT(*) FROM retention_risk r WHERE r.org_id = ? AND r.status = 'OPEN' AND r.band = 'HIGH' AND "
				+ RiskService.COVERED, org);
		int active = count("SELECT COUNT(*) FROM retention_plan WHERE org_id = ? AND status = 'ACTIVE'", org);
		return new RetentionFigures(today, open[0], high, covered, high == 0 ? null : (double) covered / high, active,
				behindSchedule(org).size(), heat);
	}

	private int count(String sql, OrgId org) {
		return jdbc.sql(sql).param(org.value()).query(Integer.class).single();
	}

	private List<PlanId> behindSchedule(OrgId org) {
		LocalDate today = risks.today();
		return jdbc.sql("""
				SELECT p.id FROM retention_plan p
				WHERE p.org_id = ? AND p.status = 'ACTIVE' AND (p.due_date < ? OR EXISTS (
				  SELECT 1 FROM retention_task t WHERE t.plan_id = p.id AND t.done_at IS NULL AND t.due_date < ?))
				ORDER BY p.created_at""")
			.params(org.value(), today, today)
			.query((rs, n) -> new PlanId(Sql.uuid(rs, "id")))
			.list();
	}

	/** High risks without a plan, for a knowledge manager's "My work". */
	@Transactional(readOnly = true)
	public List<RiskId> unplannedHighRisks(OrgId org, int limit) {
		return jdbc.sql("SELECT r.id FROM retention_risk r WHERE r.org_id = ? AND r.status = 'OPEN' AND r.band = 'HIGH' AND NOT "
				+ RiskService.COVERED + " ORDER BY r.total DESC, r.id LIMIT ?")
			.params(org.value(), limit)
			.query((rs, n) -> new RiskId(Sql.uuid(rs, "id")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Expert> experts(OrgAccess caller, String topic, int limit) {
		if (limit < 1 || limit > MAX_EXPERTS) {
			throw ProblemException.invalid("limit", "retention.experts.limit", MAX_EXPERTS);
		}
		return finder.find(caller, Topic.of("topic", topic), new Paging(0, limit))
			.items()
			.stream()
			.map(e -> new Expert(e.person(), e.name(), e.score(), "people/" + e.person()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<DoneTask> doneTasks(OrgId org) {
		return jdbc.sql("""
				SELECT plan_id, id, owner_id, done_at FROM retention_task WHERE org_id = ? AND done_at IS NOT NULL
				ORDER BY done_at, id""")
			.param(org.value())
			.query((rs, n) -> new DoneTask(new PlanId(Sql.uuid(rs, "plan_id")), new TaskId(Sql.uuid(rs, "id")),
					new PersonId(Sql.uuid(rs, "owner_id")), Sql.instant(rs, "done_at")))
			.list();
	}
}
