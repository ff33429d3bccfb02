package org.tacit.organizations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.organizations.internal.FirstStart;
import org.tacit.support.BrowserSupport;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * The first browser test of the foundation, in a real Chromium: first-start setup, sign in, create an
 * organization, see it listed, sign out.
 */
@TacitTest
class FirstStartBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FirstStart firstStart;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	/** Other tests leave accounts in the shared database; an empty installation table shows the setup page again. */
	@BeforeEach
	void emptyInstallation() {
		jdbc.sql("DELETE FROM organizations_installation").update();
		firstStart.reset();
	}

	/** Whatever happened, leave the installation set up for the other tests. */
	@AfterEach
	void restoreInstallation() {
		new TestData(context, port).installed();
	}

	@Test
	void firstStartSetupSignInCreateAnOrganizationSeeItListedSignOut() {
		Page page = browser.page();
		String email = TestData.unique("admin") + "@example.org";

		// an empty installation sends every page to the setup
		page.navigate("/");
		assertThat(page).hasURL(Pattern.compile("/setup$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set up Tacit"))).isVisible();

		// the two passwords differ: the error is shown with the field, and nothing is created
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Ada Admin");
		page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(email);
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(TestData.PASSWORD);
		page.getByLabel("Repeat the password").fill(TestData.PASSWORD + " typo");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the administrator")).click();

		assertThat(page).hasURL(Pattern.compile("/setup$"));
		assertThat(page.getByLabel("Repeat the password")).hasAttribute("aria-invalid", "true");
		assertThat(page.getByLabel("Repeat the password"))
			.hasAccessibleDescription("The two passwords are not the same.");
		assertThat(page.locator(".field").filter(new Locator.FilterOptions()
			.setHas(page.getByLabel("Repeat the password")))
			.locator(".field-error")).hasText("The two passwords are not the same.");
		assertThat(page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true))).hasValue(email);
		assertThat(installations()).isZero();
		assertThat(accountsWithEmail(email)).isZero();

		// filled in right, with the demo organization (checked by default)
		page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(TestData.PASSWORD);
		page.getByLabel("Repeat the password").fill(TestData.PASSWORD);
		assertThat(page.getByLabel("Also create a demo organization to explore")).isChecked();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the administrator")).click();

		assertThat(page).hasURL(Pattern.compile("/login\\?setUp$"));
		assertThat(page.getByRole(AriaRole.STATUS))
			.hasText("Tacit is set up. Sign in with the administrator account you just created.");
		assertThat(installations()).isOne();
		assertThat(accountsWithEmail(email)).isOne();

		// setup happens once: the setup page now sends to the sign-in page
		page.navigate("/setup");
		assertThat(page).hasURL(Pattern.compile("/login$"));

		// sign in: the administrator is a member of the demo organization, which opens
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(TestData.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

		assertThat(page).hasURL(Pattern.compile("/o/demo-organization[a-z0-9-]*$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(FirstStart.DEMO_NAME);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();

		// create an organization; its name sorts it onto the first page of the list, before the tests' others
		String name = "Aardvark " + TestData.unique("browser");
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Organizations"))
			.click();
		assertThat(page).hasURL(Pattern.compile("/orgs$"));
		page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create organization")).click();

		assertThat(page).hasURL(Pattern.compile("/orgs$"));
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("The organization was created.");
		assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name)))
			.containsText("Administrator");

		// open it
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
		assertThat(page).hasURL(Pattern.compile("/o/aardvark-browser-[a-z0-9-]+$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(name);
		assertThat(page.getByLabel("Organization", new Page.GetByLabelOptions().setExact(true)))
			.hasValue(page.url().substring(page.url().lastIndexOf('/') + 1));

		// sign out, and the pages are closed again
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		assertThat(page).hasURL(Pattern.compile("/login\\?signedOut$"));
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");

		page.navigate("/orgs");
		assertThat(page).hasURL(Pattern.compile("/login$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
	}

	private long installations() {
		return jdbc.sql("SELECT COUNT(*) FROM organizations_installation").query(Long.class).single();
	}

	private long accountsWithEmail(String email) {
		return jdbc.sql("SELECT COUNT(*) FROM organizations_person WHERE email = ?")
			.param(email)
			.query(Long.class)
			.single();
	}
}
