package org.tacit.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;
import org.tacit.training.internal.RuleService;

import tools.jackson.databind.JsonNode;

/** Courses, assignments, completions, confirmations, rules and the facade through the REST API. */
@TacitTest
class TrainingApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuleService rules;

	@Autowired
	Training training;

	TrainingFixture f;
	String base;

	@BeforeEach
	void setUp() {
		f = new TrainingFixture(port, new TestData(context, port));
		base = f.base;
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE org_id = ?").param(f.org.id()).query(Long.class).single();
	}

	private static String field(Http.Response response) {
		if (response.status() != 400) {
			throw new AssertionError("Expected 400: " + response);
		}
		return response.json().get("errors").get(0).get("field").asString();
	}

	@Test
	void knowledgeManagersMakeCoursesThatEveryoneSeesAndTheCatalogFiltersByCompetency() {
		TestData.Person editor = f.data.member(f.org, "EDITOR");
		LibraryFixture library = new LibraryFixture(port, f.org);
		library.space("LRN");
		String item = library.published("LRN", "ARTICLE", "How to run an after-action review", "Steps").get("id").asString();
		Http.Response created = f.as(f.km).post(base + "/courses", Map.of("title", "After-action reviews", "type", "KM_METHOD",
				"description", "Run a **review** <script>alert(1)</script>", "links", List.of(Map.of("type", "item", "id", item)),
				"competencies", List.of("develops-km-measurements", "explains-km"), "trainer", f.km.email(), "duration", "2 hours"));
		assertThat(created.status()).isEqualTo(201);
		JsonNode course = created.json();
		assertThat(course.get("links").get(0).get("id").asString()).isEqualTo(item);
		assertThat(course.get("competencies").get(0).asString()).isEqualTo("develops-km-measurements");
		f.course("Library basics", "TOOL", List.of("explains-km"));

		assertThat(f.as(editor).post(base + "/courses", Map.of("title", "Mine", "type", "TOOL")).status()).isEqualTo(403);
		JsonNode filtered = f.as(editor).get(base + "/courses?competency=develops-km-measurements").json();
		assertThat(filtered.get("totalItems").asLong()).isEqualTo(1);
		assertThat(filtered.get("items").get(0).get("title").asString()).isEqualTo("After-action reviews");
		assertThat(f.as(editor).get(base + "/courses?competency=explains-km&sort=TITLE").json().get("items").valueStream()
			.map(c -> c.get("title").asString()).toList()).containsExactly("After-action reviews", "Library basics");
		assertThat(f.as(editor).get(base + "/courses?competency=nobody-has-it").json().get("totalItems").asLong()).isZero();
		assertThat(f.as(editor).get(base + "/courses?size=1").json().get("items").size()).isEqualTo(1);

		String id = course.get("id").asString();
		Http.Response changed = f.as(f.km).put(base + "/courses/" + id, Map.of("title", "After-action reviews, in practice",
				"type", "KM_METHOD", "competencies", List.of("explains-km")));
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("links").size()).isZero();
		assertThat(f.as(editor).put(base + "/courses/" + id, Map.of("title", "X", "type", "TOOL")).status()).isEqualTo(403);
		assertThat(f.as(editor).get(base + "/courses/" + id).json().get("title").asString()).isEqualTo("After-action reviews, in practice");
	}

	@Test
	void badCoursesAreRefusedWithTheFieldAndNothingIsWritten() {
		TestData.Org other = f.data.org();
		LibraryFixture library = new LibraryFixture(port, other);
		library.space("FOR");
		String foreign = library.published("FOR", "ARTICLE", "Elsewhere", "Not here").get("id").asString();
		Map<String, Map<String, Object>> bad = Map.of(
				"links[0]", Map.of("title", "T", "type", "TOOL", "links", List.of(Map.of("type", "item", "id", foreign))),
				"competencies", Map.of("title", "T", "type", "TOOL", "competencies", List.of("Not A Slug")),
				"title", Map.of("type", "TOOL"),
				"type", Map.of("title", "T", "type", "LECTURE"),
				"trainer", Map.of("title", "T", "type", "TOOL", "trainer", "nobody@example.org"));
		bad.forEach((expected, body) -> {
			Http.Response refused = f.as(f.km).post(base + "/courses", body);
			assertThat(refused.status()).as(expected).isEqualTo(400);
			assertThat(refused.contentType()).contains("application/problem+json");
			assertThat(field(refused)).isEqualTo(expected);
		});
		List<String> many = new java.util.ArrayList<>();
		for (int i = 0; i < 21; i++) {
			many.add("code-" + i);
		}
		assertThat(field(f.as(f.km).post(base + "/courses", Map.of("title", "T", "type", "TOOL", "competencies", many))))
			.isEqualTo("competencies");
		assertThat(count("training_course")).isZero();
		assertThat(count("training_course_competency")).isZero();
	}

	@Test
	void assignmentsGoToMembersOnlyAndAreSeenByThePersonTheirManagerTheTrainerAndKnowledgeManagers() {
		TestData.Person learner = f.data.member(f.org, "CONTRIBUTOR");
		TestData.Person manager = f.data.member(f.org, "VIEWER");
		TestData.Person trainer = f.data.member(f.org, "CONTRIBUTOR");
		TestData.Person colleague = f.data.member(f.org, "EDITOR");
		f.setManager(learner, manager);
		String course = f.as(f.km).post(base + "/courses", Map.of("title", "Upkeep", "type", "UPKEEP", "trainer", trainer.email()))
			.json().get("id").asString();
		TestData.Person outsider = f.data.member(f.data.org(), "VIEWER");

		Http.Response outside = f.assign(f.km, course, outsider, TrainingFixture.inDays(10));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(field(outside)).isEqualTo("person");
		assertThat(field(f.assign(f.km, course, learner, "2020-01-01"))).isEqualTo("due");
		assertThat(field(f.assign(f.km, course, learner, "soon"))).isEqualTo("due");
		assertThat(count("training_assignment")).isZero();
		// a colleague who is not the manager may not assign, the manager may
		assertThat(f.assign(colleague, course, learner, TrainingFixture.inDays(10)).status()).isEqualTo(403);
		Http.Response byManager = f.as(manager).post(base + "/courses/" + course + "/assignments",
				Map.of("person", learner.email(), "due", TrainingFixture.inDays(10), "reason", "training need: develops-km-measurements"));
		assertThat(byManager.status()).isEqualTo(201);
		assertThat(byManager.json().get("reason").asString()).isEqualTo("training need: develops-km-measurements");
		String id = byManager.json().get("id").asString();
		// never two open assignments of a course
		assertThat(f.assign(f.km, course, learner, TrainingFixture.inDays(20)).status()).isEqualTo(409);
		assertThat(count("training_assignment")).isEqualTo(1);
		// the manager cannot assign to someone who does not report to them
		assertThat(f.assign(manager, course, colleague, TrainingFixture.inDays(10)).status()).isEqualTo(403);

		for (TestData.Person sees : List.of(learner, manager, trainer, f.km, f.org.admin())) {
			assertThat(f.as(sees).get(base + "/assignments/" + id).status()).as(sees.email()).isEqualTo(200);
			assertThat(f.as(sees).get(base + "/assignments").json().get("totalItems").asLong()).as(sees.email()).isEqualTo(1);
		}
		assertThat(f.as(colleague).get(base + "/assignments/" + id).status()).isEqualTo(404);
		assertThat(f.as(colleague).get(base + "/assignments").json().get("totalItems").asLong()).isZero();
	}

	@Test
	void completionIsSelfReportedThenConfirmedAndCreditsTheLedgerOnce() {
		TestData.Person learner = f.data.member(f.org, "CONTRIBUTOR");
		TestData.Person colleague = f.data.member(f.org, "EDITOR");
		String course = f.course("KM measurements", "KM_METHOD", List.of("develops-km-measurements")).get("id").asString();
		String id = f.assigned(course, learner);

		Http.Response noEvidence = f.as(learner).post(base + "/assignments/" + id + "/completion", Map.of("link", "https://x.example"));
		assertThat(noEvidence.status()).isEqualTo(400);
		assertThat(field(noEvidence)).isEqualTo("evidence");
		assertThat(field(f.as(learner).post(base + "/assignments/" + id + "/completion",
				Map.of("evidence", "Did it", "link", "javascript:alert(1)")))).isEqualTo("link");
		assertThat(f.as(colleague).post(base + "/assignments/" + id + "/completion", Map.of("evidence", "Not mine")).status())
			.isEqualTo(404);
		assertThat(f.as(learner).get(base + "/assignments/" + id).json().get("status").asString()).isEqualTo("OPEN");

		Http.Response done = f.as(learner).post(base + "/assignments/" + id + "/completion",
				Map.of("evidence", "Set three targets for my team", "link", "https://example.org/targets"));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.json().get("status").asString()).isEqualTo("COMPLETED_SELF_REPORTED");
		assertThat(f.as(learner).post(base + "/assignments/" + id + "/completion", Map.of("evidence", "Again")).status())
			.isEqualTo(409);
		// the person does not confirm their own completion
		assertThat(f.as(learner).post(base + "/assignments/" + id + "/confirmation", Map.of()).status()).isEqualTo(403);
		Http.Response confirmed = f.as(f.km).post(base + "/assignments/" + id + "/confirmation", Map.of());
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(f.as(f.km).post(base + "/assignments/" + id + "/confirmation", Map.of()).status()).isEqualTo(409);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
				"SELECT COUNT(*) FROM recognition_entry WHERE org_id = ? AND person_id = ? AND kind = 'TRAINING_COMPLETED' AND record_id = ?")
			.params(f.org.id(), learner.id(), course)
			.query(Long.class)
			.single()).isEqualTo(1));
		JsonNode ledger = f.as(learner).get(base + "/people/" + learner.id() + "/ledger?kind=TRAINING_COMPLETED").json();
		assertThat(ledger.get("totalItems").asLong()).isEqualTo(1);
		assertThat(ledger.get("items").get(0).get("title").asString()).isEqualTo("KM measurements");

		OrgId org = new OrgId(f.org.id());
		PersonId person = new PersonId(learner.id());
		assertThat(training.statusOf(org, person)).isEqualTo(new Training.Status(0, 1, 0));
		List<Training.CompletedCourse> completed = training.completedBy(org, person, java.time.Instant.now().minusSeconds(3600),
				java.time.Instant.now().plusSeconds(60));
		assertThat(completed).hasSize(1);
		assertThat(completed.get(0).competencies()).containsExactly("develops-km-measurements");
		assertThat(completed.get(0).courseId()).isEqualTo(UUID.fromString(course));
		// the rebuild derives the same entry again
		jdbc.sql("DELETE FROM recognition_entry WHERE org_id = ?").param(f.org.id()).update();
		assertThat(f.admin().post(base + "/recognition/rebuild", Map.of()).status()).isEqualTo(200);
		assertThat(f.as(learner).get(base + "/people/" + learner.id() + "/ledger?kind=TRAINING_COMPLETED").json()
			.get("totalItems").asLong()).isEqualTo(1);
	}

	@Test
	void overdueTrainingIsListedAndCounted() {
		TestData.Person learner = f.data.member(f.org, "CONTRIBUTOR");
		TestData.Person manager = f.data.member(f.org, "EDITOR");
		f.setManager(learner, manager);
		String late = f.course("Late course", "TOOL", List.of()).get("id").asString();
		String onTime = f.course("On-time course", "TOOL", List.of()).get("id").asString();
		String lateId = f.assigned(late, learner);
		f.assigned(onTime, learner);
		LocalDate weekAgo = LocalDate.now(ZoneOffset.UTC).minusDays(7);
		jdbc.sql("UPDATE training_assignment SET due_date = ? WHERE id = ?").params(weekAgo, UUID.fromString(lateId)).update();

		JsonNode overdue = f.as(manager).get(base + "/assignments?overdue=true").json();
		assertThat(overdue.get("totalItems").asLong()).isEqualTo(1);
		assertThat(overdue.get("items").get(0).get("courseTitle").asString()).isEqualTo("Late course");
		assertThat(overdue.get("items").get(0).get("overdue").asBoolean()).isTrue();
		assertThat(f.as(learner).get(base + "/assignments?overdue=false").json().get("totalItems").asLong()).isEqualTo(1);
		assertThat(f.as(learner).get(base + "/assignments?person=" + learner.email() + "&status=OPEN").json().get("totalItems")
			.asLong()).isEqualTo(2);
		assertThat(training.statusOf(new OrgId(f.org.id()), new PersonId(learner.id()))).isEqualTo(new Training.Status(2, 0, 1));
		Training.Figures figures = training.figures(new OrgId(f.org.id()),
				weekAgo.atStartOfDay(ZoneOffset.UTC).toInstant(), LocalDate.now(ZoneOffset.UTC).plusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant());
		assertThat(figures).isEqualTo(new Training.Figures(2, 0, 0, 1));
	}

	@Test
	void rulesAssignOnCreationOnRoleChangeAndAgainAfterThePeriodNeverTwice() {
		TestData.Person editor = f.data.member(f.org, "EDITOR");
		TestData.Person contributor = f.data.member(f.org, "CONTRIBUTOR");
		String course = f.course("Content upkeep", "UPKEEP", List.of()).get("id").asString();

		assertThat(field(f.as(f.km).post(base + "/training-rules", Map.of("role", "EDITOR", "course", UUID.randomUUID().toString(),
				"withinDays", 30)))).isEqualTo("course");
		assertThat(field(f.as(f.km).post(base + "/training-rules", Map.of("role", "EDITOR", "course", course, "withinDays", 0))))
			.isEqualTo("withinDays");
		assertThat(f.as(editor).post(base + "/training-rules", Map.of("role", "EDITOR", "course", course, "withinDays", 30))
			.status()).isEqualTo(403);
		assertThat(count("training_rule")).isZero();

		Http.Response created = f.as(f.km).post(base + "/training-rules",
				Map.of("role", "EDITOR", "course", course, "withinDays", 30, "everyDays", 365));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("assigned").asInt()).isEqualTo(1);
		String rule = created.json().get("id").asString();
		JsonNode editors = f.as(editor).get(base + "/assignments?person=" + editor.id()).json();
		assertThat(editors.get("totalItems").asLong()).isEqualTo(1);
		assertThat(editors.get("items").get(0).get("due").asString()).isEqualTo(TrainingFixture.inDays(30));
		assertThat(editors.get("items").get(0).get("rule").asString()).isEqualTo(rule);

		// a role change brings the rule's course
		assertThat(f.admin().patch(base + "/members/" + contributor.id(), Map.of("role", "EDITOR")).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				f.as(contributor).get(base + "/assignments").json().get("totalItems").asLong()).isEqualTo(1));
		// and a new member with the role too
		TestData.Person newEditor = f.data.member(f.org, "EDITOR");
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				f.as(newEditor).get(base + "/assignments").json().get("totalItems").asLong()).isEqualTo(1));

		// idempotent: running the rules again assigns nothing while one is open
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		rules.recur(today);
		assertThat(f.as(editor).get(base + "/assignments?person=" + editor.id()).json().get("totalItems").asLong()).isEqualTo(1);

		// completed: nothing again within the period, a new assignment after it
		String first = editors.get("items").get(0).get("id").asString();
		assertThat(f.as(editor).post(base + "/assignments/" + first + "/completion", Map.of("evidence", "Read the guide"))
			.status()).isEqualTo(200);
		rules.recur(today.plusDays(100));
		assertThat(f.as(editor).get(base + "/assignments?person=" + editor.id() + "&status=OPEN").json().get("totalItems")
			.asLong()).isZero();
		rules.recur(today.plusDays(366));
		rules.recur(today.plusDays(366));
		JsonNode again = f.as(editor).get(base + "/assignments?person=" + editor.id() + "&status=OPEN").json();
		assertThat(again.get("totalItems").asLong()).isEqualTo(1);
		assertThat(again.get("items").get(0).get("due").asString()).isEqualTo(today.plusDays(366 + 30).toString());

		// removed: no more assignments from it, what it assigned stays
		assertThat(f.as(editor).delete(base + "/training-rules/" + rule).status()).isEqualTo(403);
		assertThat(f.as(f.km).delete(base + "/training-rules/" + rule).status()).isEqualTo(204);
		assertThat(f.as(f.km).delete(base + "/training-rules/" + rule).status()).isEqualTo(404);
		assertThat(f.as(f.km).get(base + "/training-rules").json().get("totalItems").asLong()).isZero();
		long before = count("training_assignment");
		TestData.Person lateEditor = f.data.member(f.org, "EDITOR");
		rules.recur(today.plusDays(800));
		assertThat(f.as(lateEditor).get(base + "/assignments").json().get("totalItems").asLong()).isZero();
		assertThat(count("training_assignment")).isEqualTo(before);
	}
}
