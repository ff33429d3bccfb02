package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** Runs of checklists through the REST API: steps fixed at the start, who ticked what, finishing. */
@TacitTest
class ChecklistRunApiTests {

	static final String CHECKLIST = """
			## Before the shift

			- [ ] Read the log
			  - especially the open alarms
			- [x] Check the radio

			## After the shift

			1. Write the handover note
			""";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData data;
	TestData.Org org;
	Http admin;
	TestData.Person contributor;
	TestData.Person editor;
	TestData.Person viewer;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		admin = Http.api(port, org.admin().token());
		contributor = data.member(org, "CONTRIBUTOR");
		editor = data.member(org, "EDITOR");
		viewer = data.member(org, "VIEWER");
		base = "/api/v1/orgs/" + org.slug();
		assertThat(admin.post(base + "/spaces", Map.of("key", "OPS", "name", "Operations")).status()).isEqualTo(201);
	}

	private Http as(TestData.Person person) {
		return Http.api(port, person.token());
	}

	private String item(String kind, String body) {
		Http.Response created = as(contributor).post(base + "/items",
				Map.of("space", "OPS", "kind", kind, "title", "Shift " + kind, "body", body));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String published(String kind, String body) {
		String id = item(kind, body);
		as(editor).post(base + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW"));
		assertThat(as(editor).post(base + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED")).status())
			.isEqualTo(200);
		return id;
	}

	private long runRows() {
		return jdbc.sql("SELECT COUNT(*) FROM library_run r JOIN library_item i ON i.id = r.item_id WHERE i.org_id = ?")
			.param(org.id())
			.query(Long.class)
			.single();
	}

	@Test
	void aRunTickedByTwoPeopleRecordsWhoDidWhat() {
		String id = published("CHECKLIST", CHECKLIST);
		String runs = base + "/items/" + id + "/runs";

		Http.Response started = as(viewer).post(runs, Map.of("title", "Night shift 24 Nov"));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		JsonNode run = started.json();
		String run1 = runs + "/" + run.get("id").asString();
		assertThat(started.location()).endsWith(run1);
		assertThat(run.get("title").asString()).isEqualTo("Night shift 24 Nov");
		assertThat(run.get("startedBy").get("id").asString()).isEqualTo(viewer.id().toString());
		assertThat(run.get("steps").findValuesAsString("text")).containsExactly("Read the log", "Check the radio",
				"Write the handover note");
		assertThat(run.get("steps").findValuesAsString("section")).containsExactly("Before the shift",
				"Before the shift", "After the shift");
		assertThat(run.get("steps").get(1).get("done").asBoolean()).as("a ticked box in the Markdown is not a tick")
			.isFalse();

		as(viewer).put(run1 + "/steps/1", Map.of("done", true));
		as(editor).put(run1 + "/steps/3", Map.of("done", true, "note", "Left it on the desk"));
		as(editor).put(run1 + "/steps/1", Map.of("done", true));
		JsonNode ticked = as(contributor).get(run1).json();

		JsonNode steps = ticked.get("steps");
		assertThat(steps.get(0).get("doneBy").get("id").asString()).as("ticking again keeps who ticked first")
			.isEqualTo(viewer.id().toString());
		assertThat(steps.get(0).get("doneAt").isNull()).isFalse();
		assertThat(steps.get(1).get("done").asBoolean()).isFalse();
		assertThat(steps.get(1).get("doneBy").isNull()).isTrue();
		assertThat(steps.get(2).get("doneBy").get("id").asString()).isEqualTo(editor.id().toString());
		assertThat(steps.get(2).get("note").asString()).isEqualTo("Left it on the desk");
		assertThat(steps.get(2).get("noteBy").get("id").asString()).isEqualTo(editor.id().toString());
		assertThat(ticked.get("done").asInt()).isEqualTo(2);
		assertThat(ticked.get("total").asInt()).isEqualTo(3);

		JsonNode unticked = as(contributor).put(run1 + "/steps/1", Map.of("done", false)).json();
		assertThat(unticked.get("steps").get(0).get("done").asBoolean()).isFalse();
		assertThat(unticked.get("steps").get(0).get("doneBy").isNull()).isTrue();
		assertThat(unticked.get("steps").get(2).get("note").asString()).as("a field left out stays")
			.isEqualTo("Left it on the desk");

		JsonNode audit = admin.get(base + "/audit?action=run.step-ticked").json();
		assertThat(audit.get("totalItems").asInt()).isEqualTo(2);
		assertThat(audit.get("items").findValuesAsString("actor")).containsExactlyInAnyOrder(viewer.email(),
				editor.email());
		assertThat(admin.get(base + "/audit?action=run.step-unticked").json().get("totalItems").asInt()).isEqualTo(1);
	}

	@Test
	void aFinishedRunIsReadOnly() {
		String id = published("CHECKLIST", CHECKLIST);
		String run = base + "/items/" + id + "/runs/" + as(viewer).post(base + "/items/" + id + "/runs", Map.of())
			.json()
			.get("id")
			.asString();
		as(viewer).put(run + "/steps/2", Map.of("done", true));

		JsonNode finished = as(contributor).post(run + "/finish", Map.of("note", "Quiet night")).json();

		assertThat(finished.get("finished").asBoolean()).isTrue();
		assertThat(finished.get("finishedBy").get("id").asString()).isEqualTo(contributor.id().toString());
		assertThat(finished.get("note").asString()).isEqualTo("Quiet night");
		assertThat(as(viewer).put(run + "/steps/1", Map.of("done", true)).status()).isEqualTo(409);
		assertThat(as(viewer).put(run + "/steps/2", Map.of("note", "late")).status()).isEqualTo(409);
		assertThat(as(viewer).post(run + "/finish", Map.of()).status()).isEqualTo(409);
		JsonNode after = as(viewer).get(run).json();
		assertThat(after.get("steps").get(0).get("done").asBoolean()).isFalse();
		assertThat(after.get("steps").get(1).get("note").isNull()).isTrue();
		assertThat(after.get("note").asString()).isEqualTo("Quiet night");

		JsonNode list = as(viewer).get(base + "/items/" + id + "/runs").json();
		assertThat(list.get("totalItems").asInt()).isEqualTo(1);
		JsonNode listed = list.get("items").get(0);
		assertThat(listed.get("done").asInt()).isEqualTo(1);
		assertThat(listed.get("total").asInt()).isEqualTo(3);
		assertThat(listed.get("startedBy").get("id").asString()).isEqualTo(viewer.id().toString());
		assertThat(listed.get("finishedAt").isNull()).isFalse();
		assertThat(admin.get(base + "/audit?action=run.finished").json().get("items").get(0).get("detail").asString())
			.contains("1/3").contains("Quiet night");
	}

	@Test
	void anEditOfTheChecklistDoesNotChangeARunInProgress() {
		String id = published("CHECKLIST", CHECKLIST);
		String run = base + "/items/" + id + "/runs/" + as(viewer).post(base + "/items/" + id + "/runs", Map.of())
			.json()
			.get("id")
			.asString();

		Http.Response edited = as(contributor).put(base + "/items/" + id, Map.of("version", 1, "title", "Shift CHECKLIST",
				"body", "- Only one step now"));
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

		JsonNode kept = as(viewer).get(run).json();
		assertThat(kept.get("itemVersion").asInt()).isEqualTo(1);
		assertThat(kept.get("steps").findValuesAsString("text")).containsExactly("Read the log", "Check the radio",
				"Write the handover note");
		assertThat(as(viewer).put(run + "/steps/3", Map.of("done", true)).json().get("done").asInt()).isEqualTo(1);
		JsonNode next = as(viewer).post(base + "/items/" + id + "/runs", Map.of()).json();
		assertThat(next.get("itemVersion").asInt()).isEqualTo(2);
		assertThat(next.get("steps").findValuesAsString("text")).containsExactly("Only one step now");
	}

	@Test
	void onlyChecklistsWithStepsCanBeRun() {
		Http.Response template = as(contributor).post(base + "/items/" + published("TEMPLATE", "- a list") + "/runs",
				Map.of());
		Http.Response noSteps = as(contributor).post(base + "/items/" + published("CHECKLIST", "Only prose.") + "/runs",
				Map.of());

		assertThat(template.status()).isEqualTo(409);
		assertThat(template.json().get("detail").asString()).isEqualTo("Only checklists can be run.");
		assertThat(noSteps.status()).isEqualTo(409);
		assertThat(noSteps.json().get("detail").asString()).contains("no steps");
		assertThat(runRows()).isZero();
	}

	@Test
	void badInputIsRefusedWithTheFieldAndWritesNothing() {
		String id = published("CHECKLIST", CHECKLIST);
		String runs = base + "/items/" + id + "/runs";

		Http.Response longTitle = as(viewer).post(runs, Map.of("title", "x".repeat(201)));
		assertThat(longTitle.status()).isEqualTo(400);
		assertThat(longTitle.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
		assertThat(runRows()).isZero();

		String run = runs + "/" + as(viewer).post(runs, Map.of()).json().get("id").asString();
		Http.Response longNote = as(viewer).put(run + "/steps/1", Map.of("done", true, "note", "n".repeat(2001)));
		assertThat(longNote.status()).isEqualTo(400);
		assertThat(longNote.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
		assertThat(as(viewer).get(run).json().get("done").asInt()).as("nothing half-written").isZero();
		Map<String, Object> nothing = new HashMap<>();
		assertThat(as(viewer).put(run + "/steps/1", nothing).json().get("errors").get(0).get("field").asString())
			.isEqualTo("done");
		assertThat(as(viewer).put(run + "/steps/4", Map.of("done", true)).status()).isEqualTo(404);
		assertThat(as(viewer).put(run + "/steps/0", Map.of("done", true)).status()).isEqualTo(404);
		assertThat(as(viewer).get(runs + "/not-a-run").status()).isEqualTo(404);
		assertThat(as(viewer).get(runs + "/" + UUID.randomUUID()).status()).isEqualTo(404);
		Http.Response longFinish = as(viewer).post(run + "/finish", Map.of("note", "n".repeat(2001)));
		assertThat(longFinish.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
		assertThat(as(viewer).get(run).json().get("finished").asBoolean()).isFalse();
		assertThat(as(viewer).get(runs + "?size=101").status()).isEqualTo(400);
	}

	@Test
	void runsAreForReadersOfTheItemOnly() {
		String draft = item("CHECKLIST", CHECKLIST);
		Http.Response byOwner = as(contributor).post(base + "/items/" + draft + "/runs", Map.of("title", "dry run"));
		assertThat(byOwner.status()).isEqualTo(201);
		String run = base + "/items/" + draft + "/runs/" + byOwner.json().get("id").asString();

		assertThat(as(viewer).post(base + "/items/" + draft + "/runs", Map.of()).status()).isEqualTo(404);
		assertThat(as(viewer).get(base + "/items/" + draft + "/runs").status()).isEqualTo(404);
		assertThat(as(viewer).get(run).status()).isEqualTo(404);
		assertThat(as(viewer).put(run + "/steps/1", Map.of("done", true)).status()).isEqualTo(404);
		assertThat(as(editor).put(run + "/steps/1", Map.of("done", true)).status()).isEqualTo(200);

		TestData.Org other = data.org();
		Http stranger = Http.api(port, data.member(other, "ADMIN").token());
		assertThat(stranger.get(run).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/orgs/" + other.slug() + "/items/" + draft + "/runs").status()).isEqualTo(404);
		assertThat(stranger.post("/api/v1/orgs/" + other.slug() + "/items/" + draft + "/runs", Map.of()).status())
			.isEqualTo(404);
		String otherRun = run.replace(base, "/api/v1/orgs/" + other.slug());
		assertThat(stranger.put(otherRun + "/steps/1", Map.of("done", false)).status()).isEqualTo(404);
		assertThat(as(editor).get(run).json().get("steps").get(0).get("done").asBoolean()).isTrue();

		String published = published("CHECKLIST", CHECKLIST);
		String otherItemsRun = base + "/items/" + published + "/runs/" + byOwner.json().get("id").asString();
		assertThat(as(editor).get(otherItemsRun).status()).as("a run belongs to its own item").isEqualTo(404);
		assertThat(List.of(as(viewer).get(base + "/items/" + published + "/runs").status())).containsExactly(200);
	}
}
