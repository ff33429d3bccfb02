package org.tacit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacit.retention.RiskRegisterApiTests.today;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.retention.internal.HandoverService;
import org.tacit.retention.internal.Plan;
import org.tacit.retention.internal.PlanService;
import org.tacit.retention.internal.Risk;
import org.tacit.retention.internal.RiskService;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * What the module announces for later modules (risk assessed, plan created, task completed, handover
 * completed), the scores moving as time passes, and the figures its facade gives measurement.
 */
@TacitTest
@RecordApplicationEvents
class RetentionEventsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RiskService risks;

	@Autowired
	PlanService plans;

	@Autowired
	HandoverService handover;

	@Autowired
	KnowledgeRetention retention;

	TestData data;
	TestData.Org org;
	OrgId orgId;
	OrgAccess km;
	TestData.Person retiring;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		orgId = new OrgId(org.id());
		TestData.Person manager = data.member(org, "KNOWLEDGE_MANAGER");
		km = new OrgAccess(orgId, org.slug(), "Org", new PersonId(manager.id()), Role.KNOWLEDGE_MANAGER);
		retiring = data.member(org, "CONTRIBUTOR");
	}

	private Risk entry(TestData.Person person, java.time.LocalDate departure, int positionRisk) {
		return risks.create(km, new RiskService.RiskChange(person.email(), "",
				List.of(new RiskService.AreaInput("Grid balancing", List.of("grid"))), "RETIREMENT", departure.toString(), "",
				null, null, null, null, positionRisk, "", null));
	}

	// called from the test's own thread: the recorded events are this thread's

	@Test
	void assessingPlanningAndCompletingATaskAreAnnounced(ApplicationEvents events) {
		Risk risk = entry(retiring, today().plusMonths(6), 4);
		TestData.Person successor = data.member(org, "EDITOR");
		Plan plan = plans.create(km, risk.id().toString(),
				new PlanService.PlanChange(List.of(successor.email()), List.of("INTERVIEW"), null, null, null));
		Plan.Task task = plans.addTask(km, plan.id().toString(),
				new PlanService.TaskChange("Interview", "INTERVIEW", successor.email(), today().plusDays(7).toString()));
		plans.setDone(km, plan.id().toString(), task.id().toString(), true);

		PersonId person = new PersonId(retiring.id());
		assertThat(events.stream(RiskAssessed.class))
			.containsExactly(new RiskAssessed(orgId, risk.id(), person, 20, RiskBand.HIGH));
		assertThat(events.stream(TransferPlanCreated.class))
			.containsExactly(new TransferPlanCreated(orgId, plan.id(), risk.id(), person));
		assertThat(events.stream(TransferTaskCompleted.class))
			.containsExactly(new TransferTaskCompleted(orgId, plan.id(), task.id(), new PersonId(successor.id())));
	}

	@Test
	void scoresRiseAsTheDepartureComesCloser(ApplicationEvents events) {
		Risk risk = entry(retiring, today().plusMonths(13), 3);
		assertThat(risk.attritionRisk()).isEqualTo(4);
		assertThat(risk.band()).isEqualTo(RiskBand.MEDIUM);
		// as if the entry had been scored two months ago, when the same departure was 13 months away
		jdbc.sql("UPDATE retention_risk SET departure_date = ?, computed_on = ? WHERE id = ?")
			.params(today().plusMonths(11), today().minusMonths(2), risk.id().value())
			.update();

		risks.refreshDue();

		Risk later = risks.get(km, risk.id().toString());
		assertThat(later.attritionRisk()).isEqualTo(5);
		assertThat(later.total()).isEqualTo(15);
		assertThat(later.band()).isEqualTo(RiskBand.HIGH);
		assertThat(events.stream(RiskAssessed.class)).contains(
				new RiskAssessed(orgId, risk.id(), new PersonId(retiring.id()), 15, RiskBand.HIGH));
		// scored today: a second refresh changes nothing and announces nothing
		long announced = events.stream(RiskAssessed.class).count();
		risks.refreshDue();
		assertThat(events.stream(RiskAssessed.class).count()).isEqualTo(announced);
	}

	@Test
	void aHandoverIsAnnouncedWithHowManyThingsMoved(ApplicationEvents events) {
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		library.draft(retiring, "OPS", "ARTICLE", "Grid notes", "g", List.of());
		TestData.Person successor = data.member(org, "EDITOR");

		HandoverService.Result result = handover.handOver(km, retiring.email(), successor.email());

		assertThat(result.count()).isEqualTo(1);
		assertThat(result.sections()).containsEntry("handover.library", 1);
		assertThat(events.stream(HandoverCompleted.class)).containsExactly(
				new HandoverCompleted(orgId, new PersonId(retiring.id()), new PersonId(successor.id()), 1));
	}

	@Test
	void theFacadeGivesMeasurementTheRetentionFigures() {
		KnowledgeRetention.RetentionFigures none = retention.figures(orgId);
		assertThat(none.openRisks()).isZero();
		assertThat(none.coverage()).isNull();

		Risk high = entry(retiring, today().plusMonths(6), 5);
		entry(data.member(org, "EDITOR"), today().plusMonths(8), 4);
		entry(data.member(org, "EDITOR"), today().plusMonths(30), 1);
		plans.create(km, high.id().toString(), new PlanService.PlanChange(List.of(), List.of("DOCUMENTATION"), null, null, null));

		KnowledgeRetention.RetentionFigures figures = retention.figures(orgId);
		assertThat(figures.openRisks()).isEqualTo(3);
		assertThat(figures.highRisks()).isEqualTo(2);
		assertThat(figures.highRisksWithPlan()).isEqualTo(1);
		assertThat(figures.coverage()).isEqualTo(0.5);
		assertThat(figures.activePlans()).isEqualTo(1);
		assertThat(figures.plansBehindSchedule()).isZero();
		assertThat(figures.heatMap()[4][4]).isEqualTo(1);
		assertThat(figures.heatMap()[4][3]).isEqualTo(1);
		assertThat(figures.heatMap()[2][0]).isEqualTo(1);
		assertThat(retention.figures(new OrgId(UUID.randomUUID())).openRisks()).isZero();
	}
}
