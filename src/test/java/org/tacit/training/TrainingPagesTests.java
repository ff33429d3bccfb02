package org.tacit.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** The training pages: catalog and its empty states, the course form, the course page, my training, team, rules. */
@TacitTest
class TrainingPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TrainingFixture f;
	String pages;

	@BeforeEach
	void setUp() {
		f = new TrainingFixture(port, new TestData(context, port));
		pages = "/o/" + f.org.slug() + "/training";
	}

	private Http signedIn(TestData.Person person) {
		Http browser = Http.browser(port);
		browser.signIn(person.email(), TestData.PASSWORD);
		return browser;
	}

	private static Document page(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	@Test
	void theCatalogSaysWhenNoCourseDevelopsACompetencyAndOffersKnowledgeManagersToCreateOne() {
		TestData.Person viewer = f.data.member(f.org, "VIEWER");
		Document forViewer = page(signedIn(viewer).get(pages + "/courses?competency=develops-km-measurements"));
		assertThat(forViewer.text()).contains("No course develops “develops-km-measurements” yet.");
		assertThat(forViewer.select("a:contains(Create a course)")).isEmpty();

		Http km = signedIn(f.km);
		Document forKm = page(km.get(pages + "/courses?competency=develops-km-measurements"));
		String create = forKm.select("a:contains(Create a course that develops)").attr("href");
		assertThat(create).contains("competency=develops-km-measurements");
		Document form = page(km.get(create));
		assertThat(form.select("#competencies").val()).isEqualTo("develops-km-measurements");

		Http.Response refused = km.submit(create, pages + "/courses", Map.of("title", "", "type", "KM_METHOD",
				"competencies", "develops-km-measurements"));
		Document again = page(refused);
		assertThat(again.select(".field-error").text()).contains("This is required.");
		assertThat(again.select("#competencies").val()).isEqualTo("develops-km-measurements");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM training_course WHERE org_id = ?").param(f.org.id()).query(Long.class).single())
			.isZero();

		Http.Response created = km.submit(create, pages + "/courses", Map.of("title", "Measuring KM", "type", "KM_METHOD",
				"description", "Set **targets** <script>alert(1)</script>", "competencies", "develops-km-measurements, explains-km"));
		assertThat(created.status()).isEqualTo(302);
		Document course = page(km.get(created.location()));
		assertThat(course.select("h1").text()).isEqualTo("Measuring KM");
		assertThat(course.select(".prose strong").text()).isEqualTo("targets");
		assertThat(course.select(".prose script")).isEmpty();
		assertThat(course.select(".tag").eachText()).containsExactly("develops-km-measurements", "explains-km");
		assertThat(course.select("#assign-person")).hasSize(1);

		Document listed = page(signedIn(viewer).get(pages + "/courses?competency=develops-km-measurements"));
		assertThat(listed.select("table a").eachText()).contains("Measuring KM");
		Document forViewerCourse = page(signedIn(viewer).get(created.location()));
		assertThat(forViewerCourse.select("#assign-person")).isEmpty();
	}

	@Test
	void aMemberSeesTheirTrainingAndReportsItDoneAndTheirManagerSeesTheTeam() {
		TestData.Person learner = f.data.member(f.org, "CONTRIBUTOR");
		TestData.Person manager = f.data.member(f.org, "EDITOR");
		f.setManager(learner, manager);
		String course = f.course("Library basics", "TOOL", List.of()).get("id").asString();
		Http boss = signedIn(manager);
		String coursePage = pages + "/courses/" + course;
		Http.Response outsider = boss.submit(coursePage, coursePage + "/assignments",
				Map.of("person", "nobody@example.org", "due", TrainingFixture.inDays(5)));
		assertThat(page(outsider).select(".field-error").text()).contains("no such active member");
		Http.Response assigned = boss.submit(coursePage, coursePage + "/assignments",
				Map.of("person", learner.email(), "due", TrainingFixture.inDays(5), "reason", "New in the team"));
		assertThat(assigned.status()).isEqualTo(302);

		Http own = signedIn(learner);
		Document mine = page(own.get(pages));
		assertThat(mine.select("#open h3").text()).isEqualTo("Library basics");
		assertThat(mine.text()).contains("New in the team");
		Document team = page(boss.get(pages + "/team"));
		assertThat(team.select("table td").eachText()).contains("Person " + learner.email(), "Library basics", "Open");

		Document home = page(own.get("/o/" + f.org.slug()));
		assertThat(home.text()).contains("Your training").contains("Library basics");

		String assignment = mine.select("#open h3 a").attr("href");
		Http.Response empty = own.submit(pages, assignment + "/completion", Map.of("evidence", "", "back", "mine"));
		assertThat(page(empty).select(".field-error").text()).contains("This is required.");
		Http.Response done = own.submit(pages, assignment + "/completion", Map.of("evidence", "Did the exercises", "back", "mine"));
		assertThat(done.status()).isEqualTo(302);
		Document after = page(own.get(pages));
		assertThat(after.select("#open .empty")).hasSize(1);
		assertThat(after.select("#completed td").eachText()).contains("Library basics", "Completed (self-reported)");

		Document forKm = page(signedIn(f.km).get(assignment));
		assertThat(forKm.text()).contains("Did the exercises");
		Http.Response confirmed = signedIn(f.km).submit(assignment, assignment + "/confirmation", Map.of());
		assertThat(confirmed.status()).isEqualTo(302);
		assertThat(page(own.get(assignment)).select(".meta .badge").text()).contains("Confirmed");
	}

	@Test
	void knowledgeManagersAddAndRemoveRulesAfterConfirming() {
		TestData.Person editor = f.data.member(f.org, "EDITOR");
		String course = f.course("Content upkeep", "UPKEEP", List.of()).get("id").asString();
		Http km = signedIn(f.km);
		assertThat(signedIn(editor).get(pages + "/rules").status()).isEqualTo(403);
		Document empty = page(km.get(pages + "/rules"));
		assertThat(empty.text()).contains("There are no training rules yet");

		Http.Response bad = km.submit(pages + "/rules", pages + "/rules",
				Map.of("role", "EDITOR", "course", course, "withinDays", "0"));
		assertThat(page(bad).select(".field-error").text()).contains("from 1 to 3,650");
		Http.Response added = km.submit(pages + "/rules", pages + "/rules",
				Map.of("role", "EDITOR", "course", course, "withinDays", "30", "everyDays", "365"));
		assertThat(added.status()).isEqualTo(302);
		Document rules = page(km.get(pages + "/rules"));
		assertThat(rules.text()).contains("assigned the course to 1 members")
			.contains("Every Editor completes “Content upkeep” within 30 days, and again every 365 days.");

		String remove = rules.select("a:contains(Remove)").attr("href");
		Document confirm = page(km.get(remove));
		assertThat(confirm.select("h1").text()).isEqualTo("Remove the rule?");
		assertThat(km.submit(remove, remove, Map.of()).status()).isEqualTo(302);
		assertThat(page(km.get(pages + "/rules")).text()).contains("There are no training rules yet");
		// what it assigned stays
		assertThat(f.as(editor).get(f.base + "/assignments").json().get("totalItems").asLong()).isEqualTo(1);
	}
}
