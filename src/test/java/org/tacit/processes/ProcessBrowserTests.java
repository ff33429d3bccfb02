package org.tacit.processes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.BrowserSupport;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * A process map in a real Chromium: upload a diagram with lanes, click a step in the drawn map, link a
 * checklist in its side panel, upload a new version without that step, and find the orphaned link.
 */
@TacitTest
class ProcessBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path folder;

	TestData.Org org;

	@BeforeEach
	void setUp() {
		org = new TestData(context, port).org();
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("SALES");
		library.published("SALES", "CHECKLIST", "Wombatwise order checklist", "- [ ] the address is complete");
		Http admin = Http.api(port, org.admin().token());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				admin.get("/api/v1/orgs/" + org.slug() + "/search?q=wombatwise").json().get("total").asInt())
			.isEqualTo(1));
	}

	private Page signedIn() {
		Page page = browser.page();
		page.navigate("/login");
		page.getByLabel("Email").fill(org.admin().email());
		page.getByLabel("Password").fill(TestData.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page).not().hasURL(Pattern.compile("/login"));
		return page;
	}

	private Path file(String name) throws IOException {
		Path path = folder.resolve(name.replace('/', '-'));
		Files.write(path, BpmnReaderTests.file(name));
		return path;
	}

	@Test
	void aLinkedStepRemovedByANewVersionLeavesAnOrphanedLink() throws IOException {
		Page page = signedIn();
		page.navigate("/o/" + org.slug() + "/processes");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Process maps"))).isVisible();
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Order handling");
		page.getByLabel("BPMN 2.0 diagram (optional)").setInputFiles(file("order-v1.bpmn"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add process")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Order handling").setLevel(1)))
			.isVisible();

		// the map is drawn from the DI, lanes included, and every step can be clicked
		Locator canvas = page.locator("#process-canvas");
		assertThat(canvas).hasAttribute("data-ready", "true");
		assertThat(canvas.locator("[data-element-id=Lane_Warehouse]")).isVisible();
		Locator check = canvas.locator("g.djs-element[data-element-id=Task_Check]");
		assertThat(check).isVisible();
		assertThat(check).not().hasClass(Pattern.compile("has-knowledge"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoom in")).click();
		check.click();

		Locator panel = page.locator("#step-panel");
		assertThat(panel.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Check the order")))
			.isVisible();
		assertThat(panel).containsText("Lane: Sales");
		assertThat(panel).containsText("knowledge gap");
		assertThat(page).hasURL(Pattern.compile("step=Task_Check"));

		panel.getByLabel("Find guidance, templates, checklists, work samples, lessons or communities").fill("wombatwise");
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Find")).click();
		panel.getByPlaceholder("Why it helps (optional)").fill("Run it for every order");
		panel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Link Wombatwise order checklist to this step"))
			.click();
		assertThat(panel.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Wombatwise order checklist")))
			.isVisible();
		assertThat(panel).containsText("Run it for every order");
		assertThat(check).hasClass(Pattern.compile("has-knowledge"));

		// a new version without the step: the link is orphaned, for the owner to re-attach or drop
		page.getByLabel("BPMN 2.0 file").setInputFiles(file("order-v2.bpmn"));
		page.getByLabel("What changed (optional)").fill("Checking became verifying");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();
		Locator orphans = page.locator("#orphans");
		assertThat(orphans.getByRole(AriaRole.HEADING)).hasText("Links whose step was removed");
		assertThat(orphans).containsText("Wombatwise order checklist");
		assertThat(orphans).containsText("was on step \"Check the order\" until version 2");
		assertThat(page.locator(".notice")).containsText("1 links lost their step");
		assertThat(page.locator("#process-canvas")).hasAttribute("data-ready", "true");
		assertThat(page.locator("#process-canvas g.djs-element[data-element-id=Task_Verify]")).isVisible();

		orphans.getByLabel("Attach to").selectOption("Task_Verify");
		orphans.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Re-attach")).click();
		assertThat(page.locator(".notice")).containsText("attached");
		assertThat(page.locator("#orphans")).hasCount(0);
		assertThat(page.locator("#process-canvas g.djs-element[data-element-id=Task_Verify]"))
			.hasClass(Pattern.compile("has-knowledge"));
	}
}
