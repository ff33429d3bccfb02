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

/** Membership through the REST API: adding people, roles, removal, and the last-administrator rule. */
@TacitTest
class MembersApiTests {

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

	private String members() {
		return "/api/v1/orgs/" + org.slug() + "/members";
	}

	@Test
	void addingANewEmailCreatesAnAccountThatCanSignIn() {
		String email = TestData.unique("new") + "@Example.org";

		Http.Response added = admin.post(members(),
				Map.of("person", email, "role", "CONTRIBUTOR", "name", "Nora New", "password", "a good password"));

		assertThat(added.status()).isEqualTo(201);
		assertThat(added.json().get("email").asString()).isEqualTo(email.toLowerCase());
		assertThat(added.json().get("role").asString()).isEqualTo("CONTRIBUTOR");
		Http browser = Http.browser(port);
		assertThat(browser.signIn(email, "a good password").location()).doesNotContain("error");
	}

	@Test
	void anExistingPersonIsAddedByEmailOrIdWithoutAPassword() {
		TestData.Org other = data.org();
		TestData.Person person = data.member(other, "VIEWER");

		Http.Response byEmail = admin.post(members(), Map.of("person", person.email(), "role", "EDITOR"));
		Http.Response again = admin.post(members(), Map.of("person", person.id().toString(), "role", "EDITOR"));

		assertThat(byEmail.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(409);
		assertThat(Http.api(port, person.token()).get("/api/v1/me").json().get("orgs").findValuesAsString("slug"))
			.containsExactlyInAnyOrder(org.slug(), other.slug());
	}

	@Test
	void aMemberIsFoundByIdOrEmail() {
		TestData.Person editor = data.member(org, "EDITOR");

		assertThat(admin.get(members() + "/" + editor.id()).json().get("email").asString()).isEqualTo(editor.email());
		assertThat(admin.get(members() + "/" + editor.email()).json().get("id").asString())
			.isEqualTo(editor.id().toString());
		assertThat(admin.get(members() + "/nobody@example.org").status()).isEqualTo(404);
		assertThat(admin.get(members() + "/not-a-uuid").status()).isEqualTo(404);
	}

	@Test
	void newAccountsNeedANameAndAPasswordAndRefusalsWriteNothing() {
		String email = TestData.unique("half") + "@example.org";

		Http.Response noPassword = admin.post(members(), Map.of("person", email, "role", "VIEWER", "name", "Half"));
		Http.Response shortPassword = admin.post(members(),
				Map.of("person", email, "role", "VIEWER", "name", "Half", "password", "short"));
		Http.Response badEmail = admin.post(members(),
				Map.of("person", "not@an-email", "role", "VIEWER", "name", "X", "password", "long enough"));
		Http.Response badRole = admin.post(members(),
				Map.of("person", email, "role", "OWNER", "name", "X", "password", "long enough"));

		assertThat(noPassword.status()).isEqualTo(400);
		assertThat(noPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(shortPassword.json().get("errors").get(0).get("message").asString()).contains("8");
		assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("person");
		assertThat(badRole.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
		assertThat(admin.get(members() + "/" + email).status()).isEqualTo(404);
	}

	@Test
	void rolesChangeAndOnlyAdministratorsManageMembers() {
		TestData.Person editor = data.member(org, "EDITOR");
		TestData.Person viewer = data.member(org, "VIEWER");

		Http.Response promoted = admin.patch(members() + "/" + viewer.email(), Map.of("role", "KNOWLEDGE_MANAGER"));
		Http.Response byEditor = Http.api(port, editor.token())
			.patch(members() + "/" + viewer.email(), Map.of("role", "ADMIN"));
		Http.Response addByEditor = Http.api(port, editor.token())
			.post(members(), Map.of("person", editor.email(), "role", "ADMIN"));

		assertThat(promoted.json().get("role").asString()).isEqualTo("KNOWLEDGE_MANAGER");
		assertThat(byEditor.status()).isEqualTo(403);
		assertThat(addByEditor.status()).isEqualTo(403);
		assertThat(Http.api(port, editor.token()).get(members()).json().get("totalItems").asInt()).isEqualTo(3);
	}

	@Test
	void theLastAdministratorCanNeitherLeaveNorBeDemoted() {
		String adminPath = members() + "/" + org.admin().email();

		Http.Response demote = admin.patch(adminPath, Map.of("role", "VIEWER"));
		Http.Response remove = admin.delete(adminPath);

		assertThat(demote.status()).isEqualTo(409);
		assertThat(remove.status()).isEqualTo(409);
		assertThat(remove.json().get("detail").asString()).contains("administrator");
		TestData.Person second = data.member(org, "ADMIN");
		assertThat(Http.api(port, second.token()).patch(adminPath, Map.of("role", "VIEWER")).status()).isEqualTo(200);
	}

	@Test
	void aChangeOfRoleAndStatusTogetherIsAllOrNothing() {
		TestData.Person second = data.member(org, "ADMIN");
		String self = members() + "/" + second.email();

		Http.Response refused = Http.api(port, second.token()).patch(self, Map.of("role", "EDITOR", "active", false));

		// refused (one may not deactivate oneself) and rolled back whole: the role did not change either
		assertThat(refused.status()).isBetween(400, 499);
		assertThat(admin.get(self).json().get("role").asString()).isEqualTo("ADMIN");
	}

	@Test
	void siteAdministratorsStayAdministratorsWhateverTheirMembershipRole() {
		TestData.Person second = data.member(org, "ADMIN");
		Http.api(port, second.token()).patch(members() + "/" + org.admin().email(), Map.of("role", "VIEWER"));

		assertThat(admin.get("/api/v1/orgs/" + org.slug() + "/audit").status()).isEqualTo(200);
	}

	@Test
	void removedMembersLoseAccessAtOnce() {
		TestData.Person editor = data.member(org, "EDITOR");
		Http editorApi = Http.api(port, editor.token());
		assertThat(editorApi.get("/api/v1/orgs/" + org.slug()).status()).isEqualTo(200);

		assertThat(admin.delete(members() + "/" + editor.id()).status()).isEqualTo(204);

		assertThat(editorApi.get("/api/v1/orgs/" + org.slug()).status()).isEqualTo(404);
		assertThat(editorApi.get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void listsAreFilteredSortedAndPaged() {
		data.member(org, "VIEWER");
		data.member(org, "EDITOR");

		Http.Response byRole = admin.get(members() + "?sort=ROLE&size=2");
		Http.Response filtered = admin.get(members() + "?q=editor");
		Http.Response badSort = admin.get(members() + "?sort=SHOE_SIZE");

		assertThat(byRole.json().get("items").findValuesAsString("role")).containsExactly("ADMIN", "EDITOR");
		assertThat(byRole.json().get("totalItems").asInt()).isEqualTo(3);
		assertThat(filtered.json().get("items").findValuesAsString("role")).containsExactly("EDITOR");
		assertThat(badSort.status()).isEqualTo(400);
	}
}
