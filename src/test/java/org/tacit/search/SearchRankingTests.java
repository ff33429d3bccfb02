package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** Relevance: what ranks first, typos, phrases, prefixes and input that is not valid syntax. */
@TacitTest
class SearchRankingTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	SearchFixtures index;
	TestData.Org org;
	Http viewer;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		index = new SearchFixtures(context);
		org = data.org();
		viewer = Http.api(port, data.member(org, "VIEWER").token());
	}

	private JsonNode search(String q) {
		Http.Response response = viewer.get("/api/v1/orgs/" + org.slug() + "/search?q="
				+ java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<String> titles(JsonNode results) {
		return results.get("hits").findValuesAsString("title");
	}

	@Test
	void aTitleMatchRanksAboveABodyMatch() {
		index.put(SearchFixtures.doc(org.id(), "Travel expenses").text("How to claim the onboarding budget for trips.").build(),
				SearchFixtures.doc(org.id(), "Onboarding checklist").text("Steps for the first week of new people.").build());

		assertThat(titles(search("onboarding"))).containsExactly("Onboarding checklist", "Travel expenses");
	}

	@Test
	void staleRecordsRankBelowFreshOnesWithTheSameText() {
		index.put(SearchFixtures.doc(org.id(), "Release process").text("How we ship.").stale().build(),
				SearchFixtures.doc(org.id(), "Release process").text("How we ship.").build());

		JsonNode results = search("release");
		assertThat(results.get("hits").findValuesAsString("stale")).containsExactly("false", "true");
	}
}
