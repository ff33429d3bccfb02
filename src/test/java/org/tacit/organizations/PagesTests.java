package org.tacit.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** The server-rendered pages: what they show, how forms refuse bad input, and confirmations. */
@TacitTest
class PagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	Http browser;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		browser = Http.browser(port);
		browser.signIn(org.admin().email(), TestData.PASSWORD);
	}

	@Test
	void everyPageOfTheShellRenders() {
		String base = "/o/" + org.slug();
		for (String page : new String[] { "/orgs", base, base + "/members", base + "/audit", base + "/settings",
				"/account" }) {
			Http.Response response = browser.get(page);
			assertThat(response.status()).as(page).isEqualTo(200);
			assertThat(response.body()).as(page).contains("<main id=\"main\"").contains("Sign out")
				.doesNotContain("??");
		}
	}

	@Test
	void navigationShowsAdministratorLinksOnlyToAdministrators() {
		TestData.Person viewer = data.member(org, "VIEWER");
		Http viewerBrowser = Http.browser(port);
		viewerBrowser.signIn(viewer.email(), TestData.PASSWORD);

		assertThat(browser.get("/o/" + org.slug()).body()).contains("Audit log").contains("Settings");
		String viewerHome = viewerBrowser.get("/o/" + org.slug()).body();
		assertThat(viewerHome).doesNotContain("Audit log").doesNotContain(">Settings<").contains("Members");
		assertThat(viewerBrowser.get("/o/" + org.slug() + "/members").body()).doesNotContain("Add a member");
		assertThat(viewerBrowser.get("/o/" + org.slug() + "/settings").status()).isEqualTo(403);
	}

	@Test
	void afterSignInTheHomePageIsTheOrganization() {
		assertThat(browser.get("/").location()).endsWith("/o/" + org.slug());
	}

	@Test
	void addingAMemberWithBadInputShowsTheErrorsBesideTheFieldsAndAddsNobody() {
		String members = "/o/" + org.slug() + "/members";

		Http.Response refused = browser.submit(members, members,
				Map.of("person", "not-an-email", "role", "EDITOR", "name", "", "password", ""));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"person-error\"").contains("This is not an email address.")
			.contains("aria-invalid=\"true\"").contains("value=\"not-an-email\"");
		assertThat(Http.api(port, org.admin().token()).get("/api/v1/orgs/" + org.slug() + "/members")
			.json()
			.get("totalItems")
			.asInt()).isEqualTo(1);
	}

	@Test
	void membersAreAddedAndRemovedAfterConfirmation() {
		String members = "/o/" + org.slug() + "/members";
		String email = TestData.unique("page") + "@example.org";

		Http.Response added = browser.submit(members, members,
				Map.of("person", email, "role", "EDITOR", "name", "Paula Page", "password", "initial password"));
		assertThat(added.location()).endsWith(members);
		assertThat(browser.get(members).body()).contains(email).contains("was added");

		String confirm = members + "/" + email + "/remove";
		Http.Response confirmation = browser.get(confirm);
		assertThat(confirmation.body()).contains("Remove member").contains("Paula Page").contains("Cancel");
		assertThat(browser.get(members).body()).contains(email);

		Http.Response removed = browser.submit(confirm, confirm, Map.of());
		assertThat(removed.location()).endsWith(members);
		assertThat(browser.get(members).body()).doesNotContain("<td class=\"wrap\">" + email);
	}

	@Test
	void aResetPasswordIsShownOnceAndWorks() {
		TestData.Person person = data.member(org, "VIEWER");
		String reset = "/o/" + org.slug() + "/members/" + person.id() + "/reset-password";

		Http.Response shown = browser.submit(reset, reset, Map.of());

		java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"temporary-password\"[^>]*>([^<]+)<")
			.matcher(shown.body());
		assertThat(secret.find()).isTrue();
		assertThat(Http.browser(port).signIn(person.email(), secret.group(1)).location()).doesNotContain("error");
	}

	@Test
	void tokensAreCreatedAndRevokedFromTheAccountPage() {
		Http.Response created = browser.submit("/account", "/account/tokens", Map.of("tokenName", "laptop script"));

		java.util.regex.Matcher token = java.util.regex.Pattern.compile("id=\"new-token\"[^>]*>(tacit_[^<]+)<")
			.matcher(created.body());
		assertThat(token.find()).isTrue();
		assertThat(Http.api(port, token.group(1)).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(browser.get("/account").body()).contains("laptop script").doesNotContain(token.group(1));

		String id = Http.api(port, token.group(1)).get("/api/v1/tokens").json().get("items").get(0).get("id").asString();
		browser.submit("/account/tokens/" + id + "/revoke", "/account/tokens/" + id + "/revoke", Map.of());
		assertThat(Http.api(port, token.group(1)).get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void anEmptyTokenNameIsShownBesideTheTokenField() {
		Http.Response refused = browser.submit("/account", "/account/tokens", Map.of("tokenName", ""));

		assertThat(refused.body()).contains("id=\"tokenName-error\"").doesNotContain("id=\"name-error\"");
	}

	@Test
	void unknownOrganizationsShowANotFoundPage() {
		Http.Response missing = browser.get("/o/no-such-org-here");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("text/html");
		assertThat(missing.body()).contains("Not found").contains("Go to the start page");
	}

	@Test
	void membersListIsFilteredForHtmxWithoutTheLayout() {
		Http.Response fragment = browser.get("/o/" + org.slug() + "/members?q=zzz-nobody");

		assertThat(fragment.body()).contains("No member matches");
	}
}
