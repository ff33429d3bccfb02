package org.tacit.recognition;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tacit.support.BrowserSupport.signIn;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.BrowserSupport;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Recognition in a real Chromium: a member's template is used by two others, one of whom thanks them
 * with kudos on their page; the member's record for the period shows both, their manager sees it in the
 * team view, and the CSV export holds it.
 */
@TacitTest
class RecognitionBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	RecognitionFixture f;

	@BeforeEach
	void setUp() {
		f = new RecognitionFixture(port, new TestData(context, port));
	}

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name).setExact(true);
	}

	private String org() {
		return "/o/" + f.org.slug();
	}

	@Test
	void reuseAndKudosShowInTheRecordTheTeamViewAndTheCsv() throws Exception {
		// two others use the template: one on its page, one through the API
		Page page = browser.page();
		signIn(page, f.user1.email());
		page.navigate(org() + "/items/" + f.template);
		page.getByLabel("What did you use it for? (optional)").fill("Quarterly report for the board");
		page.getByRole(AriaRole.BUTTON, named("I used this")).click();
		assertThat(page.locator("#uses")).containsText("Used once.");
		f.as(f.user2).post(f.base + "/items/" + f.template + "/uses", java.util.Map.of());

		// the first user thanks the author on the author's page
		page.navigate(org() + "/people/" + f.author.id() + "/kudos");
		page.getByLabel("What did they help you with?").fill("Your template saved me a day");
		page.getByLabel("About a record (optional)").fill(f.template);
		page.getByRole(AriaRole.BUTTON, named("Send kudos")).click();
		assertThat(page.locator(".notice")).hasText("Your kudos were sent.");
		assertThat(page.locator("#kudos-received")).containsText("Your template saved me a day");
		assertThat(page.locator("#kudos-received")).containsText("Quarterly report template");
		await().atMost(Duration.ofSeconds(20)).until(() -> f.as(f.author)
			.get(f.base + "/people/" + f.author.id() + "/ledger?kind=ITEM_REUSED")
			.json()
			.get("totalItems")
			.asLong() == 2);

		// the author's own record for the period shows both
		BrowserContext authorContext = browser.newContext();
		Page authors = authorContext.newPage();
		signIn(authors, f.author.email());
		authors.getByRole(AriaRole.LINK, named("Recognition")).click();
		assertThat(authors.getByRole(AriaRole.HEADING, named("Knowledge-sharing record of Person " + f.author.email())))
			.isVisible();
		assertThat(authors.locator("#record-reuse")).containsText("2 uses by 2 people");
		assertThat(authors.locator("#record-reuse")).containsText("Quarterly report template");
		assertThat(authors.locator("#record-kudos")).containsText("Your template saved me a day");

		// the manager sees it in the team view, and the export holds it
		BrowserContext managerContext = browser.newContext();
		Page managers = managerContext.newPage();
		signIn(managers, f.manager.email());
		managers.navigate(org() + "/people/" + f.manager.id() + "/record");
		managers.getByRole(AriaRole.LINK, named("Team records")).click();
		assertThat(managers.getByRole(AriaRole.HEADING, named("Team of Person " + f.manager.email()))).isVisible();
		var row = managers.locator("tr[data-person='" + f.author.id() + "']");
		assertThat(row.locator(".team-reuse")).hasText("2 by 2 people");
		assertThat(row.locator(".team-kudos")).hasText("1");
		Download download = managers.waitForDownload(() -> managers.locator("#team-csv").click());
		String csv = Files.readString(download.path());
		org.assertj.core.api.Assertions.assertThat(csv)
			.contains(",reuse,ITEM_REUSED,2,")
			.contains(",kudos,KUDOS_RECEIVED,1,")
			.contains("Your template saved me a day");

		// and the manager opens the member's record from the team view
		row.getByRole(AriaRole.LINK).click();
		assertThat(managers.locator("#record-reuse")).containsText("2 uses by 2 people");
		assertThat(managers.locator("#record-kudos")).containsText("Your template saved me a day");
	}
}
