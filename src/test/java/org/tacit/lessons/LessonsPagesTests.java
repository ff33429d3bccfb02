package org.tacit.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * The pages of lessons learned: the register, the guided forms of the three reviews and of a lesson,
 * form errors beside their fields with nothing saved, the printable review, the lesson page for
 * stewards and readers, and linking a checklist step without knowing ids.
 */
@TacitTest
class LessonsPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	LessonsFixture lessons;
	TestData.Person editor;
	TestData.Person viewer;
	Http asEditor;
	Http asViewer;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		lessons = new LessonsFixture(port, org);
		editor = data.member(org, "EDITOR");
		viewer = data.member(org, "VIEWER");
		asEditor = Http.browser(port);
		asEditor.signIn(editor.email(), TestData.PASSWORD);
		asViewer = Http.browser(port);
		asViewer.signIn(viewer.email(), TestData.PASSWORD);
		base = "/o/" + org.slug();
	}

	private static Document html(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static String idIn(String location, String kind) {
		Matcher m = Pattern.compile("/" + kind + "/([0-9a-f-]{36})").matcher(location);
		assertThat(m.find()).as(location).isTrue();
		return m.group(1);
	}

	@Test
	void eachReviewAsksTheQuestionsOfItsKind() {
		String activity = lessons.api(editor).post(lessons.base() + "/activities", Map.of("name", "Pump overhaul",
				"participants", List.of(viewer.email()))).json().get("id").asString();
		String form = base + "/activities/" + activity + "/reviews/new?kind=";

		Document before = html(asEditor.get(form + "BEFORE"));
		assertThat(before.select("form textarea[name]").eachAttr("name"))
			.containsExactly("objectives", "risks", "participants", "notes");
		assertThat(before.select("label[for=objectives]").text()).isEqualTo("What do we want to achieve?");
		assertThat(before.select("#objectives").attr("aria-describedby")).isEqualTo("objectives-hint");
		assertThat(before.select("#participants").text()).isEqualTo(viewer.email());
		assertThat(html(asEditor.get(form + "during")).select("form textarea[name]").eachAttr("name"))
			.containsExactly("observations", "adjustments", "participants", "notes");
		Document after = html(asEditor.get(form + "AFTER"));
		assertThat(after.select("form textarea[name]").eachAttr("name"))
			.containsExactly("expected", "actual", "why", "sustain", "improve", "participants", "notes");
		assertThat(after.select("label[for=why]").text()).isEqualTo("Why is there a difference?");
		assertThat(asEditor.get(form + "SOMETIME").status()).isEqualTo(400);

		Http.Response empty = asEditor.submit(form + "AFTER", base + "/activities/" + activity + "/reviews",
				Map.of("kind", "AFTER", "notes", "kept notes"));
		assertThat(html(empty).select(".field-error").text()).contains("Answer at least one of the questions.");
		assertThat(empty.body()).contains("kept notes");
		assertThat(lessons.api(editor).get(lessons.base() + "/activities/" + activity + "/reviews").json().get("items")).isEmpty();

		Http.Response saved = asEditor.submit(form + "AFTER", base + "/activities/" + activity + "/reviews",
				Map.of("kind", "AFTER", "expected", "Five days", "actual", "Seven days", "participants", viewer.email()));
		assertThat(saved.status()).isEqualTo(302);
		String review = idIn(saved.location(), "reviews");
		Document page = html(asEditor.get(base + "/reviews/" + review));
		assertThat(page.select("h1").text()).isEqualTo("After-action review: Pump overhaul");
		assertThat(page.select("article h2").eachText()).containsExactly("What was supposed to happen?",
				"What actually happened?", "Why is there a difference?", "What should we sustain?", "What should we improve?");
		assertThat(page.select("article").text()).contains("Seven days").contains("Not answered.");
		assertThat(page.select("#suggestions")).isEmpty();
		assertThat(html(asEditor.get(base + "/activities/" + activity)).select("#reviews li a").text())
			.isEqualTo("After-action review");
	}

	@Test
	void theReviewPrintsWithoutTheSiteAroundIt() {
		String activity = lessons.activity(editor, "Warehouse move", "Move the stock to hall B.").get("id").asString();
		String review = lessons.review(editor, activity, "BEFORE", Map.of("objectives", "No stock lost",
				"risks", "Forklifts late")).get("id").asString();
		lessons.api(viewer).post(lessons.base() + "/lessons", Map.of("review", review, "title", "Book forklifts early",
				"observation", "They were late last time."));

		Document print = html(asViewer.get(base + "/reviews/" + review + "/print"));
		assertThat(print.select("nav.topnav, form.site-search")).isEmpty();
		assertThat(print.select("h1").text()).isEqualTo("Before-action review: Warehouse move");
		assertThat(print.select(".print-answer").text()).contains("No stock lost", "Forklifts late", "Book forklifts early");
		assertThat(print.select("button[data-print]").text()).isEqualTo("Print");
		assertThat(print.select("script[src$=/js/lessons.js]")).hasSize(1);
		assertThat(print.select(".print-facts").text()).contains("Move the stock to hall B.");
		Document page = html(asViewer.get(base + "/reviews/" + review));
		assertThat(page.select("a[href$=/print]").text()).isEqualTo("Printable view");
		// a viewer who does not take part reads the suggestions but does not mark them
		assertThat(page.select("#suggestions form")).isEmpty();
	}

	@Test
	void aLessonIsCapturedFromItsGuidedFormAndRefusalsKeepWhatWasTyped() {
		String activity = lessons.activity(editor, "Warehouse move", "").get("id").asString();
		Document form = html(asViewer.get(base + "/lessons/new?activity=" + activity));
		assertThat(form.select("label[for=observation]").text()).isEqualTo("What happened");
		assertThat(form.select("input[name=priority]").eachAttr("value"))
			.containsExactly("URGENT", "CAUTION", "INFORMATION", "GOOD_PRACTICE");
		assertThat(form.select("input[name=priority][checked]").attr("value")).isEqualTo("INFORMATION");
		assertThat(form.select("input[name=activity]").attr("value")).isEqualTo(activity);

		Http.Response refused = asViewer.submit(base + "/lessons/new", base + "/lessons", Map.of("activity", activity,
				"title", "Label the pallets", "observation", " ", "recommendation", "kept recommendation"));
		Document refusedPage = html(refused);
		assertThat(refusedPage.select("#observation").attr("aria-invalid")).isEqualTo("true");
		assertThat(refusedPage.select(".field-error").text()).contains("This is required.");
		assertThat(refusedPage.select("#recommendation").text()).isEqualTo("kept recommendation");
		assertThat(lessons.api(viewer).get(lessons.base() + "/lessons").json().get("totalItems").asInt()).isZero();

		Http.Response captured = asViewer.submit(base + "/lessons/new", base + "/lessons", Map.of("activity", activity,
				"title", "Label the pallets", "observation", "Pallets got mixed up.", "priority", "CAUTION",
				"tags", "warehouse, labels"));
		assertThat(captured.status()).isEqualTo(302);
		Document lesson = html(asViewer.get(captured.location()));
		assertThat(lesson.select("h1").text()).isEqualTo("Label the pallets");
		assertThat(lesson.select(".meta .badge").eachText()).contains("Caution", "Captured");
		assertThat(lesson.select(".lifecycle li[aria-current=step]").text()).startsWith("Captured");
		assertThat(lesson.select(".history li").text()).contains("captured by Person " + viewer.email());
		assertThat(lesson.select("#lifecycle")).isEmpty();
		assertThat(lesson.select(".crumbs").text()).contains("Warehouse move");

		Document register = html(asViewer.get(base + "/lessons?priority=CAUTION&tag=labels"));
		assertThat(register.select("table.lessons-table tbody tr").text()).contains("Label the pallets");
		assertThat(html(asViewer.get(base + "/lessons?priority=URGENT")).select(".empty").text())
			.contains("No lesson matches");
		assertThat(register.select(".figures dd").first().text()).isEqualTo("1");
	}

	@Test
	void stewardsMoveTheLessonOnAndRefusalsSayWhatIsMissing() {
		String lesson = lessons.lesson(viewer, null, "Label the pallets", "CAUTION").get("id").asString();
		String page = base + "/lessons/" + lesson;

		Document steward = html(asEditor.get(page));
		assertThat(steward.select("#lifecycle button[name=to]").eachText()).containsExactly("Validate", "Reject");
		assertThat(steward.select("#actions form.action-form")).hasSize(1);

		Http.Response rejected = asEditor.submit(page, page + "/transition", Map.of("to", "REJECTED", "reason", ""));
		assertThat(html(rejected).select("#lifecycle .alert").text())
			.isEqualTo("Say why the lesson is rejected: a reason is required.");
		asEditor.submit(page, page + "/transition", Map.of("to", "VALIDATED"));
		Http.Response early = asEditor.submit(page, page + "/transition", Map.of("to", "ACTIONED"));
		assertThat(html(early).select("#lifecycle .alert").text()).contains("at least one action");

		Http.Response noOwner = asEditor.submit(page, page + "/actions", Map.of("title", "Buy labels", "owner", "",
				"due", "2026-12-24"));
		Document noOwnerPage = html(noOwner);
		assertThat(noOwnerPage.select("#action-owner-error").text()).isEqualTo("This is required.");
		assertThat(noOwnerPage.select("#action-title").attr("value")).isEqualTo("Buy labels");
		Http.Response added = asEditor.submit(page, page + "/actions", Map.of("title", "Buy labels", "owner", viewer.email(),
				"due", "2026-12-24"));
		assertThat(added.status()).isEqualTo(302);

		// the action's owner sets its status, and reads the lesson without its lifecycle buttons
		Document owner = html(asViewer.get(page));
		assertThat(owner.select("#lifecycle")).isEmpty();
		assertThat(owner.select("#actions tbody select[name=status]")).hasSize(1);
		String actionForm = owner.select("#actions tbody form").attr("action");
		assertThat(asViewer.submit(page, actionForm, Map.of("status", "DONE")).status()).isEqualTo(302);
		assertThat(html(asViewer.get(page)).select("#actions tbody").text()).contains("Done by Person " + viewer.email());
		assertThat(asViewer.submit(page, page + "/transition", Map.of("to", "ACTIONED")).status()).isEqualTo(403);
	}

	@Test
	void aChecklistStepIsChosenFromTheChecklistAndTheLinkRemovedAfterAsking() {
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		String checklist = library.published("OPS", "CHECKLIST", "Pallet labelling checklist",
				"- Print the pallet labels\n- Stick them on two sides\n", "labels").get("id").asString();
		String lesson = lessons.lesson(viewer, null, "Label the pallets on two sides", "CAUTION", "labels").get("id").asString();
		String page = base + "/lessons/" + lesson;
		String choose = page + "/links/new";

		assertThat(asViewer.get(choose).status()).isEqualTo(403);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				html(asEditor.get(choose)).select(".hit-title a").eachText()).contains("Choose “Pallet labelling checklist”"));
		assertThat(html(asEditor.get(choose + "?q=nothing-like-this")).select(".empty").text()).contains("No item found");

		Document steps = html(asEditor.get(choose + "?item=" + checklist));
		assertThat(steps.select("#chosen-heading").text()).isEqualTo("Pallet labelling checklist");
		assertThat(steps.select("input[name=step]").eachAttr("value")).containsExactly("", "1", "2");
		assertThat(steps.select("label[for=step-2]").text()).isEqualTo("Step 2: Stick them on two sides");

		Http.Response wrong = asEditor.submit(choose, page + "/links", Map.of("itemId", checklist, "step", "7"));
		assertThat(html(wrong).select(".alert").text()).isEqualTo("The checklist has 2 steps: give a step from 1 to 2.");
		Http.Response pasted = asEditor.submit(choose, page + "/links",
				Map.of("itemId", "http://localhost" + base + "/items/" + checklist, "step", "2"));
		assertThat(pasted.status()).isEqualTo(302);
		Document linked = html(asEditor.get(page));
		assertThat(linked.select("#links li").text()).contains("Checklist step", "Pallet labelling checklist",
				"step 2: Stick them on two sides");

		String remove = linked.select("#links li a[href$=/delete]").attr("href");
		Document confirm = html(asEditor.get(remove));
		assertThat(confirm.select("h1").text()).isEqualTo("Remove the link?");
		assertThat(asEditor.submit(remove, remove, Map.of()).status()).isEqualTo(302);
		assertThat(html(asEditor.get(page)).select("#links .empty").text()).contains("Not linked to anything yet");
	}

	@Test
	void otherOrganizationsLessonsAreNotFound() {
		TestData.Org other = data.org();
		String theirs = new LessonsFixture(port, other).lesson(other.admin(), null, "Theirs", "URGENT").get("id").asString();
		assertThat(asEditor.get(base + "/lessons/" + theirs).status()).isEqualTo(404);
		assertThat(asEditor.get(base + "/lessons/not-an-id").status()).isEqualTo(404);
		assertThat(asEditor.get(base + "/reviews/" + theirs + "/print").status()).isEqualTo(404);
		assertThat(asEditor.get(base + "/activities/" + theirs).status()).isEqualTo(404);
	}
}
