package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * "Related knowledge" beside an item and a lesson: records about the same things, that the reader may
 * see, without the record itself and its parts. (In the shared context semantic search is off, so
 * these are found by words; SemanticSearchTests shows the same search finding by meaning.)
 */
@TacitTest
class RelatedKnowledgePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	TestData.Person contributor;
	TestData.Person viewer;
	Http admin;
	String api;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		contributor = data.member(org, "CONTRIBUTOR");
		viewer = data.member(org, "VIEWER");
		admin = Http.api(port, org.admin().token());
		api = "/api/v1/orgs/" + org.slug();
		admin.post(api + "/spaces", Map.of("key", "OPS", "name", "Operations"));
	}

	private String item(String title, String body, boolean publish) {
		String id = Http.api(port, contributor.token())
			.post(api + "/items", Map.of("space", "OPS", "kind", "ARTICLE", "title", title, "body", body))
			.json()
			.get("id")
			.asString();
		if (publish) {
			admin.post(api + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW"));
			admin.post(api + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED"));
		}
		return id;
	}

	private List<String> related(Http reader, String path) {
		return Jsoup.parse(reader.get(path).body()).select("section.related-knowledge li a").eachText();
	}

	@Test
	void anItemPageShowsVisibleRelatedRecordsButNotItself() {
		String charging = item("Forklift battery charging", "Charge forklift batteries in the ventilated bay.", true);
		item("Forklift battery replacement", "Replace a forklift battery when it no longer holds a charge.", true);
		item("Forklift battery draft", "Unreviewed notes on forklift battery charging.", false);
		item("Canteen menu", "Soup on Mondays.", true);
		Http reader = Http.browser(port);
		reader.signIn(viewer.email(), TestData.PASSWORD);
		String page = "/o/" + org.slug() + "/items/" + charging;

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(related(reader, page)).containsExactly("Forklift battery replacement"));
	}

	@Test
	void aLessonPageShowsRelatedGuidanceAndSaysSoWhenThereIsNone() {
		item("Pallet wrapping guidance", "Wrap pallets three times around the base before loading.", true);
		String lesson = Http.api(port, viewer.token())
			.post(api + "/lessons", Map.of("title", "Loose pallets fell off the truck", "observation",
					"Pallets were wrapped once around the base.", "recommendation", "Wrap pallets more before loading.",
					"priority", "INFORMATION"))
			.json()
			.get("id")
			.asString();
		String alone = Http.api(port, viewer.token())
			.post(api + "/lessons", Map.of("title", "Quokka sighting", "observation", "Zzyzx.", "recommendation",
					"Xylograph.", "priority", "INFORMATION"))
			.json()
			.get("id")
			.asString();
		Http reader = Http.browser(port);
		reader.signIn(viewer.email(), TestData.PASSWORD);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(related(reader, "/o/" + org.slug() + "/lessons/" + lesson))
				.contains("Pallet wrapping guidance"));
		assertThat(reader.get("/o/" + org.slug() + "/lessons/" + alone).body()).contains("Related knowledge")
			.contains("Nothing related yet.");
	}
}
