package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** The knowledge library through the REST API: spaces, items, versions, workflow, freshness, permissions. */
@TacitTest
class LibraryApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData data;
	TestData.Org org;
	Http admin;
	TestData.Person contributor;
	TestData.Person editor;
	TestData.Person viewer;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		admin = Http.api(port, org.admin().token());
		contributor = data.member(org, "CONTRIBUTOR");
		editor = data.member(org, "EDITOR");
		viewer = data.member(org, "VIEWER");
		base = "/api/v1/orgs/" + org.slug();
		assertThat(admin.post(base + "/spaces", Map.of("key", "OPS", "name", "Operations")).status()).isEqualTo(201);
	}

	private Http as(TestData.Person person) {
		return Http.api(port, person.token());
	}

	private JsonNode createItem(TestData.Person author, String title, String body) {
		Http.Response created = as(author).post(base + "/items", Map.of("space", "OPS", "kind", "TEMPLATE", "title",
				title, "summary", "A summary", "body", body, "tags", List.of("Shift Handover", "ops")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	private JsonNode publish(JsonNode item) {
		String id = item.get("id").asString();
		as(editor).post(base + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW"));
		return as(editor).post(base + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED")).json();
	}

	@Test
	void spacesAreCreatedByKnowledgeManagersWithCheckedKeys() {
		TestData.Person manager = data.member(org, "KNOWLEDGE_MANAGER");

		Http.Response created = as(manager).post(base + "/spaces",
				Map.of("key", "hr", "name", "People", "description", "HR guidance"));
		Http.Response byEditor = as(editor).post(base + "/spaces", Map.of("key", "ED", "name", "Editors"));
		Http.Response badKey = admin.post(base + "/spaces", Map.of("key", "1 bad", "name", "Bad"));
		Http.Response taken = admin.post(base + "/spaces", Map.of("key", "OPS", "name", "Again"));

		assertThat(created.json().get("key").asString()).isEqualTo("HR");
		assertThat(created.json().get("visibility").asString()).isEqualTo("ORGANIZATION");
		assertThat(byEditor.status()).isEqualTo(403);
		assertThat(badKey.json().get("errors").get(0).get("field").asString()).isEqualTo("key");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(as(viewer).get(base + "/spaces").json().get("items").findValuesAsString("key"))
			.containsExactly("OPS", "HR");
	}

	@Test
	void anItemStartsAsADraftThatViewersCannotSee() {
		JsonNode item = createItem(contributor, "Shift handover template", "# Handover\n\nWho, what, when.");
		String id = item.get("id").asString();

		assertThat(item.get("status").asString()).isEqualTo("DRAFT");
		assertThat(item.get("version").asInt()).isEqualTo(1);
		assertThat(item.get("tags").valueStream().map(JsonNode::asString)).containsExactly("shift-handover", "ops");
		assertThat(item.get("owner").get("id").asString()).isEqualTo(contributor.id().toString());
		assertThat(as(viewer).get(base + "/items/" + id).status()).isEqualTo(404);
		assertThat(as(viewer).get(base + "/items").json().get("totalItems").asInt()).isZero();
		assertThat(as(editor).get(base + "/items/" + id).status()).isEqualTo(200);
		assertThat(as(contributor).get(base + "/items?status=DRAFT").json().get("totalItems").asInt()).isEqualTo(1);
	}

	@Test
	void everySaveIsAVersionAndAStaleSaveIsAConflict() {
		JsonNode item = createItem(contributor, "Checklist for audits", "Step one");
		String id = item.get("id").asString();

		Http.Response saved = as(contributor).put(base + "/items/" + id, Map.of("version", 1, "title",
				"Checklist for audits", "summary", "", "body", "Step one\nStep two", "message", "added step two"));
		Http.Response stale = as(editor).put(base + "/items/" + id,
				Map.of("version", 1, "title", "Overwrite", "body", "lost"));

		assertThat(saved.json().get("version").asInt()).isEqualTo(2);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
		assertThat(stale.json().get("detail").asString()).contains("2");
		JsonNode current = as(editor).get(base + "/items/" + id).json();
		assertThat(current.get("title").asString()).isEqualTo("Checklist for audits");
		assertThat(current.get("version").asInt()).isEqualTo(2);

		JsonNode versions = as(editor).get(base + "/items/" + id + "/versions").json().get("items");
		assertThat(versions.findValuesAsString("message")).contains("added step two");
		assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);

		JsonNode diff = as(editor).get(base + "/items/" + id + "/diff?from=1&to=2").json();
		assertThat(diff.valueStream().filter(row -> row.get("change").asString().equals("INSERT")))
			.anySatisfy(row -> assertThat(row.get("after").asString()).isEqualTo("Step two"));

		Http.Response restored = as(editor).post(base + "/items/" + id + "/versions/1/restore", Map.of("version", 2));
		assertThat(restored.json().get("version").asInt()).isEqualTo(3);
		assertThat(restored.json().get("body").asString()).isEqualTo("Step one");
		assertThat(as(editor).get(base + "/items/" + id + "/versions/2").json().get("body").asString())
			.isEqualTo("Step one\nStep two");
	}

	@Test
	void theWorkflowIsEnforcedAndRecorded() {
		String id = createItem(contributor, "Incident review guidance", "text").get("id").asString();
		String transitions = base + "/items/" + id + "/transitions";

		assertThat(as(contributor).post(transitions, Map.of("to", "PUBLISHED")).status()).isEqualTo(409);
		assertThat(as(contributor).post(transitions, Map.of("to", "IN_REVIEW")).json().get("status").asString())
			.isEqualTo("IN_REVIEW");
		assertThat(as(contributor).post(transitions, Map.of("to", "PUBLISHED")).status()).isEqualTo(403);
		Http.Response noComment = as(editor).post(transitions, Map.of("to", "DRAFT"));
		assertThat(noComment.status()).isEqualTo(400);
		assertThat(noComment.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
		assertThat(as(editor).post(transitions, Map.of("to", "DRAFT", "comment", "Add the escalation path"))
			.json()
			.get("status")
			.asString()).isEqualTo("DRAFT");
		as(contributor).post(transitions, Map.of("to", "IN_REVIEW"));
		JsonNode published = as(editor).post(transitions, Map.of("to", "PUBLISHED")).json();

		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(as(viewer).get(base + "/items/" + id).status()).isEqualTo(200);
		assertThat(as(viewer).post(transitions, Map.of("to", "ARCHIVED")).status()).isEqualTo(403);
		assertThat(as(editor).post(transitions, Map.of("to", "SHREDDED")).status()).isEqualTo(400);
		JsonNode history = as(editor).get(transitions).json().get("items");
		assertThat(history.findValuesAsString("to")).containsExactly("PUBLISHED", "IN_REVIEW", "DRAFT", "IN_REVIEW");
		assertThat(history.findValuesAsString("comment")).contains("Add the escalation path");
		assertThat(admin.get(base + "/audit?action=item.transitioned").json().get("totalItems").asInt()).isEqualTo(4);
	}

	@Test
	void publishedItemsBecomeStaleAfterTheirReviewDateUntilVerified() {
		JsonNode item = publish(createItem(contributor, "Onboarding checklist", "steps"));
		String id = item.get("id").asString();
		assertThat(item.get("stale").asBoolean()).isFalse();
		assertThat(OffsetDateTime.parse(item.get("reviewBy").asString()))
			.isBetween(OffsetDateTime.now(ZoneOffset.UTC).plusDays(89), OffsetDateTime.now(ZoneOffset.UTC).plusDays(91));

		jdbc.sql("UPDATE library_item SET review_by = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), UUID.fromString(id))
			.update();

		assertThat(as(viewer).get(base + "/items/" + id).json().get("stale").asBoolean()).isTrue();
		assertThat(as(viewer).get(base + "/items?stale=true").json().get("items").findValuesAsString("id")).contains(id);
		assertThat(as(viewer).get(base + "/items?stale=false").json().get("items").findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(as(viewer).post(base + "/items/" + id + "/verify", Map.of()).status()).isEqualTo(403);

		JsonNode verified = as(contributor).post(base + "/items/" + id + "/verify", Map.of()).json();
		assertThat(verified.get("stale").asBoolean()).isFalse();
		assertThat(OffsetDateTime.parse(verified.get("reviewBy").asString()))
			.isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusDays(89));
	}

	@Test
	void theReviewIntervalComesFromTheOrganizationOrTheItem() {
		assertThat(admin.get(base + "/library/settings").json().get("reviewDays").asInt()).isEqualTo(90);
		assertThat(as(editor).put(base + "/library/settings", Map.of("reviewDays", 30)).status()).isEqualTo(403);
		assertThat(admin.put(base + "/library/settings", Map.of("reviewDays", 0)).status()).isEqualTo(400);
		admin.put(base + "/library/settings", Map.of("reviewDays", 30));

		JsonNode byDefault = publish(createItem(contributor, "Short-lived", "x"));
		Http.Response custom = as(contributor).post(base + "/items", Map.of("space", "OPS", "kind", "FAQ", "title",
				"Yearly", "body", "y", "reviewDays", 365));
		JsonNode yearly = publish(custom.json());

		assertThat(OffsetDateTime.parse(byDefault.get("reviewBy").asString()))
			.isBefore(OffsetDateTime.now(ZoneOffset.UTC).plusDays(31));
		assertThat(OffsetDateTime.parse(yearly.get("reviewBy").asString()))
			.isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusDays(364));
	}

	@Test
	void membersOnlySpacesAreInvisibleToEveryoneElse() {
		admin.post(base + "/spaces", Map.of("key", "BOARD", "name", "Board room", "visibility", "MEMBERS"));
		admin.put(base + "/spaces/BOARD/members/" + editor.email(), Map.of("role", "CONTRIBUTOR"));
		Http.Response created = as(editor).post(base + "/items",
				Map.of("space", "BOARD", "kind", "ARTICLE", "title", "Succession plan", "body", "secret"));
		String id = created.json().get("id").asString();
		as(editor).post(base + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW"));

		TestData.Person manager = data.member(org, "KNOWLEDGE_MANAGER");
		assertThat(as(manager).get(base + "/spaces/BOARD").status()).isEqualTo(404);
		assertThat(as(manager).get(base + "/items/" + id).status()).isEqualTo(404);
		assertThat(as(manager).get(base + "/spaces").json().get("items").findValuesAsString("key"))
			.doesNotContain("BOARD");
		assertThat(as(manager).get(base + "/items?space=BOARD").json().get("totalItems").asInt()).isZero();
		assertThat(as(manager).post(base + "/items", Map.of("space", "BOARD", "kind", "FAQ", "title", "x"))
			.json()
			.get("errors")
			.get(0)
			.get("field")
			.asString()).isEqualTo("space");
		assertThat(as(editor).get(base + "/spaces/BOARD").json().get("yourRole").asString()).isEqualTo("CONTRIBUTOR");
		assertThat(as(editor).post(base + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED")).status())
			.as("a space contributor may not approve, whatever their organization role").isEqualTo(403);
		assertThat(admin.get(base + "/items/" + id).status()).isEqualTo(200);
	}

	@Test
	void markdownIsRenderedWithTablesAndSanitized() {
		String body = """
				| Step | Owner |
				|------|-------|
				| Check | Ops |

				<script>alert('x')</script>
				[click](javascript:alert(1)) <img src="https://example.org/a.png" onerror="alert(2)">
				<a href="https://example.org" onclick="steal()">fine link</a>
				""";

		String html = createItem(contributor, "Sanitized", body).get("bodyHtml").asString();

		assertThat(html).contains("<table>").contains("<td>Check</td>").contains("href=\"https://example.org\"")
			.contains("fine link");
		assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("javascript:")
			.doesNotContain("onerror").doesNotContain("onclick");
	}

	@Test
	void badInputIsRefusedWithTheFieldAndWritesNothing() {
		Map<String, Object> good = new HashMap<>(Map.of("space", "OPS", "kind", "ARTICLE", "title", "Fine", "body", "b"));
		Map<String, String> problems = Map.of("title", "", "kind", "POEM", "space", "NOPE", "body", "x".repeat(200_001));

		problems.forEach((field, value) -> {
			Map<String, Object> request = new HashMap<>(good);
			request.put(field, value);
			Http.Response refused = as(contributor).post(base + "/items", request);
			assertThat(refused.status()).as(field).isEqualTo(400);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		});
		assertThat(as(contributor).post(base + "/items", Map.of("space", "OPS", "kind", "FAQ", "title", "t", "tags",
				java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList())).status()).isEqualTo(400);
		assertThat(as(viewer).post(base + "/items", good).status()).isEqualTo(403);
		assertThat(as(editor).get(base + "/items").json().get("totalItems").asInt()).isZero();
		assertThat(as(editor).get(base + "/items?kind=POEM").status()).isEqualTo(400);
	}

	@Test
	void anotherOrganizationSeesNothing() {
		String id = publish(createItem(contributor, "Ours", "x")).get("id").asString();
		TestData.Org other = data.org();
		Http stranger = Http.api(port, data.member(other, "ADMIN").token());

		assertThat(stranger.get(base + "/items/" + id).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/orgs/" + other.slug() + "/items/" + id).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/orgs/" + other.slug() + "/items").json().get("totalItems").asInt()).isZero();
		assertThat(stranger.put(base + "/items/" + id, Map.of("version", 1, "title", "Theirs")).status()).isEqualTo(404);
	}
}
