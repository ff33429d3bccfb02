package org.tacit.lessons;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tacit.support.BrowserSupport.button;
import static org.tacit.support.BrowserSupport.fitsTheWindow;
import static org.tacit.support.BrowserSupport.link;
import static org.tacit.support.BrowserSupport.signIn;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.BrowserSupport;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * The whole cycle in a real Chromium on a laptop screen: a before-action review that applies a past
 * lesson, a lesson captured from it, validated, actioned, embedded in a checklist step and closed.
 */
@TacitTest
class LessonsBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData.Org org;
	TestData.Person editor;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		editor = data.member(org, "EDITOR");
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		library.published("OPS", "CHECKLIST", "Shutdown checklist",
				"## Before the shutdown\n\n- Agree the scope with production\n- Order the spare valves\n- Book the crane\n",
				"shutdown");
		LessonsFixture lessons = new LessonsFixture(port, org);
		String past = lessons.activity(editor, "Spring shutdown of line 2", "").get("id").asString();
		String lesson = lessons.api(editor).post(lessons.base() + "/lessons", Map.of("activity", past,
				"title", "Spare valves take six weeks to arrive", "observation", "The line 2 shutdown waited for valves.",
				"recommendation", "Order the valves when the shutdown is decided.", "priority", "URGENT",
				"tags", java.util.List.of("shutdown", "valves"))).json().get("id").asString();
		lessons.moved(editor, lesson, "VALIDATED");
		// the past lesson is in the index before the review asks for suggestions
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Http.api(port, editor.token())
			.get("/api/v1/orgs/" + org.slug() + "/search?q=valves&type=lesson").json().get("total").asInt()).isEqualTo(1));
	}

	@Test
	void fromABeforeActionReviewThroughCaptureValidationActionAndAChecklistStepToClosed() {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
		signIn(page, editor.email());
		page.navigate("/o/" + org.slug());
		link(page, "Lessons").click();
		link(page, "Activities").click();
		link(page, "New activity").click();
		page.getByLabel("Activity", new Page.GetByLabelOptions().setExact(true)).fill("Autumn shutdown of line 3");
		page.getByLabel("What it is about").fill("Maintenance shutdown of line 3: replace the valves and the pumps.");
		page.getByLabel("Tags").fill("shutdown, valves");
		button(page, "Start the activity").click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Autumn shutdown of line 3");

		link(page, "New before-action review").click();
		page.getByLabel("What do we want to achieve?").fill("Line 3 back in production within ten days.");
		page.getByLabel("What could go wrong, and what do we know from the past?").fill("Parts arriving late.");
		button(page, "Save the review").click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Before-action review: Autumn shutdown of line 3");
		fitsTheWindow(page);
		Locator suggestions = page.locator("#suggestions");
		assertThat(suggestions).containsText("Spare valves take six weeks to arrive");
		assertThat(suggestions).containsText("Shutdown checklist");
		button(page, "We will apply “Spare valves take six weeks to arrive”").click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Marked as what the team will apply");
		assertThat(page.locator("#applied")).containsText("Spare valves take six weeks to arrive");

		link(page, "Capture a lesson from this review").click();
		page.getByLabel("Lesson", new Page.GetByLabelOptions().setExact(true)).fill("Book the crane when the scope is agreed");
		page.getByLabel("What happened").fill("The crane was booked for another site in the first week.");
		page.getByLabel("Why it happened").fill("Booking waited for the final plan.");
		page.getByLabel("What to do next time").fill("Book the crane in the same step as agreeing the scope.");
		page.getByLabel("Urgent").check();
		page.getByLabel("Tags").fill("shutdown, crane");
		button(page, "Capture the lesson").click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Book the crane when the scope is agreed");
		assertThat(page.locator(".lifecycle [aria-current=step]")).containsText("Captured");
		fitsTheWindow(page);

		button(page, "Validate").click();
		assertThat(page.locator(".lifecycle [aria-current=step]")).containsText("Validated");
		page.getByLabel("New action").fill("Add the crane booking to the shutdown checklist");
		page.getByLabel("Owner (email)").fill(editor.email());
		page.getByLabel("Due", new Page.GetByLabelOptions().setExact(true))
			.fill(LocalDate.now(ZoneOffset.UTC).plusDays(7).toString());
		button(page, "Add the action").click();
		assertThat(page.locator("#actions tbody")).containsText("Add the crane booking to the shutdown checklist");
		button(page, "Mark as actioned").click();
		assertThat(page.locator(".lifecycle [aria-current=step]")).containsText("Actioned");

		link(page, "Link what changed").click();
		link(page, "Choose “Shutdown checklist”").click();
		fitsTheWindow(page);
		// the step is chosen with the keyboard
		page.getByLabel("The checklist as a whole").focus();
		page.keyboard().press("ArrowDown");
		page.keyboard().press("ArrowDown");
		page.keyboard().press("ArrowDown");
		assertThat(page.getByLabel("Step 3: Book the crane")).isChecked();
		button(page, "Link").click();
		assertThat(page.locator("#links")).containsText("step 3: Book the crane");
		button(page, "Mark as embedded").click();
		assertThat(page.locator(".lifecycle [aria-current=step]")).containsText("Embedded");

		button(page, "Close").click();
		assertThat(page.locator("#lifecycle .alert")).containsText("1 action is still open");
		page.getByLabel("Status of Add the crane booking to the shutdown checklist", new Page.GetByLabelOptions().setExact(true)).selectOption("DONE");
		button(page, "Save the status of Add the crane booking to the shutdown checklist").click();
		assertThat(page.locator("#actions tbody")).containsText("Done by Person " + editor.email());
		button(page, "Close").click();
		assertThat(page.locator(".lifecycle [aria-current=step]")).containsText("Closed");
		assertThat(page.locator(".lifecycle li.reached")).hasCount(5);
		assertThat(page.locator(".history li")).hasCount(5);
		assertThat(page.locator("#lifecycle")).hasCount(0);
		fitsTheWindow(page);

		page.navigate("/o/" + org.slug() + "/lessons?status=CLOSED");
		assertThat(page.locator("table.lessons-table tbody tr")).hasCount(1);
		assertThat(page.locator("table.lessons-table tbody tr")).containsText("Book the crane when the scope is agreed");
		fitsTheWindow(page);
	}
}
