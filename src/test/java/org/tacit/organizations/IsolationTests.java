package org.tacit.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * Organizations are isolated: even the administrator of organization A can neither read nor change
 * anything of organization B, through the API or the pages, and gets 404 rather than 403.
 */
@TacitTest
class IsolationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData.Org a;
	TestData.Org b;
	TestData.Person adminOfA;
	TestData.Person memberOfB;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		a = data.org();
		b = data.org();
		adminOfA = data.member(a, "ADMIN");
		memberOfB = data.member(b, "EDITOR");
	}

	@Test
	void apiAnswers404ForEverythingOfAnotherOrganization() {
		Http api = Http.api(port, adminOfA.token());
		String base = "/api/v1/orgs/" + b.slug();
		String member = base + "/members/" + memberOfB.id();

		List<Http.Response> answers = List.of(api.get(base), api.patch(base, Map.of("name", "Taken over")),
				api.get(base + "/members"), api.get(member), api.get(base + "/members/" + memberOfB.email()),
				api.post(base + "/members", Map.of("person", adminOfA.email(), "role", "ADMIN")),
				api.patch(member, Map.of("role", "VIEWER")), api.patch(member, Map.of("active", false)),
				api.delete(member), api.post(member + "/password-reset", Map.of()), api.get(base + "/audit"));

		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
			assertThat(answer.contentType()).startsWith("application/problem+json");
		});
		Http adminOfB = Http.api(port, b.admin().token());
		assertThat(adminOfB.get(base).json().get("name").asString()).isEqualTo("Org " + b.slug());
		assertThat(adminOfB.get(member).json().get("role").asString()).isEqualTo("EDITOR");
		assertThat(adminOfB.get(member).json().get("active").asBoolean()).isTrue();
		assertThat(adminOfB.get(base + "/audit?action=member.role-changed").json().get("totalItems").asInt())
			.isZero();
	}

	@Test
	void pagesAnswer404ForAnotherOrganization() {
		Http browser = Http.browser(port);
		browser.signIn(adminOfA.email(), TestData.PASSWORD);
		String base = "/o/" + b.slug();

		assertThat(browser.get("/o/" + a.slug()).status()).isEqualTo(200);
		for (String page : List.of(base, base + "/members", base + "/audit", base + "/settings",
				base + "/members/" + memberOfB.id() + "/remove", "/switch?org=" + b.slug())) {
			assertThat(browser.get(page).status()).as(page).isEqualTo(404);
		}
		Http.Response takeover = browser.submit("/o/" + a.slug() + "/settings", base + "/settings",
				Map.of("name", "Taken over"));
		assertThat(takeover.status()).isEqualTo(404);
		assertThat(Http.api(port, b.admin().token()).get("/api/v1/orgs/" + b.slug()).json().get("name").asString())
			.isEqualTo("Org " + b.slug());
	}
}
