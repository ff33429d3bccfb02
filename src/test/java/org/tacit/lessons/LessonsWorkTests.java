package org.tacit.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * Follow-up: overdue actions on their owner's list and on the knowledge managers', lessons waiting for
 * validation in their validators' queue, on "My work" and on the follow-up page.
 */
@TacitTest
class LessonsWorkTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	LessonsFixture lessons;
	TestData.Person editor;
	TestData.Person manager;
	TestData.Person owner;
	TestData.Person viewer;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		lessons = new LessonsFixture(port, org);
		editor = data.member(org, "EDITOR");
		manager = data.member(org, "KNOWLEDGE_MANAGER");
		owner = data.member(org, "CONTRIBUTOR");
		viewer = data.member(org, "VIEWER");
	}

	private Http signedIn(TestData.Person person) {
		Http browser = Http.browser(port);
		browser.signIn(person.email(), TestData.PASSWORD);
		return browser;
	}

	private Document page(TestData.Person person, String path) {
		Http.Response page = signedIn(person).get(path);
		assertThat(page.status()).isEqualTo(200);
		return Jsoup.parse(page.body());
	}

	private static List<String> section(Document home, String key) {
		return home.select("[data-section=" + key + "] li a").eachText();
	}

	private static String day(int fromToday) {
		return LocalDate.now(ZoneOffset.UTC).plusDays(fromToday).toString();
	}

	@Test
	void overdueActionsReachTheirOwnerAndTheKnowledgeManagers() {
		String lesson = lessons.lesson(viewer, null, "Calibrate the scales monthly", "CAUTION").get("id").asString();
		lessons.moved(editor, lesson, "VALIDATED");
		lessons.action(editor, lesson, "Write the calibration procedure", owner, day(-3));
		lessons.action(editor, lesson, "Buy test weights", owner, day(5));
		lessons.action(editor, lesson, "Train the night shift", editor, day(0));

		Document owners = page(owner, "/o/" + org.slug());
		assertThat(section(owners, "mywork.lessons.actions"))
			.containsExactly("Write the calibration procedure", "Buy test weights");
		assertThat(owners.select("[data-section=mywork.lessons.actions] li").get(0).select(".badge.overdue").text())
			.isEqualTo("overdue since " + day(-3));
		assertThat(owners.select("[data-section=mywork.lessons.actions] li").get(1).select(".badge.overdue")).isEmpty();
		assertThat(owners.select("[data-section=mywork.lessons.actions] li a").attr("href"))
			.isEqualTo("/o/" + org.slug() + "/lessons/" + lesson + "#actions");
		assertThat(section(owners, "mywork.lessons.overdue")).isEmpty();

		// due today is not overdue yet
		assertThat(page(editor, "/o/" + org.slug()).select("[data-section=mywork.lessons.actions] .badge.overdue")).isEmpty();
		Document managers = page(manager, "/o/" + org.slug());
		assertThat(section(managers, "mywork.lessons.overdue")).containsExactly("Write the calibration procedure");
		assertThat(managers.select("[data-section=mywork.lessons.overdue] li").text())
			.contains("owned by Person " + owner.email());

		Http ownersApi = lessons.api(owner);
		assertThat(ownersApi.get(lessons.base() + "/actions").json().get("totalItems").asInt()).isEqualTo(2);
		assertThat(ownersApi.get(lessons.base() + "/actions/overdue").status()).isEqualTo(403);
		var overdue = lessons.api(manager).get(lessons.base() + "/actions/overdue").json().get("items");
		assertThat(LessonsApiTests.values(overdue, "title")).containsExactly("Write the calibration procedure");
		assertThat(overdue.get(0).get("overdue").asBoolean()).isTrue();

		Document followUp = page(manager, "/o/" + org.slug() + "/lessons/follow-up");
		assertThat(followUp.select("#overdue tbody tr").text()).contains("Write the calibration procedure", "Overdue");
		assertThat(page(owner, "/o/" + org.slug() + "/lessons/follow-up").select("#overdue")).isEmpty();
	}

	@Test
	void lessonsWaitingForValidationAreQueuedForThoseWhoMayValidateThem() {
		String general = lessons.lesson(viewer, null, "Keep the gate closed", "INFORMATION").get("id").asString();
		String expertOnly = lessons.api(viewer).post(lessons.base() + "/lessons", Map.of("title", "Use the torque wrench",
				"observation", "Bolts came loose.", "recommendation", "Torque them.", "expert", owner.email()))
			.json().get("id").asString();

		assertThat(section(page(editor, "/o/" + org.slug()), "mywork.lessons.validation"))
			.containsExactly("Keep the gate closed", "Use the torque wrench");
		assertThat(section(page(owner, "/o/" + org.slug()), "mywork.lessons.validation"))
			.containsExactly("Use the torque wrench");
		Document viewers = page(viewer, "/o/" + org.slug());
		assertThat(viewers.select("[data-section^=mywork.lessons]")).isEmpty();
		assertThat(viewers.select("nav.topnav a").eachText()).contains("Lessons");
		assertThat(LessonsApiTests.values(lessons.api(owner).get(lessons.base() + "/lessons/validation-queue").json()
			.get("items"), "id")).containsExactly(expertOnly);

		lessons.moved(owner, expertOnly, "VALIDATED");
		lessons.moved(editor, general, "VALIDATED");
		assertThat(section(page(editor, "/o/" + org.slug()), "mywork.lessons.validation")).isEmpty();
		assertThat(page(editor, "/o/" + org.slug() + "/lessons/follow-up").select("#queue .empty").text())
			.contains("No lesson waits for your validation");
	}
}
