package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

/** Library items in the one search box: indexed after commit, with the library's permissions applied. */
@TacitTest
class LibrarySearchTests {

	/** A word that stands only in the test fixtures made with LibreOffice. */
	private static final String WORD = "quokkaquill";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	TestData.Person editor;
	TestData.Person viewer;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		editor = data.member(org, "EDITOR");
		viewer = data.member(org, "VIEWER");
		base = "/api/v1/orgs/" + org.slug();
		Http.api(port, org.admin().token()).post(base + "/spaces", Map.of("key", "OPS", "name", "Operations"));
	}

	private String create(TestData.Person author, String space, String title, String body) {
		return Http.api(port, author.token())
			.post(base + "/items", Map.of("space", space, "kind", "TEMPLATE", "title", title, "body", body, "tags",
					java.util.List.of("handover")))
			.json()
			.get("id")
			.asString();
	}

	private void publish(String id) {
		Http api = Http.api(port, editor.token());
		api.post(base + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW"));
		api.post(base + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED"));
	}

	private JsonNode search(TestData.Person who, String q) {
		return Http.api(port, who.token()).get(base + "/search?q=" + q).json();
	}

	@Test
	void aPublishedItemIsFoundWithinASecondAndADraftOnlyByThoseWhoMaySeeIt() {
		String id = create(editor, "OPS", "Quarry blasting permit template", "Fill in the kestrelform before noon.");

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(search(editor, "kestrelform").get("total").asInt()).isEqualTo(1));
		assertThat(search(viewer, "kestrelform").get("total").asInt()).isZero();

		publish(id);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode found = search(viewer, "kestrelform");
			assertThat(found.get("total").asInt()).isEqualTo(1);
			JsonNode hit = found.get("hits").get(0);
			assertThat(hit.get("id").asString()).isEqualTo(id);
			assertThat(hit.get("type").asString()).isEqualTo("item");
			assertThat(hit.get("url").asString()).isEqualTo("/o/" + org.slug() + "/items/" + id);
			assertThat(hit.get("kind").asString()).isEqualTo("TEMPLATE");
			assertThat(hit.get("stale").asBoolean()).isFalse();
		});
		assertThat(search(viewer, "kestrelform").get("facets").get("tag").propertyNames()).contains("handover");
	}

	@Test
	void changesAndArchivingReachTheIndex() {
		String id = create(editor, "OPS", "Crane inspection", "Check the ospreyhook.");
		publish(id);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(search(viewer, "ospreyhook").get("total").asInt()).isEqualTo(1));

		Http.api(port, editor.token())
			.put(base + "/items/" + id, Map.of("version", 1, "title", "Crane inspection", "body", "Check the heronhook."));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(search(viewer, "heronhook").get("total").asInt()).isEqualTo(1);
			assertThat(search(viewer, "ospreyhook").get("total").asInt()).isZero();
		});

		Http.api(port, editor.token()).post(base + "/items/" + id + "/transitions", Map.of("to", "ARCHIVED"));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(search(viewer, "heronhook").get("total").asInt()).isZero());
	}

	@Test
	void commentsAreFoundAndLeadToTheirItem() {
		String id = create(editor, "OPS", "Forklift rules", "Keep left.");
		publish(id);
		Http.api(port, viewer.token()).post(base + "/items/" + id + "/comments", Map.of("body", "Mind the *puffinramp* at gate 3"));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode found = search(viewer, "puffinramp");
			assertThat(found.get("total").asInt()).isEqualTo(1);
			assertThat(found.get("hits").get(0).get("type").asString()).isEqualTo("comment");
			assertThat(found.get("hits").get(0).get("url").asString()).endsWith("/items/" + id);
		});
	}

	@Test
	void textInsideAttachedFilesIsFoundAndLeadsToTheItem() throws Exception {
		String id = create(editor, "OPS", "Handover pack", "See the attached slides.");
		publish(id);
		byte[] slides = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("src/test/resources/fixtures/handover.pptx"));

		Http.Response uploaded = Http.api(port, editor.token())
			.postMultipart(base + "/items/" + id + "/attachments", Map.of(),
					Http.FilePart.of("handover.pptx", "application/octet-stream", slides));

		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			JsonNode found = search(viewer, WORD);
			assertThat(found.get("hits").findValuesAsString("type")).contains("attachment");
			assertThat(found.get("hits").findValuesAsString("url")).allMatch(url -> url.endsWith("/items/" + id));
		});
	}

	@Test
	void membersOnlySpacesStayInvisibleInSearch() {
		Http admin = Http.api(port, org.admin().token());
		admin.post(base + "/spaces", Map.of("key", "BOARD", "name", "Board", "visibility", "MEMBERS"));
		admin.put(base + "/spaces/BOARD/members/" + editor.email(), Map.of("role", "EDITOR"));
		String id = create(editor, "BOARD", "Succession plan", "The pelicanplan stays private.");
		publish(id);

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(search(editor, "pelicanplan").get("total").asInt()).isEqualTo(1));
		assertThat(search(viewer, "pelicanplan").get("total").asInt()).isZero();
		assertThat(search(viewer, "board").get("facets").get("space").propertyNames()).doesNotContain("BOARD");
		assertThat(search(data.member(org, "KNOWLEDGE_MANAGER"), "pelicanplan").get("total").asInt()).isZero();
	}
}
