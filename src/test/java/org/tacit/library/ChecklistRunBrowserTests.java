package org.tacit.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tacit.support.BrowserSupport.signIn;

import java.util.Map;

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
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** A checklist run in a real Chromium: steps ticked with the keyboard (sent by htmx), and a layout that fits a laptop. */
@TacitTest
class ChecklistRunBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	TestData.Person viewer;
	String item;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		viewer = data.member(org, "VIEWER");
		Http admin = Http.api(port, org.admin().token());
		String api = "/api/v1/orgs/" + org.slug();
		admin.post(api + "/spaces", Map.of("key", "OPS", "name", "Operations"));
		String longWord = "https://example.org/" + "very-long-path-segment-".repeat(12);
		String id = admin.post(api + "/items", Map.of("space", "OPS", "kind", "CHECKLIST", "title", "Night shift handover",
				"body", "## Before you leave\n\n- [ ] Write the log at " + longWord + "\n- [ ] Hand over the keys\n"))
			.json()
			.get("id")
			.asString();
		admin.post(api + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW"));
		admin.post(api + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED"));
		admin.post(api + "/items/" + id + "/comments", Map.of("body", "See " + longWord));
		item = "/o/" + org.slug() + "/items/" + id;
	}

	private static void fitsTheWindow(Page page) {
		Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
		Object widths = page.evaluate("() => document.documentElement.scrollWidth + ' > ' + window.innerWidth");
		assertThat(fits).as("page width %s on %s", widths, page.url()).isEqualTo(true);
	}

	@Test
	void aStepIsTickedWithTheKeyboardAndTheRunFinished() {
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
		signIn(page, viewer.email());
		page.navigate(item);
		fitsTheWindow(page);

		page.getByLabel("Title of the run (optional)").fill("Night shift 24 Nov");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start a run")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Night shift 24 Nov");
		fitsTheWindow(page);

		page.getByLabel("Hand over the keys").focus();
		page.keyboard().press("Space");
		assertThat(page.locator("#run-progress")).hasText("1 of 2 steps done");
		assertThat(page.locator("#step-2")).containsText("Ticked by Person " + viewer.email());
		assertThat(page.getByLabel("Hand over the keys")).isChecked();
		assertThat(page.getByLabel("Hand over the keys")).isFocused();

		page.getByLabel("Note on step 2").fill("Keys are with Sam");
		page.keyboard().press("Enter");
		assertThat(page.locator("#step-2")).containsText("Note by Person " + viewer.email());

		page.getByLabel("Closing note (optional)").fill("Quiet night");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish the run")).click();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Finished by Person " + viewer.email());
		assertThat(page.getByLabel("Hand over the keys")).isDisabled();
		assertThat(page.getByLabel("Note on step 2")).hasCount(0);
		fitsTheWindow(page);

		page.navigate(item);
		assertThat(page.locator("#runs tbody tr")).hasCount(1);
		assertThat(page.locator("#runs tbody tr")).containsText("1 of 2");
	}
}
