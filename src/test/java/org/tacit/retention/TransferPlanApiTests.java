package org.tacit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tacit.retention.RiskRegisterApiTests.risk;
import static org.tacit.retention.RiskRegisterApiTests.today;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Knowledge transfer plans through the REST API: successors and methods, tasks with owners and due
 * dates, captured and linked outputs, the overview's coverage, and the handover when a person leaves.
 */
@TacitTest
class TransferPlanApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData data;
	TestData.Org org;
	TestData.Person km;
	TestData.Person retiring;
	TestData.Person successor;
	LibraryFixture library;
	Http api;
	String base;
	String risk;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		km = data.member(org, "KNOWLEDGE_MANAGER");
		retiring = data.member(org, "CONTRIBUTOR");
		successor = data.member(org, "CONTRIBUTOR");
		library = new LibraryFixture(port, org);
		library.space("OPS");
		api = Http.api(port, km.token());
		base = "/api/v1/orgs/" + org.slug();
		risk = api.post(base + "/risks", risk(retiring, today().plusMonths(6), 4)).json().get("id").asString();
	}

	private JsonNode plan() {
		Http.Response created = api.post(base + "/risks/" + risk + "/plans",
				Map.of("successors", List.of(successor.email()), "methods", List.of("INTERVIEW", "mentoring")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	private Http.Response task(Http as, String plan, String title, TestData.Person owner, Object dueDate) {
		return as.post(base + "/plans/" + plan + "/tasks", Map.of("title", title, "method", "INTERVIEW", "owner",
				owner.email(), "dueDate", dueDate.toString()));
	}

	@Test
	void aPlanHasSuccessorsMethodsAndTasksWithOwnersAndDueDates() {
		JsonNode plan = plan();
		String id = plan.get("id").asString();

		assertThat(plan.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(plan.get("methods").get(1).asString()).isEqualTo("MENTORING");
		assertThat(plan.get("successors").get(0).get("id").asString()).isEqualTo(successor.id().toString());
		assertThat(plan.get("risk").asString()).isEqualTo(risk);
		assertThat(api.get(base + "/risks/" + risk).json().get("plan").get("id").asString()).isEqualTo(id);
		// one plan in progress at a time
		assertThat(api.post(base + "/risks/" + risk + "/plans", Map.of("methods", List.of("SHADOWING"))).status())
			.isEqualTo(409);

		Http.Response interview = task(api, id, "Structured interview on turbine overhaul", retiring, today().plusDays(14));
		assertThat(interview.status()).isEqualTo(201);
		assertThat(interview.json().get("owner").get("id").asString()).isEqualTo(retiring.id().toString());
		assertThat(interview.json().get("done").asBoolean()).isFalse();
		String taskId = interview.json().get("id").asString();

		// the task's owner sees the plan (without the entry) and marks their task done
		Http owner = Http.api(port, retiring.token());
		assertThat(owner.get(base + "/plans/" + id).status()).isEqualTo(200);
		Http.Response done = owner.patch(base + "/plans/" + id + "/tasks/" + taskId, Map.of("done", true));
		assertThat(done.json().get("done").asBoolean()).isTrue();
		assertThat(done.json().get("doneAt").isNull()).isFalse();
		// the successor sees the plan and its knowledge areas, not the entry's scores
		Http heir = Http.api(port, successor.token());
		assertThat(heir.get(base + "/plans/" + id).json().get("knowledgeAreas").get(0).get("description").asString())
			.isEqualTo("Overhaul of the steam turbines");
		assertThat(heir.get(base + "/risks/" + risk).status()).isEqualTo(404);
		assertThat(heir.patch(base + "/plans/" + id + "/tasks/" + taskId, Map.of("done", false)).status()).isEqualTo(403);
		assertThat(task(heir, id, "Another", successor, today().plusDays(3)).status()).isEqualTo(403);
		TestData.Person stranger = data.member(org, "EDITOR");
		assertThat(Http.api(port, stranger.token()).get(base + "/plans/" + id).status()).isEqualTo(404);

		Http.Response completed = api.patch(base + "/plans/" + id, Map.of("status", "COMPLETED"));
		assertThat(completed.json().get("status").asString()).isEqualTo("COMPLETED");
		assertThat(task(api, id, "Late task", retiring, today().plusDays(3)).status()).isEqualTo(409);
	}

	@Test
	void badPlansAndTasksAreRefusedAndWriteNothing() {
		Http.Response noMethod = api.post(base + "/risks/" + risk + "/plans", Map.of("successors", List.of(successor.email())));
		Http.Response unknownMethod = api.post(base + "/risks/" + risk + "/plans", Map.of("methods", List.of("TELEPATHY")));
		Http.Response selfSuccessor = api.post(base + "/risks/" + risk + "/plans",
				Map.of("methods", List.of("INTERVIEW"), "successors", List.of(retiring.email())));
		Http.Response outsider = api.post(base + "/risks/" + risk + "/plans",
				Map.of("methods", List.of("INTERVIEW"), "successors", List.of(data.member(data.org(), "EDITOR").email())));
		Http.Response pastDue = api.post(base + "/risks/" + risk + "/plans",
				Map.of("methods", List.of("INTERVIEW"), "dueDate", today().minusDays(1).toString()));

		assertThat(List.of(noMethod, unknownMethod, selfSuccessor, outsider, pastDue))
			.extracting(r -> r.json().get("errors").get(0).get("field").asString())
			.containsExactly("methods", "methods", "successors", "successors", "dueDate");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM retention_plan WHERE org_id = ?").param(org.id()).query(Long.class)
			.single()).isZero();

		String id = plan().get("id").asString();
		assertThat(task(api, id, "Past", retiring, today().minusDays(2)).json().get("errors").get(0).get("field").asString())
			.isEqualTo("dueDate");
		assertThat(api.post(base + "/plans/" + id + "/tasks", Map.of("title", "No owner", "dueDate", today().toString()))
			.json().get("errors").get(0).get("field").asString()).isEqualTo("owner");
		assertThat(api.post(base + "/plans/" + id + "/tasks", Map.of("owner", retiring.email(), "dueDate", "soon"))
			.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
		assertThat(api.post(base + "/plans/" + id + "/tasks",
				Map.of("title", "x", "owner", retiring.email(), "dueDate", "1st of May")).json().get("errors").get(0)
			.get("field").asString()).isEqualTo("dueDate");
		assertThat(api.get(base + "/plans/" + id).json().get("tasks").isEmpty()).isTrue();
		assertThat(api.post(base + "/risks/" + java.util.UUID.randomUUID() + "/plans", Map.of("methods", List.of("INTERVIEW")))
			.status()).isEqualTo(404);
	}

	@Test
	void interviewNotesAreCapturedAsAnItemAndOtherItemsLinkedWithinTheOrganization() {
		String id = plan().get("id").asString();
		String existing = library.published("OPS", "CHECKLIST", "Turbine overhaul checklist", "- a", "turbines")
			.get("id").asString();
		LibraryFixture elsewhere = new LibraryFixture(port, data.org());
		String foreign = elsewhere.published(elsewhere.space("ELSE"), "ARTICLE", "Foreign", "x").get("id").asString();

		Http.Response captured = api.post(base + "/plans/" + id + "/outputs", Map.of("space", "OPS", "title",
				"Interview notes: turbine overhaul", "body", "## What I learned\n\nAlways check the seals.", "tags",
				List.of("turbines")));
		assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
		assertThat(captured.json().get("type").asString()).isEqualTo("item");
		String item = captured.json().get("recordId").asString();
		JsonNode draft = api.get(base + "/items/" + item).json();
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("body").asString()).contains("Always check the seals.");
		assertThat(captured.json().get("path").asString()).isEqualTo("items/" + item);

		assertThat(api.post(base + "/plans/" + id + "/outputs", Map.of("type", "item", "id", existing)).status())
			.isEqualTo(201);
		assertThat(api.post(base + "/plans/" + id + "/outputs", Map.of("type", "item", "id", existing)).status())
			.isEqualTo(409);
		Http.Response crossOrg = api.post(base + "/plans/" + id + "/outputs", Map.of("type", "item", "id", foreign));
		assertThat(crossOrg.status()).isEqualTo(400);
		assertThat(crossOrg.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
		assertThat(api.post(base + "/plans/" + id + "/outputs", Map.of("type", "process", "id", existing)).json()
			.get("errors").get(0).get("field").asString()).isEqualTo("type");
		assertThat(api.post(base + "/plans/" + id + "/outputs", Map.of("space", "NOPE", "title", "x")).json()
			.get("errors").get(0).get("field").asString()).isEqualTo("space");

		JsonNode outputs = api.get(base + "/plans/" + id).json().get("outputs");
		assertThat(outputs.findValuesAsString("title")).containsExactly("Interview notes: turbine overhaul",
				"Turbine overhaul checklist");
		String link = outputs.get(1).get("id").asString();
		assertThat(api.delete(base + "/plans/" + id + "/outputs/" + link).status()).isEqualTo(204);
		assertThat(api.get(base + "/plans/" + id).json().get("outputs")).hasSize(1);
		assertThat(api.get(base + "/items/" + existing).status()).isEqualTo(200);
	}

	@Test
	void theOverviewCountsHighRisksWithAndWithoutAPlan() {
		api.post(base + "/risks", risk(data.member(org, "EDITOR"), today().plusMonths(40), 1));
		JsonNode before = api.get(base + "/retention/overview").json();
		assertThat(before.get("openRisks").asInt()).isEqualTo(2);
		assertThat(before.get("highRisks").asInt()).isEqualTo(1);
		assertThat(before.get("coverage").asDouble()).isZero();
		assertThat(before.get("heatMap").get(4).get(3).asInt()).isEqualTo(1);
		assertThat(before.get("heatMap").get(1).get(0).asInt()).isEqualTo(1);
		assertThat(before.get("highRisksWithoutPlan").get(0).get("id").asString()).isEqualTo(risk);

		String id = plan().get("id").asString();
		task(api, id, "Shadow a shift", successor, today());
		jdbc.sql("UPDATE retention_task SET due_date = ? WHERE plan_id = ?").params(today().minusDays(2),
				java.util.UUID.fromString(id)).update();
		JsonNode after = api.get(base + "/retention/overview").json();
		assertThat(after.get("coverage").asDouble()).isEqualTo(1.0);
		assertThat(after.get("highRisksWithoutPlan")).isEmpty();
		assertThat(after.get("plansBehindSchedule").asInt()).isEqualTo(1);
		assertThat(after.get("behindSchedule").get(0).get("id").asString()).isEqualTo(id);
		assertThat(Http.api(port, successor.token()).get(base + "/retention/overview").status()).isEqualTo(403);
	}

	@Test
	void aLeaversItemsAreListedAndHandedOverInOneStep() {
		library.publish(org.admin(), library.draft(retiring, "OPS", "ARTICLE", "Seal replacement", "s", List.of())
			.get("id").asString());
		library.draft(retiring, "OPS", "TEMPLATE", "Overhaul report", "r", List.of());

		JsonNode held = api.get(base + "/people/" + retiring.email() + "/handover").json();
		assertThat(held.get("count").asInt()).isEqualTo(2);
		assertThat(held.get("sections").get(0).get("key").asString()).isEqualTo("handover.library");
		assertThat(held.get("sections").get(0).get("items").findValuesAsString("title"))
			.containsExactly("Overhaul report", "Seal replacement");
		assertThat(Http.api(port, retiring.token()).get(base + "/people/" + retiring.id() + "/handover").status())
			.isEqualTo(200);
		assertThat(Http.api(port, successor.token()).get(base + "/people/" + retiring.id() + "/handover").status())
			.isEqualTo(403);

		Http.Response refused = api.post(base + "/people/" + retiring.id() + "/handover", Map.of("to", "nobody@example.org"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(api.post(base + "/people/" + retiring.id() + "/handover", Map.of("to", retiring.email())).status())
			.isEqualTo(400);
		assertThat(Http.api(port, retiring.token()).post(base + "/people/" + retiring.id() + "/handover",
				Map.of("to", successor.email())).status()).isEqualTo(403);
		assertThat(api.get(base + "/people/" + retiring.id() + "/handover").json().get("count").asInt()).isEqualTo(2);

		Http.Response handed = api.post(base + "/people/" + retiring.id() + "/handover", Map.of("to", successor.email()));
		assertThat(handed.status()).isEqualTo(200);
		assertThat(handed.json().get("count").asInt()).isEqualTo(2);
		assertThat(handed.json().get("to").get("id").asString()).isEqualTo(successor.id().toString());
		assertThat(api.get(base + "/people/" + retiring.id() + "/handover").json().get("count").asInt()).isZero();
		assertThat(api.get(base + "/people/" + successor.id() + "/handover").json().get("count").asInt()).isEqualTo(2);
	}
}
