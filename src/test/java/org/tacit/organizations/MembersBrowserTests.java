package org.tacit.organizations;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
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

/** The members pages in a real Chromium: add, refuse, change role, deactivate; sign-in by keyboard; switcher; layout. */
@TacitTest
class MembersBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		data.installed();
	}

	@Test
	void administratorAddsAMemberChangesTheirRoleAndDeactivatesThem() {
		TestData.Org org = data.org();
		Page page = browser.page();
		signIn(page, org.admin().email(), TestData.PASSWORD);
		assertThat(page).hasURL(Pattern.compile("/o/" + org.slug() + "$"));
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main navigation"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Members"))
			.click();
		assertThat(page).hasURL(Pattern.compile("/o/" + org.slug() + "/members$"));

		// add a new person
		String email = TestData.unique("grace") + "@example.org";
		String name = "Grace " + TestData.unique("member");
		page.getByLabel("Email", EXACT).fill(email);
		page.getByLabel("Role", EXACT).selectOption(new SelectOption().setLabel("Editor"));
		page.getByLabel("Name", EXACT).fill(name);
		page.getByLabel("Initial password").fill(TestData.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member")).click();

		assertThat(page).hasURL(Pattern.compile("/o/" + org.slug() + "/members$"));
		assertThat(page.getByRole(AriaRole.STATUS)).hasText(email + " was added.");
		Locator row = memberRow(page, email);
		assertThat(row.getByRole(AriaRole.CELL).first()).hasText(name);
		assertThat(page.getByLabel("Role of " + name)).hasValue("EDITOR");
		assertThat(row).containsText("Active");

		// an invalid email is refused next to its field, and adds nobody
		page.getByLabel("Email", EXACT).fill("someone@example");
		page.getByLabel("Name", EXACT).fill("Nobody");
		page.getByLabel("Initial password").fill(TestData.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add member")).click();

		Locator emailField = page.getByLabel("Email", EXACT);
		assertThat(emailField).hasAttribute("aria-invalid", "true");
		assertThat(emailField).hasValue("someone@example");
		assertThat(emailField).hasAccessibleDescription("This is not an email address.");
		assertThat(page.locator(".field").filter(new Locator.FilterOptions().setHas(emailField)).locator(".field-error"))
			.hasText("This is not an email address.");
		assertThat(page.getByRole(AriaRole.ALERT)).hasText("Some of the input is not valid; see the fields.");
		assertThat(page.getByLabel("Name", EXACT)).hasAttribute("aria-invalid", "false");
		assertThat(memberRow(page, "someone@example")).hasCount(0);
		assertThat(page.locator("#member-results tbody tr")).hasCount(2);

		// the new member signs in, in a browser of their own
		Page membersBrowser = browser.newContext().newPage();
		signIn(membersBrowser, email, TestData.PASSWORD);
		assertThat(membersBrowser).hasURL(Pattern.compile("/o/" + org.slug() + "$"));

		// change their role with the select of their row
		page.navigate("/o/" + org.slug() + "/members");
		page.getByLabel("Role of " + name).selectOption("VIEWER");
		memberRow(page, email).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save role")).click();

		assertThat(page.getByRole(AriaRole.STATUS)).hasText("The role of " + email + " was changed.");
		assertThat(page.getByLabel("Role of " + name)).hasValue("VIEWER");

		// deactivating asks first; cancel changes nothing
		memberRow(page, email).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Deactivate")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Deactivate account")))
			.isVisible();
		assertThat(page.getByRole(AriaRole.MAIN)).containsText(name + " (" + email + ") will be signed out at once");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel")).click();

		assertThat(page).hasURL(Pattern.compile("/o/" + org.slug() + "/members$"));
		assertThat(page.getByRole(AriaRole.STATUS)).hasCount(0);
		assertThat(memberRow(page, email)).containsText("Active");
		membersBrowser.reload();
		assertThat(membersBrowser).hasURL(Pattern.compile("/o/" + org.slug() + "$"));

		// confirmed, the account is deactivated
		memberRow(page, email).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Deactivate")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate")).click();

		assertThat(page).hasURL(Pattern.compile("/o/" + org.slug() + "/members$"));
		assertThat(page.getByRole(AriaRole.STATUS)).containsText(email + " was deactivated");
		assertThat(memberRow(page, email)).containsText("Deactivated");
		assertThat(memberRow(page, email).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reactivate")))
			.isVisible();

		// the member's session, signed in before, ends at once: their next page is the sign-in page
		membersBrowser.navigate("/o/" + org.slug() + "/members");
		assertThat(membersBrowser).hasURL(Pattern.compile("/login(\\?expired)?$"));
		assertThat(membersBrowser.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in")))
			.isVisible();
	}

	@Test
	void signInWorksWithTheKeyboard() {
		TestData.Org org = data.org();
		Page page = browser.page();
		page.navigate("/login");

		Locator email = page.getByLabel("Email");
		Locator password = page.getByLabel("Password");
		Locator signIn = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"));
		assertThat(email).isFocused();
		page.keyboard().type(org.admin().email());
		page.keyboard().press("Tab");
		assertThat(password).isFocused();
		page.keyboard().press("Tab");
		assertThat(signIn).isFocused();

		page.keyboard().press("Shift+Tab");
		assertThat(password).isFocused();
		page.keyboard().type(TestData.PASSWORD);
		page.keyboard().press("Enter");

		assertThat(page).hasURL(Pattern.compile("/o/" + org.slug() + "$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(orgName(org));
	}

	@Test
	void theSwitcherListsThePersonsOrganizationsAndSwitchesBetweenThem() {
		TestData.Org first = data.org();
		TestData.Org second = data.org();
		// a plain member: site administrators act as administrators everywhere
		TestData.Person person = data.member(first, "ADMIN");
		Http.Response added = Http.api(port, second.admin().token())
			.post("/api/v1/orgs/" + second.slug() + "/members", Map.of("person", person.email(), "role", "VIEWER"));
		assertThat(added.status()).isEqualTo(201);
		Page page = browser.page();
		signIn(page, person.email(), TestData.PASSWORD);
		page.navigate("/o/" + first.slug());

		Locator switcher = page.getByLabel("Organization", EXACT);
		String[] names = Stream.of(orgName(first), orgName(second)).sorted(String.CASE_INSENSITIVE_ORDER)
			.toArray(String[]::new);
		assertThat(switcher.locator("option")).hasText(names);
		assertThat(switcher).hasValue(first.slug());
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(orgName(first));

		switcher.selectOption(second.slug());

		assertThat(page).hasURL(Pattern.compile("/o/" + second.slug() + "$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(orgName(second));
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("Your role here: Viewer.");
		assertThat(page.getByLabel("Organization", EXACT)).hasValue(second.slug());
	}

	@Test
	void theMembersPageHasNoHorizontalScrollOnALaptopScreen() {
		TestData.Org org = data.org();
		data.member(org, "KNOWLEDGE_MANAGER");
		data.member(org, "CONTRIBUTOR");
		Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768)).newPage();
		signIn(page, org.admin().email(), TestData.PASSWORD);
		page.navigate("/o/" + org.slug() + "/members");
		assertThat(page.locator("#member-results tbody tr")).hasCount(3);

		Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
		Object widths = page.evaluate("() => document.documentElement.scrollWidth + ' > ' + window.innerWidth");

		assertThat(fits).as("page width %s", widths).isEqualTo(true);
	}

	private static void signIn(Page page, String email, String password) {
		page.navigate("/login");
		page.getByLabel("Email").fill(email);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page).not().hasURL(Pattern.compile("/login"));
	}

	private static Locator memberRow(Page page, String email) {
		return page.locator("#member-results tbody tr").filter(new Locator.FilterOptions().setHasText(email));
	}

	private static String orgName(TestData.Org org) {
		return "Org " + org.slug();
	}
}
