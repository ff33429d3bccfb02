package org.tacit.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** Every change is recorded with who, what, which record and when; administrators list and filter it. */
@TacitTest
class AuditLogTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	Http admin;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		admin = Http.api(port, org.admin().token());
	}

	private String audit() {
		return "/api/v1/orgs/" + org.slug() + "/audit";
	}

	@Test
	void changesThroughTheApiAreRecordedNewestFirst() {
		TestData.Person editor = data.member(org, "EDITOR");
		admin.patch("/api/v1/orgs/" + org.slug() + "/members/" + editor.id(), Map.of("role", "VIEWER"));
		admin.patch("/api/v1/orgs/" + org.slug(), Map.of("name", "Audited Org"));

		Http.Response log = admin.get(audit());

		assertThat(log.json().get("items").findValuesAsString("action")).containsExactly("org.renamed",
				"member.role-changed", "member.added", "org.created");
		var roleChange = log.json().get("items").get(1);
		assertThat(roleChange.get("actor").asString()).isEqualTo(org.admin().email());
		assertThat(roleChange.get("targetType").asString()).isEqualTo("person");
		assertThat(roleChange.get("targetId").asString()).isEqualTo(editor.id().toString());
		assertThat(roleChange.get("detail").asString()).contains("EDITOR").contains("VIEWER");
		assertThat(roleChange.get("at").asString()).startsWith(LocalDate.now(ZoneOffset.UTC).toString());
	}

	@Test
	void changesThroughThePagesAreRecordedToo() {
		Http browser = Http.browser(port);
		browser.signIn(org.admin().email(), TestData.PASSWORD);

		Http.Response renamed = browser.submit("/o/" + org.slug() + "/settings", "/o/" + org.slug() + "/settings",
				Map.of("name", "Renamed in the browser"));

		assertThat(renamed.status()).isEqualTo(302);
		Http.Response log = admin.get(audit() + "?action=org.renamed");
		assertThat(log.json().get("totalItems").asInt()).isEqualTo(1);
		assertThat(log.json().get("items").get(0).get("detail").asString()).endsWith("Renamed in the browser");
		assertThat(browser.get("/o/" + org.slug() + "/audit?action=org.renamed").body())
			.contains("Renamed in the browser");
	}

	@Test
	void theLogIsFilteredByPersonActionAndDates() {
		TestData.Person second = data.member(org, "ADMIN");
		Http.api(port, second.token()).patch("/api/v1/orgs/" + org.slug(), Map.of("name", "By the second admin"));
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

		assertThat(admin.get(audit() + "?actor=" + second.email()).json().get("items").findValuesAsString("action"))
			.containsExactly("org.renamed");
		assertThat(admin.get(audit() + "?action=member.added").json().get("totalItems").asInt()).isEqualTo(1);
		assertThat(admin.get(audit() + "?from=" + today + "&to=" + today).json().get("totalItems").asInt())
			.isEqualTo(3);
		assertThat(admin.get(audit() + "?from=" + tomorrow).json().get("totalItems").asInt()).isZero();
		assertThat(admin.get(audit() + "?from=yesterday").status()).isEqualTo(400);
	}

	@Test
	void siteAdministratorsReadTheInstallationsOwnEntries() {
		Http siteAdmin = Http.api(port, org.admin().token());
		String tokenId = siteAdmin.post("/api/v1/tokens", Map.of("name", "audited")).json().get("id").asString();

		Http.Response entries = siteAdmin.get("/api/v1/audit?action=token.created&actor=" + org.admin().email());

		assertThat(entries.json().get("items").findValuesAsString("targetId")).contains(tokenId);
		assertThat(Http.api(port, data.member(org, "ADMIN").token()).get("/api/v1/audit").status()).isEqualTo(403);
	}

	@Test
	void onlyAdministratorsReadTheLog() {
		TestData.Person manager = data.member(org, "KNOWLEDGE_MANAGER");

		assertThat(Http.api(port, manager.token()).get(audit()).status()).isEqualTo(403);
		Http browser = Http.browser(port);
		browser.signIn(manager.email(), TestData.PASSWORD);
		assertThat(browser.get("/o/" + org.slug() + "/audit").status()).isEqualTo(403);
	}
}
