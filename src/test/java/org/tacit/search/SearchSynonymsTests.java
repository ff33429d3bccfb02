package org.tacit.search;

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

import tools.jackson.databind.JsonNode;

/** Synonyms an organization edits through the API expand its searches, in both directions. */
@TacitTest
class SearchSynonymsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	String managerToken;
	Http viewer;
	String viewerToken;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		managerToken = data.member(org, "KNOWLEDGE_MANAGER").token();
		viewerToken = data.member(org, "VIEWER").token();
		viewer = Http.api(port, viewerToken);
		new SearchFixtures(context).put(
				SearchFixtures.doc(org.id(), "Remote access").text("Connect through the VPN before opening the wiki.").build(),
				SearchFixtures.doc(org.id(), "Laptop setup").text("Install the virtual private network client.").build(),
				SearchFixtures.doc(org.id(), "Meeting rooms").text("Book a room in the calendar.").build());
	}

	private String synonyms() {
		return "/api/v1/orgs/" + org.slug() + "/search/synonyms";
	}

	private List<String> titles(String q) {
		Http.Response response = viewer.get("/api/v1/orgs/" + org.slug() + "/search?q=" + q);
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("hits").findValuesAsString("title");
	}

	private Http.Response put(String token, Object body) {
		return Http.api(port, token).put(synonyms(), body);
	}

	@Test
	void synonymsEditedThroughTheApiExpandSearches() {
		assertThat(titles("vpn")).containsExactly("Remote access");
		assertThat(titles("room")).containsExactly("Meeting rooms");

		Http.Response saved = put(managerToken, List.of(Map.of("term", " VPN ", "synonyms", List.of("virtual private network")),
				Map.of("term", "meeting room", "synonyms", List.of("huddle space", "boardroom"))));

		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().get(0).get("term").asString()).isEqualTo("vpn");
		assertThat(titles("vpn")).containsExactlyInAnyOrder("Remote access", "Laptop setup");
		assertThat(titles("virtual+private+network")).containsExactlyInAnyOrder("Remote access", "Laptop setup");
		assertThat(titles("vpn+wiki")).containsExactly("Remote access");
		assertThat(titles("boardroom")).containsExactly("Meeting rooms");
		assertThat(titles("huddle+space")).containsExactly("Meeting rooms");
		JsonNode listed = viewer.get(synonyms()).json();
		assertThat(listed.findValuesAsString("term")).containsExactly("vpn", "meeting room");
		assertThat(listed.get(1).get("synonyms").valueStream().map(JsonNode::asString))
			.containsExactly("huddle space", "boardroom");

		assertThat(put(managerToken, List.of()).status()).isEqualTo(200);
		assertThat(titles("boardroom")).isEmpty();
	}

	@Test
	void onlyKnowledgeManagersAndAdministratorsEditSynonyms() {
		List<Map<String, Object>> list = List.of(Map.of("term", "hr", "synonyms", List.of("people team")));

		assertThat(put(data.member(org, "EDITOR").token(), list).status()).isEqualTo(403);
		assertThat(put(viewerToken, list).status()).isEqualTo(403);
		assertThat(put(org.admin().token(), list).status()).isEqualTo(200);
	}

	@Test
	void badListsAreRefusedNamingTheEntryAndNothingIsSaved() {
		put(managerToken, List.of(Map.of("term", "kept", "synonyms", List.of("retained"))));

		assertField(put(managerToken, List.of(Map.of("term", "", "synonyms", List.of("x")))), "[0].term");
		assertField(put(managerToken, List.of(Map.of("term", "ok", "synonyms", List.of("a")),
				Map.of("term", "OK", "synonyms", List.of("b")))), "[1].term");
		assertField(put(managerToken, List.of(Map.of("term", "lonely", "synonyms", List.of()))), "[0].synonyms");
		assertField(put(managerToken, List.of(Map.of("term", "a,b", "synonyms", List.of("c")))), "[0].term");
		assertField(put(managerToken, List.of(Map.of("term", "t", "synonyms", List.of("x".repeat(101))))), "[0].synonyms");
		assertField(put(managerToken, List.of(Map.of("term", "t".repeat(101), "synonyms", List.of("x")))), "[0].term");
		assertField(put(managerToken, List.of(Map.of("term", "many", "synonyms",
				java.util.stream.IntStream.range(0, 21).mapToObj(i -> "s" + i).toList()))), "[0].synonyms");
		assertField(put(managerToken, java.util.stream.IntStream.range(0, 501)
			.mapToObj(i -> Map.of("term", "t" + i, "synonyms", List.of("s")))
			.toList()), "synonyms");
		assertThat(put(managerToken, "{\"not\": \"a list\"}").status()).isEqualTo(400);

		assertThat(viewer.get(synonyms()).json().findValuesAsString("term")).containsExactly("kept");
	}

	private static void assertField(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}
}
