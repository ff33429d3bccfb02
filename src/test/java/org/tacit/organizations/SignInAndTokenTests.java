package org.tacit.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** Sign-in, sessions, CSRF, back-off, password changes, deactivation and personal API tokens. */
@TacitTest
class SignInAndTokenTests {

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
	}

	@Test
	void theApiWithoutATokenAnswers401AsProblemJson() {
		Http.Response anonymous = Http.api(port, null).get("/api/v1/me");
		Http.Response wrongToken = Http.api(port, "tacit_not-a-real-token").get("/api/v1/me");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.json().get("detail").asString()).contains("Bearer");
		assertThat(wrongToken.status()).isEqualTo(401);
		assertThat(wrongToken.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aTokenIsShownOnceStoredHashedAndWorksUntilRevoked() {
		Http api = Http.api(port, org.admin().token());

		Http.Response created = api.post("/api/v1/tokens", Map.of("name", "backup script", "expiresInDays", 30));
		String token = created.json().get("token").asString();
		String id = created.json().get("id").asString();

		assertThat(created.status()).isEqualTo(201);
		assertThat(token).startsWith("tacit_").hasSizeGreaterThan(40);
		assertThat(created.json().get("expiresAt").isNull()).isFalse();
		assertThat(api.get("/api/v1/tokens").body()).contains("backup script").doesNotContain(token);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM organizations_api_token WHERE token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).isZero();
		assertThat(Http.api(port, token).get("/api/v1/me").json().get("email").asString())
			.isEqualTo(org.admin().email());

		assertThat(api.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
		assertThat(Http.api(port, token).get("/api/v1/me").status()).isEqualTo(401);
		assertThat(api.delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
	}

	@Test
	void nobodyRevokesSomeoneElsesToken() {
		TestData.Person other = data.member(org, "ADMIN");
		String id = Http.api(port, org.admin().token())
			.post("/api/v1/tokens", Map.of("name", "mine"))
			.json()
			.get("id")
			.asString();

		assertThat(Http.api(port, other.token()).delete("/api/v1/tokens/" + id).status()).isEqualTo(404);
	}

	@Test
	void anExpiredTokenIsRefused() {
		Http api = Http.api(port, org.admin().token());
		Http.Response created = api.post("/api/v1/tokens", Map.of("name", "short-lived", "expiresInDays", 1));
		String token = created.json().get("token").asString();
		assertThat(Http.api(port, token).get("/api/v1/me").status()).isEqualTo(200);

		jdbc.sql("UPDATE organizations_api_token SET expires_at = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1),
					java.util.UUID.fromString(created.json().get("id").asString()))
			.update();

		assertThat(Http.api(port, token).get("/api/v1/me").status()).isEqualTo(401);
		assertThat(api.get("/api/v1/tokens").body()).doesNotContain("short-lived");
	}

	@Test
	void tokenRequestsAreChecked() {
		Http api = Http.api(port, org.admin().token());

		assertThat(api.post("/api/v1/tokens", Map.of("name", "")).json().get("errors").get(0).get("field").asString())
			.isEqualTo("name");
		assertThat(api.post("/api/v1/tokens", Map.of("name", "x", "expiresInDays", 0)).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/tokens", Map.of("name", "x", "expiresInDays", 9999)).status()).isEqualTo(400);
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		Http browser = Http.browser(port);
		browser.signIn(org.admin().email(), TestData.PASSWORD);

		Http.Response forged = browser.postRaw("/o/" + org.slug() + "/settings", "application/x-www-form-urlencoded",
				"name=Forged");

		assertThat(forged.status()).isEqualTo(403);
		assertThat(Http.api(port, org.admin().token()).get("/api/v1/orgs/" + org.slug()).json().get("name").asString())
			.isEqualTo("Org " + org.slug());
	}

	@Test
	void signInOutAndPagesNeedASession() {
		Http browser = Http.browser(port);
		assertThat(browser.get("/orgs").location()).endsWith("/login");

		Http.Response wrong = browser.signIn(org.admin().email(), "not the password");
		assertThat(wrong.location()).endsWith("/login?error");

		Http.Response signedIn = browser.signIn(org.admin().email().toUpperCase(), TestData.PASSWORD);
		assertThat(signedIn.location()).doesNotContain("error");
		assertThat(browser.get("/orgs").status()).isEqualTo(200);

		Http.Response out = browser.submit("/orgs", "/logout", Map.of());
		assertThat(out.location()).endsWith("/login?signedOut");
		assertThat(browser.get("/orgs").location()).contains("/login");
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountForAWhile() {
		TestData.Person person = data.member(org, "VIEWER");
		Http browser = Http.browser(port);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(browser.signIn(person.email(), "wrong " + attempt).location()).endsWith("/login?error");
		}

		Http.Response rightButLocked = browser.signIn(person.email(), TestData.PASSWORD);

		assertThat(rightButLocked.location()).endsWith("/login?locked");
		assertThat(browser.get("/orgs").location()).contains("/login");
		// an administrator's password reset lifts the lock
		String temporary = Http.api(port, org.admin().token())
			.post("/api/v1/orgs/" + org.slug() + "/members/" + person.email() + "/password-reset", Map.of())
			.json()
			.get("temporaryPassword")
			.asString();
		assertThat(browser.signIn(person.email(), temporary).location()).doesNotContain("error").doesNotContain("locked");
	}

	@Test
	void deactivationStopsSessionsAndTokensAtOnce() {
		TestData.Person person = data.member(org, "EDITOR");
		Http session = Http.browser(port);
		session.signIn(person.email(), TestData.PASSWORD);
		assertThat(session.get("/o/" + org.slug()).status()).isEqualTo(200);
		assertThat(Http.api(port, person.token()).get("/api/v1/me").status()).isEqualTo(200);

		Http.Response deactivated = Http.api(port, org.admin().token())
			.patch("/api/v1/orgs/" + org.slug() + "/members/" + person.id(), Map.of("active", false));

		assertThat(deactivated.json().get("active").asBoolean()).isFalse();
		assertThat(session.get("/o/" + org.slug()).location()).contains("/login");
		assertThat(Http.api(port, person.token()).get("/api/v1/me").status()).isEqualTo(401);
		assertThat(Http.browser(port).signIn(person.email(), TestData.PASSWORD).location()).endsWith("/login?error");

		Http.api(port, org.admin().token())
			.patch("/api/v1/orgs/" + org.slug() + "/members/" + person.id(), Map.of("active", true));
		assertThat(Http.api(port, person.token()).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void changingThePasswordEndsOtherSessions() {
		TestData.Person person = data.member(org, "CONTRIBUTOR");
		Http otherBrowser = Http.browser(port);
		otherBrowser.signIn(person.email(), TestData.PASSWORD);
		Http api = Http.api(port, person.token());

		Http.Response wrongCurrent = api.post("/api/v1/me/password",
				Map.of("currentPassword", "nope", "newPassword", "another long one"));
		Http.Response changed = api.post("/api/v1/me/password",
				Map.of("currentPassword", TestData.PASSWORD, "newPassword", "another long one"));

		assertThat(wrongCurrent.status()).isEqualTo(400);
		assertThat(wrongCurrent.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
		assertThat(changed.status()).isEqualTo(204);
		assertThat(otherBrowser.get("/orgs").location()).contains("/login");
		assertThat(Http.browser(port).signIn(person.email(), "another long one").location()).doesNotContain("error");
		assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void organizationAdminsManageOnlyAccountsThatAreTheirsAlone() {
		TestData.Org other = data.org();
		TestData.Person shared = data.member(org, "VIEWER");
		Http.api(port, other.admin().token())
			.post("/api/v1/orgs/" + other.slug() + "/members", Map.of("person", shared.email(), "role", "VIEWER"));
		TestData.Person orgOnlyAdmin = data.member(org, "ADMIN");
		Http admin = Http.api(port, orgOnlyAdmin.token());
		String path = "/api/v1/orgs/" + org.slug() + "/members/" + shared.email();

		assertThat(admin.patch(path, Map.of("active", false)).status()).isEqualTo(403);
		assertThat(admin.post(path + "/password-reset", Map.of()).status()).isEqualTo(403);
		assertThat(Http.api(port, shared.token()).get("/api/v1/me").status()).isEqualTo(200);
		// the site administrator who created the organization may
		assertThat(Http.api(port, org.admin().token()).patch(path, Map.of("active", false)).status()).isEqualTo(200);
	}
}
