package org.tacit.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.BrowserSupport;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** The search box and page in a real Chromium: typing, the keyboard, facets and the layout's width. */
@TacitTest
class SearchBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData.Org org;
	Page page;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		String longWord = "Supercalifragilisticexpialidocious".repeat(8);
		new SearchFixtures(context).put(
				SearchFixtures.doc(org.id(), "Quarterly planning guide " + longWord).kind("ARTICLE")
					.tags("planning", longWord).space("strategy-" + longWord, "Strategy " + longWord)
					.owner(java.util.UUID.randomUUID(), "Owner " + longWord)
					.text("How we plan each quarter. " + longWord + " and more planning words.").build(),
				SearchFixtures.doc(org.id(), "Planning checklist").kind("CHECKLIST").stale().text("Steps.").build());
		page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
		page.navigate("/login");
		page.getByLabel("Email").fill(org.admin().email());
		page.getByLabel("Password").fill(TestData.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page).hasURL(Pattern.compile("/o/" + org.slug() + "$"));
	}

	@Test
	void answersAppearWhileTypingAndTheKeyboardReachesThemOrSubmitsTheSearch() {
		page.getByLabel("Search this organization").pressSequentially("planni");

		assertThat(page.locator("#site-search-answers")).containsText("Planning checklist");
		page.keyboard().press("Tab");
		assertThat(page.locator("#site-search-answers a").first()).isFocused();
		page.keyboard().press("Shift+Tab");
		page.keyboard().press("Escape");
		assertThat(page.locator("#site-search-answers")).isEmpty();

		page.keyboard().press("End");
		page.keyboard().type("ng");
		page.getByLabel("Search this organization").press("Enter");
		assertThat(page).hasURL(Pattern.compile("/o/" + org.slug() + "/search\\?q=planning$"));
		assertThat(page.locator("#results-heading")).hasText("2 results for “planning”");
	}

	@Test
	void facetsNarrowTheResultsAndTheSearchPageFitsALaptopScreen() {
		page.navigate("/o/" + org.slug() + "/search?q=planning");
		assertThat(page.locator(".hit")).hasCount(2);

		Object widths = page.evaluate("() => document.documentElement.scrollWidth + ' <= ' + window.innerWidth");
		assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
			.as("page width %s", widths).isEqualTo(true);

		page.getByRole(AriaRole.COMPLEMENTARY).getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
			.setName("Checklist")).click();
		assertThat(page.locator(".hit")).hasCount(1);
		assertThat(page.locator(".hit")).containsText("Stale");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Kind: Checklist"))).click();
		assertThat(page.locator(".hit")).hasCount(2);
	}
}
