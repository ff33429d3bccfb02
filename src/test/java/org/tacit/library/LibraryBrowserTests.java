package org.tacit.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.tacit.support.BrowserSupport.signIn;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.support.BrowserSupport;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The library in a real Chromium: contribute, review, publish, find, open; and the stale flag. */
@TacitTest
class LibraryBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData data;
	TestData.Org org;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		Http.api(port, org.admin().token())
			.post("/api/v1/orgs/" + org.slug() + "/spaces", Map.of("key", "OPS", "name", "Operations"));
	}

	private static Page.GetByRoleOptions named(String name) {
		return new Page.GetByRoleOptions().setName(name);
	}

	@Test
	void aContributionIsReviewedPublishedFoundAndOpened() {
		TestData.Person contributor = data.member(org, "CONTRIBUTOR");
		TestData.Person editor = data.member(org, "EDITOR");
		TestData.Person viewer = data.member(org, "VIEWER");

		Page author = browser.page();
		signIn(author, contributor.email());
		author.getByRole(AriaRole.LINK, named("Library")).click();
		author.getByRole(AriaRole.LINK, named("Operations")).click();
		author.getByRole(AriaRole.LINK, named("New item")).click();
		author.getByLabel("Title").fill("Night shift handover");
		author.getByLabel("Kind").selectOption("CHECKLIST");
		author.getByLabel("Body (Markdown)").fill("## Steps\n\n- Read the wombatlog\n- Sign the sheet");
		assertThat(author.locator("#preview h2")).hasText("Steps");
		author.getByRole(AriaRole.BUTTON, named("Save")).click();
		assertThat(author.getByRole(AriaRole.HEADING, named("Night shift handover"))).isVisible();
		author.getByRole(AriaRole.BUTTON, named("Submit for review")).click();
		assertThat(author.locator(".meta")).containsText("In review");

		Page reviewer = browser.newContext().newPage();
		signIn(reviewer, editor.email());
		reviewer.getByRole(AriaRole.LINK, named("Review")).click();
		reviewer.getByRole(AriaRole.LINK, named("Night shift handover")).click();
		reviewer.getByRole(AriaRole.BUTTON, named("Approve and publish")).click();
		assertThat(reviewer.locator(".meta")).containsText("Published");

		Page reader = browser.newContext().newPage();
		signIn(reader, viewer.email());
		reader.getByLabel("Search this organization").fill("wombatlog");
		reader.getByLabel("Search this organization").press("Enter");
		assertThat(reader).hasURL(Pattern.compile("/o/" + org.slug() + "/search\\?q=wombatlog"));
		reader.getByRole(AriaRole.MAIN).getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
			.setName("Night shift handover")).first().click();
		assertThat(reader.getByRole(AriaRole.HEADING, named("Night shift handover"))).isVisible();
		assertThat(reader.locator("article")).containsText("Read the wombatlog");
	}

	@Test
	void aStaleItemIsFlaggedUntilItsOwnerVerifiesIt() {
		TestData.Person owner = data.member(org, "EDITOR");
		Http api = Http.api(port, owner.token());
		String base = "/api/v1/orgs/" + org.slug() + "/items";
		String id = api.post(base, Map.of("space", "OPS", "kind", "ARTICLE", "title", "Fire drill guidance", "body", "Go"))
			.json()
			.get("id")
			.asString();
		api.post(base + "/" + id + "/transitions", Map.of("to", "IN_REVIEW"));
		api.post(base + "/" + id + "/transitions", Map.of("to", "PUBLISHED"));
		jdbc.sql("UPDATE library_item SET review_by = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(3), UUID.fromString(id))
			.update();

		Page page = browser.page();
		signIn(page, owner.email());
		page.navigate("/o/" + org.slug() + "/spaces/OPS?stale=true");
		assertThat(page.locator("tbody tr")).containsText("Stale");
		page.getByRole(AriaRole.LINK, named("Fire drill guidance")).click();
		assertThat(page.locator(".meta .stale")).isVisible();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("due for review");

		page.getByRole(AriaRole.BUTTON, named("Verify: still right")).click();

		assertThat(page.locator(".notice")).containsText("Verified");
		assertThat(page.locator(".meta .stale")).hasCount(0);
		page.navigate("/o/" + org.slug() + "/review");
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("None of your items is past its review date.");
	}
}
