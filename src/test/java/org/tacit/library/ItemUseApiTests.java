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
import org.tacit.library.internal.ItemCommentService;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** Feedback, "I used this" and comments on items through the REST API. */
@TacitTest
class ItemUseApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ItemCommentService comments;

	TestData data;
	TestData.Org org;
	Http admin;
	TestData.Person contributor;
	TestData.Person editor;
	TestData.Person viewer;
	TestData.Person viewer2;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		admin = Http.api(port, org.admin().token());
		contributor = data.member(org, "CONTRIBUTOR");
		editor = data.member(org, "EDITOR");
		viewer = data.member(org, "VIEWER");
		viewer2 = data.member(org, "VIEWER");
		base = "/api/v1/orgs/" + org.slug();
		assertThat(admin.post(base + "/spaces", Map.of("key", "OPS", "name", "Operations")).status()).isEqualTo(201);
	}

	private Http as(TestData.Person person) {
		return Http.api(port, person.token());
	}

	private String item(String kind) {
		Http.Response created = as(contributor).post(base + "/items",
				Map.of("space", "OPS", "kind", kind, "title", "A " + kind, "body", "- step"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String published(String kind) {
		String id = item(kind);
		as(editor).post(base + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW"));
		as(editor).post(base + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED"));
		return id;
	}

	private int audited(String action) {
		return admin.get(base + "/audit?action=" + action).json().get("totalItems").asInt();
	}

	private static Map<String, Object> vote(boolean helpful, String comment) {
		Map<String, Object> vote = new HashMap<>();
		vote.put("helpful", helpful);
		vote.put("comment", comment);
		return vote;
	}

	@Test
	void aNewVoteReplacesThePersonsEarlierOneAndTheCountsAreRight() {
		String feedback = base + "/items/" + published("ARTICLE") + "/feedback";

		as(viewer).post(feedback, vote(true, null));
		as(viewer2).post(feedback, vote(true, "Saved me an hour"));
		as(editor).post(feedback, vote(false, null));
		JsonNode changed = as(viewer).post(feedback, vote(false, "The second step is out of date")).json();

		assertThat(changed.get("helpful").asLong()).isEqualTo(1);
		assertThat(changed.get("notHelpful").asLong()).isEqualTo(2);
		assertThat(changed.get("yours").get("helpful").asBoolean()).isFalse();
		assertThat(changed.get("yours").get("comment").asString()).isEqualTo("The second step is out of date");
		JsonNode seen = as(viewer2).get(feedback).json();
		assertThat(seen.get("helpful").asLong()).isEqualTo(1);
		assertThat(seen.get("notHelpful").asLong()).isEqualTo(2);
		assertThat(seen.get("yours").get("helpful").asBoolean()).isTrue();
		assertThat(as(contributor).get(feedback).json().get("yours").isNull()).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM library_feedback WHERE person_id = ?").param(viewer.id()).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(audited("item.feedback-given")).isEqualTo(4);
	}

	@Test
	void commentsOnFeedbackAreForTheOwnerAndEditorsOnly() {
		String feedback = base + "/items/" + published("ARTICLE") + "/feedback";
		as(viewer).post(feedback, vote(false, "Missing the escalation path"));
		as(viewer2).post(feedback, vote(true, null));

		JsonNode asViewer = as(viewer2).get(feedback).json();
		JsonNode asOwner = as(contributor).get(feedback).json();
		JsonNode asEditor = as(editor).get(feedback).json();

		assertThat(asViewer.get("helpful").asLong()).isEqualTo(1);
		assertThat(asViewer.get("comments").isNull()).isTrue();
		assertThat(asViewer.toString()).doesNotContain("escalation");
		assertThat(asOwner.get("comments").get("totalItems").asInt()).as("only votes with a comment").isEqualTo(1);
		JsonNode comment = asOwner.get("comments").get("items").get(0);
		assertThat(comment.get("comment").asString()).isEqualTo("Missing the escalation path");
		assertThat(comment.get("author").get("id").asString()).isEqualTo(viewer.id().toString());
		assertThat(comment.get("helpful").asBoolean()).isFalse();
		assertThat(comment.get("at").isNull()).isFalse();
		assertThat(asEditor.get("comments").get("items").findValuesAsString("comment"))
			.containsExactly("Missing the escalation path");
	}

	@Test
	void badFeedbackIsRefusedWithTheFieldAndWritesNothing() {
		String feedback = base + "/items/" + published("ARTICLE") + "/feedback";

		Http.Response noVote = as(viewer).post(feedback, Map.of("comment", "meh"));
		Http.Response longComment = as(viewer).post(feedback, vote(true, "x".repeat(2001)));
		Http.Response notJson = as(viewer).postRaw(feedback, "application/json", "{\"helpful\":");

		assertThat(noVote.status()).isEqualTo(400);
		assertThat(noVote.json().get("errors").get(0).get("field").asString()).isEqualTo("helpful");
		assertThat(longComment.status()).isEqualTo(400);
		assertThat(longComment.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
		assertThat(notJson.status()).isEqualTo(400);
		JsonNode counts = as(viewer).get(feedback).json();
		assertThat(counts.get("helpful").asLong() + counts.get("notHelpful").asLong()).isZero();
		assertThat(audited("item.feedback-given")).isZero();
	}

	@Test
	void usesAreRecordedForReusableKindsOnlyAndCreditTheOwner() {
		String template = base + "/items/" + published("TEMPLATE") + "/uses";
		String checklist = base + "/items/" + published("CHECKLIST") + "/uses";
		String sample = base + "/items/" + published("WORK_SAMPLE") + "/uses";

		Http.Response used = as(viewer).post(template, Map.of("note", "Quarterly report"));
		assertThat(used.status()).isEqualTo(201);
		assertThat(used.json().get("uses").asLong()).isEqualTo(1);
		assertThat(as(viewer2).post(template, Map.of()).json().get("uses").asLong()).isEqualTo(2);
		assertThat(as(viewer).post(checklist, Map.of()).status()).isEqualTo(201);
		assertThat(as(viewer).post(sample, Map.of()).status()).isEqualTo(201);

		for (String kind : List.of("ARTICLE", "FAQ")) {
			Http.Response refused = as(viewer).post(base + "/items/" + published(kind) + "/uses", Map.of());
			assertThat(refused.status()).as(kind).isEqualTo(409);
			assertThat(refused.json().get("detail").asString()).contains("templates, checklists and work samples");
		}

		JsonNode counted = as(viewer2).get(template).json();
		assertThat(counted.get("uses").asLong()).isEqualTo(2);
		assertThat(counted.get("yours").asLong()).isEqualTo(1);
		JsonNode audit = admin.get(base + "/audit?action=item.used").json();
		assertThat(audit.get("totalItems").asInt()).as("one entry per use, none for refusals").isEqualTo(4);
		assertThat(audit.get("items").findValuesAsString("detail")).contains("A TEMPLATE: Quarterly report");
	}

	@Test
	void aSecondUseWithinAMinuteIsTakenForADoubleClick() {
		String id = published("TEMPLATE");
		String uses = base + "/items/" + id + "/uses";

		assertThat(as(viewer).post(uses, Map.of()).status()).isEqualTo(201);
		Http.Response again = as(viewer).post(uses, Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("less than a minute ago");
		assertThat(as(viewer2).post(uses, Map.of()).status()).as("someone else may").isEqualTo(201);

		jdbc.sql("UPDATE library_use SET used_at = ? WHERE item_id = ? AND person_id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(61), UUID.fromString(id), viewer.id())
			.update();
		assertThat(as(viewer).post(uses, Map.of()).status()).as("a minute later it is a real use").isEqualTo(201);
		assertThat(as(viewer).get(uses).json().get("uses").asLong()).isEqualTo(3);
		assertThat(as(viewer).get(uses).json().get("yours").asLong()).isEqualTo(2);
		Http.Response longNote = as(viewer2).post(uses, Map.of("note", "x".repeat(2001)));
		assertThat(longNote.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
		assertThat(audited("item.used")).isEqualTo(3);
	}

	@Test
	void commentsAreSanitizedListedOldestFirstAndRemovedByTheirAuthorOrAnEditor() {
		String id = published("ARTICLE");
		String list = base + "/items/" + id + "/comments";

		Http.Response first = as(viewer).post(list, Map.of("body", "**Works** <script>alert('x')</script>"
				+ " [link](javascript:alert(1)) <img src=x onerror=alert(2)>"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		String firstId = first.json().get("id").asString();
		assertThat(first.location()).endsWith(list + "/" + firstId);
		String html = first.json().get("bodyHtml").asString();
		assertThat(html).contains("<strong>Works</strong>");
		assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("onerror");
		String second = as(viewer2).post(list, Map.of("body", "Second")).json().get("id").asString();
		as(contributor).post(list, Map.of("body", "Third"));

		JsonNode page = as(viewer).get(list + "?size=2").json();
		assertThat(page.get("totalItems").asInt()).isEqualTo(3);
		assertThat(page.get("items").findValuesAsString("body").get(1)).isEqualTo("Second");
		assertThat(page.get("items").get(0).get("canDelete").asBoolean()).isTrue();
		assertThat(page.get("items").get(1).get("canDelete").asBoolean()).isFalse();
		assertThat(as(viewer).get(list + "?page=1&size=2").json().get("items").findValuesAsString("body"))
			.containsExactly("Third");

		assertThat(as(viewer).delete(list + "/" + second).status()).isEqualTo(403);
		assertThat(as(contributor).delete(list + "/" + second).status()).as("the owner is not an editor")
			.isEqualTo(403);
		assertThat(as(editor).delete(list + "/" + second).status()).isEqualTo(204);
		assertThat(as(viewer).delete(list + "/" + firstId).status()).isEqualTo(204);
		assertThat(as(viewer).delete(list + "/" + firstId).status()).isEqualTo(404);
		assertThat(as(viewer).get(list).json().get("items").findValuesAsString("body")).containsExactly("Third");
		assertThat(audited("comment.added")).isEqualTo(3);
		assertThat(audited("comment.deleted")).isEqualTo(2);
	}

	@Test
	void commentTextIsOfferedPlainForSearch() {
		String id = published("ARTICLE");
		as(viewer).post(base + "/items/" + id + "/comments", Map.of("body", "Use the **new** form <b>now</b>\n\n<script>alert(1)</script>"));

		List<CommentText> texts = comments.commentsOf(new ItemId(UUID.fromString(id)));

		assertThat(texts).hasSize(1);
		assertThat(texts.get(0).text()).isEqualTo("Use the new form now");
		assertThat(texts.get(0).authorName()).isEqualTo("Person " + viewer.email());
	}

	@Test
	void badCommentsAreRefusedWithTheFieldAndWriteNothing() {
		String list = base + "/items/" + published("ARTICLE") + "/comments";

		for (String body : new String[] { "", "   \n", "x".repeat(10_001) }) {
			Http.Response refused = as(viewer).post(list, Map.of("body", body));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
		}
		assertThat(as(viewer).post(list, Map.of("body", "x".repeat(10_000))).status()).isEqualTo(201);
		assertThat(as(viewer).get(list).json().get("totalItems").asInt()).isEqualTo(1);
		assertThat(as(viewer).delete(list + "/not-a-comment").status()).isEqualTo(404);
	}

	@Test
	void aDraftsFeedbackUsesAndCommentsAreHiddenFromViewersAndOtherOrganizations() {
		String draft = item("TEMPLATE");
		String path = base + "/items/" + draft;
		assertThat(as(contributor).post(path + "/feedback", vote(true, "my own")).status()).isEqualTo(200);
		assertThat(as(editor).post(path + "/comments", Map.of("body", "Needs a title page")).status()).isEqualTo(201);
		assertThat(as(editor).post(path + "/uses", Map.of()).status()).isEqualTo(201);

		for (String part : List.of("/feedback", "/comments", "/uses")) {
			assertThat(as(viewer).get(path + part).status()).as(part).isEqualTo(404);
		}
		assertThat(as(viewer).post(path + "/feedback", vote(true, null)).status()).isEqualTo(404);
		assertThat(as(viewer).post(path + "/comments", Map.of("body", "hi")).status()).isEqualTo(404);
		assertThat(as(viewer).post(path + "/uses", Map.of()).status()).isEqualTo(404);

		TestData.Org other = data.org();
		Http stranger = Http.api(port, data.member(other, "ADMIN").token());
		String theirs = "/api/v1/orgs/" + other.slug() + "/items/" + draft;
		for (String part : List.of("/feedback", "/comments", "/uses")) {
			assertThat(stranger.get(path + part).status()).as(part).isEqualTo(404);
			assertThat(stranger.get(theirs + part).status()).as(part).isEqualTo(404);
		}
		assertThat(stranger.post(theirs + "/comments", Map.of("body", "hi")).status()).isEqualTo(404);
		assertThat(stranger.post(theirs + "/feedback", vote(false, null)).status()).isEqualTo(404);
		assertThat(as(editor).get(path + "/comments").json().get("totalItems").asInt()).isEqualTo(1);
	}
}
