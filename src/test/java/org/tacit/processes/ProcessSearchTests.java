package org.tacit.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Processes and their steps in the one search box: a step is found by its name and by the notes of its
 * links, its hit opens the map at the step, drafts stay hidden from readers, and a new version's removed
 * steps leave the index.
 */
@TacitTest
class ProcessSearchTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private JsonNode search(Http http, TestData.Org org, String q) {
		return http.get("/api/v1/orgs/" + org.slug() + "/search?q=" + q).json();
	}

	@Test
	void processesAndStepsAreFoundAndAStepHitOpensTheMapAtTheStep() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		Http admin = Http.api(port, org.admin().token());
		Http reader = Http.api(port, data.member(org, "VIEWER").token());
		String api = "/api/v1/orgs/" + org.slug() + "/processes";
		String id = admin.post(api, Map.of("name", "Quillback fulfilment", "description", "From order to parcel"))
			.json()
			.get("id")
			.asString();
		admin.postChunked(api + "/" + id + "/versions", "application/xml", BpmnReaderTests.file("order-v1.bpmn"));
		admin.put(api + "/" + id + "/steps/Task_Check/links", Map.of("links",
				List.of(Map.of("type", "url", "url", "https://example.org/p", "title", "Policy", "note", "zanderfold rule"))));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode found = search(admin, org, "zanderfold");
			assertThat(found.get("total").asInt()).isEqualTo(1);
			JsonNode hit = found.get("hits").get(0);
			assertThat(hit.get("type").asString()).isEqualTo("process-step");
			assertThat(hit.get("title").asString()).isEqualTo("Check the order — Quillback fulfilment");
			assertThat(hit.get("url").asString())
				.isEqualTo("/o/" + org.slug() + "/processes/" + id + "?step=Task_Check#map");
		});
		assertThat(search(admin, org, "quillback").get("hits").findValuesAsString("type")).contains("process");
		assertThat(search(reader, org, "quillback").get("total").asInt()).as("a draft").isZero();

		admin.put(api + "/" + id, Map.of("name", "Quillback fulfilment", "status", "PUBLISHED"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(search(reader, org, "weigh").get("hits").findValuesAsString("url"))
				.anyMatch(url -> url.endsWith("?step=Task_Weigh#map")));

		admin.postChunked(api + "/" + id + "/versions", "application/xml", BpmnReaderTests.file("order-v2.bpmn"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(search(reader, org, "zanderfold").get("total").asInt()).isZero();
			assertThat(search(reader, org, "verify").get("hits").findValuesAsString("url"))
				.anyMatch(url -> url.endsWith("?step=Task_Verify#map"));
		});
	}

	@Test
	void aStepsPanelShowsRelatedKnowledgeButNotTheProcessItself() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		Http admin = Http.api(port, org.admin().token());
		String api = "/api/v1/orgs/" + org.slug();
		String id = admin.post(api + "/processes", Map.of("name", "Gribblewick fulfilment", "description", "Parcels"))
			.json()
			.get("id")
			.asString();
		admin.postChunked(api + "/processes/" + id + "/versions", "application/xml", BpmnReaderTests.file("order-v1.bpmn"));
		admin.post(api + "/spaces", Map.of("key", "OPS", "name", "Operations"));
		String item = admin.post(api + "/items", Map.of("space", "OPS", "kind", "CHECKLIST", "title",
				"Weigh the parcel on the calibrated scale", "body", "Weigh every parcel before it ships."))
			.json()
			.get("id")
			.asString();
		admin.post(api + "/items/" + item + "/transitions", Map.of("to", "IN_REVIEW"));
		admin.post(api + "/items/" + item + "/transitions", Map.of("to", "PUBLISHED"));
		Http browser = Http.browser(port);
		browser.signIn(org.admin().email(), TestData.PASSWORD);
		String panel = "/o/" + org.slug() + "/processes/" + id + "?step=Task_Weigh";

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<String> related = Jsoup.parse(browser.get(panel).body())
				.select("#step-panel .related-knowledge li a")
				.eachText();
			assertThat(related).contains("Weigh the parcel on the calibrated scale")
				.noneMatch(title -> title.contains("Gribblewick"));
		});
	}
}
