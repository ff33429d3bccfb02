package org.tacit.measurement;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tacit.support.BrowserSupport.button;
import static org.tacit.support.BrowserSupport.fitsTheWindow;
import static org.tacit.support.BrowserSupport.link;
import static org.tacit.support.BrowserSupport.signIn;

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
 * In a real Chromium on a laptop screen: a lesson embedded in a checklist, a success story recorded
 * against the checklist and a target set in the pages; the dashboard shows the story's hours and costs,
 * the checklist's contribution and the figure below its target in the needs-improvement list, and the
 * executive summary says the same.
 */
@TacitTest
class MeasurementBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData.Org org;
	TestData.Person manager;
	String checklist;

	private static void check(Http.Response response, int expected) {
		assertThat(response.status()).as(response.toString()).isEqualTo(expected);
	}

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		manager = data.member(org, "KNOWLEDGE_MANAGER");
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		checklist = library.published("OPS", "CHECKLIST", "Shutdown checklist",
				"- Agree the scope with production\n- Order the spare valves\n").get("id").asString();

		// a lesson captured, validated, actioned and embedded in the checklist's second step
		Http api = Http.api(port, manager.token());
		String base = "/api/v1/orgs/" + org.slug();
		Http.Response lesson = api.post(base + "/lessons", Map.of("title", "Spare valves take six weeks to arrive",
				"observation", "The shutdown waited for valves.", "recommendation", "Order the valves when the shutdown is decided.",
				"priority", "URGENT"));
		check(lesson, 201);
		String id = lesson.json().get("id").asString();
		check(api.post(base + "/lessons/" + id + "/transitions", Map.of("to", "VALIDATED")), 200);
		check(api.post(base + "/lessons/" + id + "/actions", Map.of("title", "Add valve ordering to the checklist", "owner",
				manager.email(), "due", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString())), 201);
		check(api.post(base + "/lessons/" + id + "/transitions", Map.of("to", "ACTIONED")), 200);
		check(api.post(base + "/lessons/" + id + "/links", Map.of("itemId", checklist, "step", 2)), 201);
		check(api.post(base + "/lessons/" + id + "/transitions", Map.of("to", "EMBEDDED")), 200);
	}

	@Test
	void aStoryAgainstAChecklistAndATargetShowOnTheDashboard() {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
		signIn(page, manager.email());
		page.navigate("/o/" + org.slug() + "/items/" + checklist);
		String checklistAddress = page.url();

		page.navigate("/o/" + org.slug());
		link(page, "Measurement").click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("KM dashboard");
		assertThat(page.locator("#value")).containsText("No success story in this period yet.");
		assertThat(page.locator("tr[data-metric=lessons-embedded-share]")).containsText("100 %");

		link(page, "Value register").click();
		link(page, "Record a success story").click();
		page.getByLabel("Story", new Page.GetByLabelOptions().setExact(true)).fill("The spring shutdown finished two days early");
		page.getByLabel("What happened").fill("With the valves ordered in time, nobody waited for parts.");
		page.getByLabel("Knowledge used").fill(checklistAddress);
		page.getByLabel("Hours saved").fill("120");
		page.getByLabel("Costs avoided").fill("4500");
		page.getByLabel("Currency").fill("EUR");
		button(page, "Save the story").click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("The spring shutdown finished two days early");
		assertThat(page.locator("#story-links")).containsText("Shutdown checklist");
		fitsTheWindow(page);

		page.navigate("/o/" + org.slug() + "/measurement");
		link(page, "Targets").click();
		Locator row = page.locator("#target-lessons-captured");
		row.getByLabel("Direction of the target for Lessons captured").selectOption("AT_LEAST");
		row.getByLabel("Target value for Lessons captured").fill("5");
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("The target for Lessons captured was saved.");
		assertThat(page.locator("#target-lessons-captured")).containsText("at least 5");
		fitsTheWindow(page);

		link(page, "KM dashboard").click();
		Locator value = page.locator("#value");
		assertThat(value).containsText("120 h");
		assertThat(value).containsText("4,500 EUR");
		assertThat(page.locator("#credits")).containsText("Shutdown checklist");
		assertThat(page.locator("#credits")).containsText("contributed to 1 story: 120 h saved, costs avoided 4,500 EUR");
		Locator improvement = page.locator("#improvement");
		assertThat(improvement).containsText("Lessons captured");
		assertThat(improvement).containsText("1, target at least 5");
		assertThat(page.locator("tr[data-metric=lessons-captured]")).containsText("Off target");
		fitsTheWindow(page);

		// the figure's records and its definition
		improvement.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Lessons captured")).click();
		assertThat(page.locator(".summary")).containsText("Lessons captured in the period.");

		page.navigate("/o/" + org.slug() + "/measurement");
		link(page, "Executive summary").click();
		assertThat(page.locator("#summary-value")).containsText("120 h");
		assertThat(page.locator("#summary-value")).containsText("Shutdown checklist");
		assertThat(page.locator("#summary-improvement")).containsText("Lessons captured");
		fitsTheWindow(page);
		// printed: the summary without the Print button
		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
		assertThat(page.locator("[data-print]")).isHidden();
		assertThat(page.locator("#summary-value")).isVisible();
		assertThat(page.locator("#summary-improvement")).isVisible();
	}
}
