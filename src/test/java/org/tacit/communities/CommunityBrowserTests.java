package org.tacit.communities;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.BrowserSupport;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * A community in a real Chromium, from proposal to knowledge: the launch is refused with its reasons,
 * the charter is completed, the community launches, a question gets an accepted answer, the answer
 * becomes a FAQ item, and someone else finds it in search.
 */
@TacitTest
class CommunityBrowserTests {

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
	}

	private static void signIn(Page page, String email) {
		page.navigate("/login");
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(TestData.PASSWORD);
		page.getByRole(AriaRole.BUTTON, named("Sign in")).click();
		assertThat(page).not().hasURL(Pattern.compile("/login"));
	}

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name);
	}

	private static Page.GetByRoleOptions exactly(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	@Test
	void fromProposalThroughTheCharterGateToAnAnswerEveryoneFinds() {
		TestData.Person sponsor = data.member(org, "KNOWLEDGE_MANAGER");
		TestData.Person leaderPerson = data.member(org, "CONTRIBUTOR");
		TestData.Person askerPerson = data.member(org, "VIEWER");
		TestData.Person reader = data.member(org, "VIEWER");

		Page leader = browser.page();
		signIn(leader, leaderPerson.email());
		leader.getByRole(AriaRole.LINK, named("Communities")).first().click();
		leader.getByRole(AriaRole.LINK, named("Propose a community")).click();
		leader.getByLabel("Name").fill("Hydraulics practice");
		leader.getByLabel("What the community is about").fill("Everything about pumps, valves and seals");
		leader.getByLabel("Domain").fill("hydraulics, maintenance");
		leader.getByRole(AriaRole.BUTTON, named("Propose the community")).click();
		assertThat(leader.locator(".notice")).containsText("The community was proposed");

		// the gate: the launch is refused, and every missing part is listed
		leader.getByRole(AriaRole.BUTTON, named("Launch the community")).click();
		assertThat(leader.locator(".alert")).containsText("The community cannot launch yet");
		Locator missing = leader.locator("#missing");
		assertThat(missing).containsText("4 parts are missing before launch");
		assertThat(missing).containsText("Write the community’s purpose.");
		assertThat(missing).containsText("Name a sponsor.");
		assertThat(missing).containsText("Name a leader.");
		assertThat(missing).containsText("List deliverables with target dates, or state the capability");

		leader.getByLabel("Purpose").fill("Keep the presses running: share fixes for hydraulic faults.");
		leader.getByLabel("Person 1 (email)").fill(sponsor.email());
		leader.getByLabel("Responsibilities of person 1").fill("Gives the community time and removes obstacles");
		leader.getByLabel("Person 2 (email)").fill(leaderPerson.email());
		leader.getByLabel("Responsibilities of person 2").fill("Runs the monthly meeting and answers questions");
		leader.getByLabel("Deliverable 1", new Page.GetByLabelOptions().setExact(true)).fill("Seal replacement guide");
		leader.getByLabel("Target date of deliverable 1").fill("2030-05-31");
		leader.getByLabel("Meeting rhythm").fill("First Tuesday of the month");
		leader.getByRole(AriaRole.BUTTON, named("Save the charter")).click();
		assertThat(leader.locator("#missing")).containsText("Nothing is missing: the community can launch.");

		leader.getByRole(AriaRole.BUTTON, named("Launch the community")).click();
		assertThat(leader.locator(".notice")).containsText("The community has launched");
		assertThat(leader.locator(".meta .badge").first()).hasText("Launched");

		// a member asks
		Page asker = browser.newContext().newPage();
		signIn(asker, askerPerson.email());
		asker.navigate(leader.url());
		asker.getByRole(AriaRole.BUTTON, named("Join")).click();
		assertThat(asker.locator(".notice")).containsText("You are a member now.");
		asker.getByRole(AriaRole.LINK, named("Ask a question")).first().click();
		asker.getByLabel("Your question").fill("How do we stop the flumox valve from weeping?");
		asker.getByLabel("Text (Markdown)").fill("It weeps oil **after** every restart.");
		assertThat(asker.locator("#preview strong")).hasText("after");
		asker.getByRole(AriaRole.BUTTON, named("Ask the question")).click();
		assertThat(asker.getByRole(AriaRole.HEADING, named("How do we stop the flumox valve from weeping?"))).isVisible();

		// the leader answers
		leader.navigate(asker.url());
		leader.getByLabel("Your answer (Markdown)").fill("Replace the O-ring with a **Viton** one and torque to spec.");
		leader.getByRole(AriaRole.BUTTON, named("Post your answer")).click();
		assertThat(leader.locator(".notice")).containsText("Your answer was posted.");

		// the asker accepts it
		asker.reload();
		asker.getByRole(AriaRole.BUTTON, named("Accept the answer by Person " + leaderPerson.email())).click();
		assertThat(asker.locator(".notice")).containsText("The answer was accepted.");
		assertThat(asker.locator(".post.accepted")).containsText("Viton");
		assertThat(asker.locator(".meta .badge").first()).hasText("Answered");

		// the leader promotes it into the FAQ of the community's space
		leader.reload();
		leader.getByRole(AriaRole.BUTTON, named("Promote the answer by Person " + leaderPerson.email() + " to a FAQ item"))
			.click();
		assertThat(leader.locator(".notice")).containsText("The answer is now a FAQ item");
		assertThat(leader.locator(".meta")).containsText("FAQ");
		assertThat(leader.locator(".meta")).containsText("Published");

		// someone else finds it in the one search box
		Page other = browser.newContext().newPage();
		signIn(other, reader.email());
		other.getByLabel("Search this organization").fill("flumox");
		other.getByLabel("Search this organization").press("Enter");
		Locator results = other.getByRole(AriaRole.MAIN);
		assertThat(results.locator(".hit").filter(new Locator.FilterOptions().setHasText("FAQ"))).not().hasCount(0);
		results.locator(".hit").filter(new Locator.FilterOptions().setHasText("FAQ"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("How do we stop the flumox valve from weeping?"))
			.first()
			.click();
		assertThat(other.locator("article")).containsText("Viton");
		assertThat(other.locator(".meta")).containsText("Person " + leaderPerson.email());
	}
}
