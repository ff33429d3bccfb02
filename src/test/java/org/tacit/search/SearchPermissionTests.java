package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Who finds what: organizations never see each other's records, and members-only and unpublished
 * records are filtered inside the query, so that totals and facets never count them either. No module
 * provides {@link SearchAccess} yet, so these tests see the fallback: no members-only space is readable,
 * editors and above see unpublished records.
 */
@TacitTest
class SearchPermissionTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	SearchFixtures index;
	TestData.Org org;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		index = new SearchFixtures(context);
		org = data.org();
	}

	private JsonNode search(TestData.Person person, String slug, String query) {
		Http.Response response = Http.api(port, person.token()).get("/api/v1/orgs/" + slug + "/search?q=" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	@Test
	void anotherOrganizationsRecordsAreNeverFoundAndItsAddressAnswers404() {
		TestData.Org other = data.org();
		TestData.Person viewer = data.member(org, "VIEWER");
		TestData.Person outsider = data.member(other, "ADMIN");
		index.put(SearchFixtures.doc(other.id(), "Secret merger plan").text("walrus").build(),
				SearchFixtures.doc(org.id(), "Our plan").text("walrus").build());

		JsonNode ours = search(viewer, org.slug(), "walrus");
		JsonNode theirs = search(outsider, other.slug(), "walrus");

		assertThat(ours.get("hits").findValuesAsString("title")).containsExactly("Our plan");
		assertThat(ours.get("facets").get("space").get("general").asInt()).isEqualTo(1);
		assertThat(theirs.get("hits").findValuesAsString("title")).containsExactly("Secret merger plan");
		Http viewerApi = Http.api(port, viewer.token());
		assertThat(viewerApi.get("/api/v1/orgs/" + other.slug() + "/search?q=walrus").status()).isEqualTo(404);
		assertThat(viewerApi.get("/api/v1/orgs/no-such-org/search?q=walrus").status()).isEqualTo(404);
		assertThat(viewerApi.get("/api/v1/orgs/" + other.slug() + "/search/synonyms").status()).isEqualTo(404);
	}

	@Test
	void unpublishedRecordsAreForTheirOwnerAndForEditors() {
		TestData.Person viewer = data.member(org, "VIEWER");
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		TestData.Person editor = data.member(org, "EDITOR");
		index.put(SearchFixtures.doc(org.id(), "Draft of the new policy").owner(author.id(), "Author").unpublished()
			.text("heron").build(), SearchFixtures.doc(org.id(), "Published policy").text("heron").build());

		JsonNode forViewer = search(viewer, org.slug(), "heron");
		JsonNode forAuthor = search(author, org.slug(), "heron");
		JsonNode forEditor = search(editor, org.slug(), "heron");

		assertThat(forViewer.get("hits").findValuesAsString("title")).containsExactly("Published policy");
		assertThat(forViewer.get("total").asInt()).isEqualTo(1);
		assertThat(forViewer.get("facets").get("owner").propertyNames()).doesNotContain(author.id().toString());
		assertThat(forAuthor.get("hits").findValuesAsString("title")).containsExactlyInAnyOrder("Published policy",
				"Draft of the new policy");
		assertThat(forEditor.get("total").asInt()).isEqualTo(2);
		assertThat(search(viewer, org.slug(), "draft").get("total").asInt()).isZero();
	}

	@Test
	void membersOnlyRecordsOfASpaceNobodyBelongsToAreHiddenFromEveryone() {
		TestData.Person viewer = data.member(org, "VIEWER");
		index.put(SearchFixtures.doc(org.id(), "Board minutes").space("board", "Board").membersOnly().text("osprey")
			.build(), SearchFixtures.doc(org.id(), "Public minutes").text("osprey").build());

		JsonNode forViewer = search(viewer, org.slug(), "osprey");
		JsonNode forAdmin = search(org.admin(), org.slug(), "osprey");

		assertThat(forViewer.get("hits").findValuesAsString("title")).containsExactly("Public minutes");
		assertThat(forViewer.get("facets").get("space").propertyNames()).containsExactly("general");
		assertThat(forAdmin.get("hits").findValuesAsString("title")).containsExactly("Public minutes");
		assertThat(search(viewer, org.slug(), "board").get("total").asInt()).isZero();
	}
}
