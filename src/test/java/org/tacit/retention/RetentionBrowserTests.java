package org.tacit.retention;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.tacit.support.BrowserSupport.signIn;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.BrowserSupport;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Knowledge retention in a real Chromium: a person retiring in six months with critical knowledge is a
 * high risk; a plan with an interview and mentoring is made; the interview notes are captured as an
 * item; coverage rises. And the expert finder finds the person the notes came from.
 */
@TacitTest
class RetentionBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		new LibraryFixture(port, org).space("OPS");
	}

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void aRetiringExpertsKnowledgeIsPlannedCapturedAndCovered() {
		TestData.Person km = data.member(org, "KNOWLEDGE_MANAGER");
		TestData.Person retiring = data.member(org, "CONTRIBUTOR");
		TestData.Person successor = data.member(org, "CONTRIBUTOR");
		LocalDate sixMonths = LocalDate.now(ZoneOffset.UTC).plusMonths(6);
		Page page = browser.page();
		signIn(page, km.email());

		page.getByRole(AriaRole.LINK, named("Risk register")).click();
		page.getByRole(AriaRole.LINK, named("Add an entry")).click();
		page.getByLabel("Person (email)").fill(retiring.email());
		page.getByLabel("Knowledge area 1").fill("Overhaul of the steam turbines, learned over 30 years");
		page.getByLabel("Tags of area 1").fill("turbines, overhaul");
		page.getByLabel("Kind of departure").selectOption("RETIREMENT");
		page.locator("#departureDate").fill(sixMonths.toString());
		page.getByLabel("Criticality").selectOption("5");
		page.getByLabel("Uniqueness").selectOption("5");
		page.getByLabel("Documentation gap").selectOption("4");
		page.getByRole(AriaRole.BUTTON, named("Add the entry")).click();

		assertThat(page.getByRole(AriaRole.HEADING, named("Knowledge-loss risk: Person " + retiring.email()))).isVisible();
		assertThat(page.locator(".meta .badge")).hasText("High risk, 25");
		assertThat(page.locator(".scores")).containsText("in 6 months");

		page.getByRole(AriaRole.LINK, named("Risk register")).click();
		page.getByRole(AriaRole.LINK, named("Retention overview")).click();
		assertThat(page.locator("#coverage .figure-value")).hasText("0%");
		assertThat(page.locator(".unplanned")).containsText("Person " + retiring.email());

		page.getByRole(AriaRole.LINK, named("Person " + retiring.email())).click();
		page.getByLabel("Successors").fill(successor.email());
		page.getByLabel("Structured interview").check();
		page.getByLabel("Mentoring").check();
		page.getByRole(AriaRole.BUTTON, named("Make the plan")).click();
		assertThat(page.getByRole(AriaRole.HEADING, named("Knowledge transfer plan: Person " + retiring.email())))
			.isVisible();
		assertThat(page.locator(".scores")).containsText("Structured interview, Mentoring");

		Locator addTask = page.locator("form.add-task");
		addTask.getByLabel("Task").fill("Structured interview on turbine overhaul");
		addTask.getByLabel("Method").selectOption("INTERVIEW");
		addTask.getByLabel("Owner (email)").fill(successor.email());
		addTask.getByLabel("Due").fill(sixMonths.minusMonths(3).toString());
		addTask.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the task")).click();
		assertThat(page.locator("#tasks tbody")).containsText("Structured interview on turbine overhaul");

		page.getByLabel("Library space (key)").fill("OPS");
		page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill("Interview notes: turbine overhaul");
		page.getByLabel("Notes (Markdown)").fill("## Seals\n\nAlways replace both seals, never one.");
		page.getByLabel("Tags (comma-separated)").fill("turbines");
		page.getByRole(AriaRole.BUTTON, named("Save as a draft item")).click();
		assertThat(page.locator(".notice")).containsText("Interview notes: turbine overhaul was captured");
		page.locator("#outputs").getByRole(AriaRole.LINK,
				new Locator.GetByRoleOptions().setName("Interview notes: turbine overhaul")).click();
		assertThat(page.locator("article")).containsText("Always replace both seals");

		page.navigate("/o/" + org.slug() + "/risks/overview");
		assertThat(page.locator("#coverage .figure-value")).hasText("100%");
		assertThat(page.locator("td[data-attrition='5'][data-position='5']")).hasText("1");
		assertThat(page.locator(".unplanned")).hasCount(0);
	}

	@Test
	void aPersonDeclaresExpertiseAndIsFoundByTopic() {
		TestData.Person engineer = data.member(org, "CONTRIBUTOR");
		TestData.Person colleague = data.member(org, "VIEWER");
		Page page = browser.page();
		signIn(page, engineer.email());
		page.navigate("/o/" + org.slug() + "/people/" + engineer.id());
		page.getByRole(AriaRole.LINK, named("Edit my profile")).click();
		page.getByLabel("Area 1", new Page.GetByLabelOptions().setExact(true)).fill("cathodic protection");
		page.getByLabel("Level of area 1").selectOption("5");
		page.getByLabel("Ask me about").fill("Corrosion of buried pipelines");
		page.getByRole(AriaRole.BUTTON, named("Save the profile")).click();
		assertThat(page.locator(".notice")).containsText("The profile was saved.");
		assertThat(page.locator(".expertise-areas")).containsText("cathodic-protection");

		Page other = browser.newContext().newPage();
		signIn(other, colleague.email());
		other.getByRole(AriaRole.LINK, named("Experts")).click();
		other.getByLabel("Topic").fill("cathodic");
		assertThat(other.locator(".expert h3")).hasText("Person " + engineer.email());
		assertThat(other).hasURL(Pattern.compile("topic=cathodic"));
		other.getByRole(AriaRole.LINK, named("Person " + engineer.email())).click();
		assertThat(other.getByRole(AriaRole.MAIN)).containsText("Corrosion of buried pipelines");
	}
}
