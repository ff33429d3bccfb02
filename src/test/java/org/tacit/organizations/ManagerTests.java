package org.tacit.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * A member's manager: set by administrators through the members API and page, shown in the member
 * list, never outside the organization or in a circle, and offered to other modules by the facade.
 */
@TacitTest
class ManagerTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Organizations organizations;

	TestData data;
	TestData.Org org;
	Http admin;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		admin = Http.api(port, org.admin().token());
	}

	private String member(TestData.Person person) {
		return "/api/v1/orgs/" + org.slug() + "/members/" + person.id();
	}

	private static Map<String, Object> manager(Object value) {
		Map<String, Object> body = new HashMap<>();
		body.put("manager", value);
		return body;
	}

	@Test
	void anAdministratorSetsAndClearsAManagerByEmailOrId() {
		TestData.Person boss = data.member(org, "EDITOR");
		TestData.Person report = data.member(org, "CONTRIBUTOR");

		Http.Response set = admin.patch(member(report), manager(boss.email()));

		assertThat(set.status()).isEqualTo(200);
		assertThat(set.json().get("manager").get("id").asString()).isEqualTo(boss.id().toString());
		assertThat(set.json().get("manager").get("name").asString()).isEqualTo("Person " + boss.email());
		assertThat(set.json().get("role").asString()).isEqualTo("CONTRIBUTOR");
		OrgId orgId = new OrgId(org.id());
		assertThat(organizations.managerOf(orgId, new PersonId(report.id()))).contains(new PersonId(boss.id()));
		assertThat(organizations.reportsOf(orgId, new PersonId(boss.id()))).containsExactly(new PersonId(report.id()));

		// a change of role leaves the manager as it is; null clears it
		assertThat(admin.patch(member(report), Map.of("role", "EDITOR")).json().get("manager").get("id").asString())
			.isEqualTo(boss.id().toString());
		Http.Response cleared = admin.patch(member(report), manager(null));
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().get("manager").isNull()).isTrue();
		assertThat(organizations.managerOf(orgId, new PersonId(report.id()))).isEmpty();
		assertThat(admin.patch(member(report), manager(boss.id().toString())).status()).isEqualTo(200);
		assertThat(admin.get(member(report)).json().get("manager").get("id").asString()).isEqualTo(boss.id().toString());
	}

	@Test
	void aManagerMustBeAMemberAndNeverLeadsBackToThePerson() {
		TestData.Person top = data.member(org, "EDITOR");
		TestData.Person middle = data.member(org, "EDITOR");
		TestData.Person bottom = data.member(org, "CONTRIBUTOR");
		TestData.Person outsider = data.member(data.org(), "EDITOR");
		admin.patch(member(middle), manager(top.email()));
		admin.patch(member(bottom), manager(middle.email()));

		Http.Response self = admin.patch(member(top), manager(top.email()));
		Http.Response circle = admin.patch(member(top), manager(bottom.email()));
		Http.Response stranger = admin.patch(member(bottom), manager(outsider.email()));
		Http.Response unknown = admin.patch(member(bottom), manager("not-an-id"));
		Http.Response notText = admin.patch(member(bottom), manager(42));

		for (Http.Response refused : new Http.Response[] { self, circle, stranger, unknown, notText }) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("manager");
		}
		assertThat(circle.json().get("errors").get(0).get("message").asString()).contains("own manager");
		assertThat(admin.get(member(top)).json().get("manager").isNull()).isTrue();
		assertThat(admin.get(member(bottom)).json().get("manager").get("id").asString()).isEqualTo(middle.id().toString());
	}

	@Test
	void onlyAdministratorsSetManagersAndALeaverStopsBeingAManager() {
		TestData.Person boss = data.member(org, "KNOWLEDGE_MANAGER");
		TestData.Person report = data.member(org, "CONTRIBUTOR");

		assertThat(Http.api(port, boss.token()).patch(member(report), manager(boss.email())).status()).isEqualTo(403);
		admin.patch(member(report), manager(boss.email()));
		assertThat(admin.delete(member(boss)).status()).isEqualTo(204);

		assertThat(admin.get(member(report)).json().get("manager").isNull()).isTrue();
		assertThat(organizations.reportsOf(new OrgId(org.id()), new PersonId(boss.id()))).isEmpty();
	}

	@Test
	void theMembersPageShowsManagersAndSetsThem() {
		TestData.Person boss = data.member(org, "EDITOR");
		TestData.Person report = data.member(org, "CONTRIBUTOR");
		Http browser = Http.browser(port);
		browser.signIn(org.admin().email(), TestData.PASSWORD);
		String form = "/o/" + org.slug() + "/members/" + report.id() + "/manager";

		Http.Response refused = browser.submit(form, form, Map.of("manager", "nobody@example.org"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(Jsoup.parse(refused.body()).select("#manager-error").text()).contains("member of this organization");

		Http.Response saved = browser.submit(form, form, Map.of("manager", boss.email()));
		assertThat(saved.status()).isEqualTo(302);
		Document list = Jsoup.parse(browser.get("/o/" + org.slug() + "/members?q=" + report.email()).body());
		assertThat(list.select("tbody tr").text()).contains("Person " + boss.email());
		assertThat(list.select("a[href$=/manager]")).isNotEmpty();

		Http.Response cleared = browser.submit(form, form, Map.of("clear", "true"));
		assertThat(cleared.status()).isEqualTo(302);
		assertThat(admin.get(member(report)).json().get("manager").isNull()).isTrue();

		Http viewer = Http.browser(port);
		TestData.Person someone = data.member(org, "VIEWER");
		viewer.signIn(someone.email(), TestData.PASSWORD);
		assertThat(viewer.get(form).status()).isEqualTo(403);
	}
}
