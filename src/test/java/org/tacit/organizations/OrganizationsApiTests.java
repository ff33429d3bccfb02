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

/** Organizations through the REST API: who may create, list, read and rename them. */
@TacitTest
class OrganizationsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
	}

	@Test
	void siteAdministratorCreatesAnOrganizationAndBecomesItsAdministrator() {
		TestData.Person admin = data.siteAdmin();
		Http api = Http.api(port, admin.token());
		String slug = TestData.unique("acme");

		Http.Response created = api.post("/api/v1/orgs", Map.of("name", "Acme Research", "slug", slug));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).endsWith("/api/v1/orgs/" + slug);
		assertThat(created.json().get("name").asString()).isEqualTo("Acme Research");
		assertThat(created.json().get("role").asString()).isEqualTo("ADMIN");
		Http.Response me = api.get("/api/v1/me");
		assertThat(me.json().get("orgs").findValuesAsString("slug")).contains(slug);
		assertThat(api.get("/api/v1/orgs/" + slug).json().get("members").asInt()).isEqualTo(1);
	}

	@Test
	void slugIsMadeFromTheNameWhenNotGivenAndStaysUnique() {
		Http api = Http.api(port, data.siteAdmin().token());
		String name = "Société Générale " + TestData.unique("x");

		String first = api.post("/api/v1/orgs", Map.of("name", name)).json().get("slug").asString();
		String second = api.post("/api/v1/orgs", Map.of("name", name)).json().get("slug").asString();

		assertThat(first).startsWith("societe-generale-x-").matches("[a-z0-9-]+");
		assertThat(second).isEqualTo(first + "-2");
	}

	@Test
	void onlySiteAdministratorsCreateOrganizations() {
		TestData.Org org = data.org();
		TestData.Person orgAdmin = data.member(org, "ADMIN");

		Http.Response refused = Http.api(port, orgAdmin.token()).post("/api/v1/orgs", Map.of("name", "Mine"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
	}

	@Test
	void badInputIsRefusedWithTheFieldAndWritesNothing() {
		TestData.Person admin = data.siteAdmin();
		Http api = Http.api(port, admin.token());
		int organizationsBefore = api.get("/api/v1/orgs").json().get("totalItems").asInt();

		Http.Response noName = api.post("/api/v1/orgs", Map.of("name", " "));
		Http.Response badSlug = api.post("/api/v1/orgs", Map.of("name", "Fine", "slug", "Not A Slug"));
		Http.Response tooLong = api.post("/api/v1/orgs", Map.of("name", "x".repeat(201)));
		Http.Response malformed = api.postRaw("/api/v1/orgs", "application/json", "{\"name\":");

		assertThat(noName.status()).isEqualTo(400);
		assertThat(noName.contentType()).startsWith("application/problem+json");
		assertThat(noName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(badSlug.json().get("errors").get(0).get("field").asString()).isEqualTo("slug");
		assertThat(tooLong.json().get("errors").get(0).get("message").asString()).contains("200");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("detail").asString()).contains("JSON");
		assertThat(api.get("/api/v1/orgs").json().get("totalItems").asInt()).isEqualTo(organizationsBefore);
		assertThat(api.get("/api/v1/me").json().get("orgs")).isEmpty();
	}

	@Test
	void aTakenSlugIsAConflict() {
		TestData.Org org = data.org();
		Http.Response clash = Http.api(port, org.admin().token())
			.post("/api/v1/orgs", Map.of("name", "Other", "slug", org.slug()));

		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.json().get("errors").get(0).get("field").asString()).isEqualTo("slug");
	}

	@Test
	void administratorsRenameTheirOrganizationAndOthersCannot() {
		TestData.Org org = data.org();
		TestData.Person editor = data.member(org, "EDITOR");

		Http.Response renamed = Http.api(port, org.admin().token())
			.patch("/api/v1/orgs/" + org.slug(), Map.of("name", "Renamed Org"));
		Http.Response refused = Http.api(port, editor.token())
			.patch("/api/v1/orgs/" + org.slug(), Map.of("name", "Editor's Org"));

		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo("Renamed Org");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(Http.api(port, editor.token()).get("/api/v1/orgs/" + org.slug()).json().get("name").asString())
			.isEqualTo("Renamed Org");
	}

	@Test
	void membersSeeOnlyTheirOwnOrganizations() {
		TestData.Org a = data.org();
		TestData.Org b = data.org();
		TestData.Person viewerOfA = data.member(a, "VIEWER");

		Http.Response list = Http.api(port, viewerOfA.token()).get("/api/v1/orgs");

		assertThat(list.json().get("items").findValuesAsString("slug")).containsExactly(a.slug());
		assertThat(list.json().get("totalItems").asInt()).isEqualTo(1);
		assertThat(Http.api(port, viewerOfA.token()).get("/api/v1/orgs/" + b.slug()).status()).isEqualTo(404);
	}

	@Test
	void listsArePagedWithExplicitLimits() {
		Http api = Http.api(port, data.siteAdmin().token());

		Http.Response page = api.get("/api/v1/orgs?page=0&size=1");
		Http.Response tooBig = api.get("/api/v1/orgs?size=101");
		Http.Response limitTooBig = api.get("/api/v1/orgs?limit=1000");
		Http.Response notANumber = api.get("/api/v1/orgs?page=first");

		assertThat(page.json().get("items")).hasSize(1);
		assertThat(page.json().get("size").asInt()).isEqualTo(1);
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
		assertThat(limitTooBig.status()).isEqualTo(400);
		assertThat(limitTooBig.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
		assertThat(notANumber.status()).isEqualTo(400);
	}
}
