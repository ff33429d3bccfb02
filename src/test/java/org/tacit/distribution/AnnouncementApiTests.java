package org.tacit.distribution;

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

/** Announcements that must be acknowledged: the audience, acknowledgement progress, reminders, who may do what. */
@TacitTest
class AnnouncementApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData.Org org;
	TestData.Person manager;
	TestData.Person viewer;
	TestData.Person editor;
	String base;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		manager = data.member(org, "KNOWLEDGE_MANAGER");
		viewer = data.member(org, "VIEWER");
		editor = data.member(org, "EDITOR");
		base = "/api/v1/orgs/" + org.slug() + "/announcements";
	}

	private Http api(TestData.Person person) {
		return Http.api(port, person.token());
	}

	private JsonNode publish(TestData.Person author, Map<String, Object> body) {
		Http.Response created = api(author).post(base, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	@Test
	void everyoneInTheAudienceAcknowledgesAndTheAuthorSeesWhoHasNot() {
		JsonNode a = publish(manager, Map.of("title", "Share what you learn", "body", "Every project ends with an **after-action review**.",
				"mustAcknowledge", true));
		String id = a.get("id").asString();
		assertThat(a.get("audienceSize").asLong()).as("everyone but the author").isEqualTo(3);
		assertThat(a.get("acknowledged").asLong()).isZero();
		assertThat(a.get("bodyHtml").asString()).contains("<strong>after-action review</strong>");

		JsonNode pending = api(viewer).get(base + "?pending=true").json();
		assertThat(pending.get("totalItems").asLong()).isEqualTo(1);
		assertThat(pending.get("items").get(0).get("acknowledged").isNull()).as("progress is for leaders").isTrue();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api(viewer)
			.get("/api/v1/me/notifications?org=" + org.slug()).json().get("items").get(0).get("kind").asString())
			.isEqualTo("ANNOUNCEMENT"));

		Http.Response acknowledged = api(viewer).post(base + "/" + id + "/acknowledge", Map.of());
		assertThat(acknowledged.status()).isEqualTo(200);
		assertThat(acknowledged.json().get("acknowledgedAt").isNull()).isFalse();
		assertThat(api(viewer).post(base + "/" + id + "/acknowledge", Map.of()).status()).as("again: no change").isEqualTo(200);
		assertThat(api(viewer).get(base + "?pending=true").json().get("totalItems").asLong()).isZero();

		JsonNode list = api(manager).get(base + "/" + id + "/acknowledgements").json();
		assertThat(list.get("totalItems").asLong()).isEqualTo(3);
		JsonNode last = list.get("items").get(2);
		assertThat(last.get("email").asString()).isEqualTo(viewer.email());
		assertThat(last.get("acknowledgedAt").isNull()).isFalse();
		assertThat(list.get("items").get(0).get("acknowledgedAt").isNull()).as("those who have not come first").isTrue();
		assertThat(api(manager).get(base + "/" + id + "/acknowledgements?acknowledged=false").json().get("totalItems").asLong())
			.isEqualTo(2);
		assertThat(api(manager).get(base + "/" + id).json().get("acknowledged").asLong()).isEqualTo(1);

		assertThat(api(viewer).get(base + "/" + id + "/acknowledgements").status()).isEqualTo(403);
		Http.Response reminded = api(manager).post(base + "/" + id + "/reminders", Map.of());
		assertThat(reminded.json().get("reminded").asInt()).isEqualTo(2);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api(editor)
			.get("/api/v1/me/notifications?org=" + org.slug()).json().get("totalItems").asLong()).isEqualTo(2));
		assertThat(api(viewer).get("/api/v1/me/notifications?org=" + org.slug()).json().get("totalItems").asLong())
			.as("who acknowledged is not reminded").isEqualTo(1);
	}

	@Test
	void aGroupAudienceReachesOnlyThatGroup() {
		JsonNode a = publish(org.admin(), Map.of("title", "Editors: verify your items", "body", "Before the audit.",
				"mustAcknowledge", true, "audience", "ROLE:EDITOR"));
		assertThat(a.get("audience").asString()).isEqualTo("ROLE:EDITOR");
		// editors and above: the knowledge manager and the editor (not the viewer, not the author)
		assertThat(a.get("audienceSize").asLong()).isEqualTo(2);
		assertThat(api(viewer).get(base + "/" + a.get("id").asString()).status()).isEqualTo(404);
		assertThat(api(viewer).get(base).json().get("totalItems").asLong()).isZero();
		assertThat(api(editor).get(base + "?pending=true").json().get("totalItems").asLong()).isEqualTo(1);
	}

	@Test
	void aCommunityAudienceReachesItsMembersOnly() {
		org.tacit.support.CommunityFixture communities = new org.tacit.support.CommunityFixture(port, org);
		String community = communities.launched(org.admin(), editor, "Turbine crews");
		communities.join(viewer, community);
		TestData.Person outsider = new TestData(context, port).member(org, "CONTRIBUTOR");

		JsonNode a = publish(manager, Map.of("title", "Crews: new lockout rule", "body", "Read it.", "mustAcknowledge", true,
				"audience", "COMMUNITY:" + community));
		// the community's members (its leader, the viewer who joined, ...), not the manager who is not one
		long members = api(editor).get("/api/v1/orgs/" + org.slug() + "/communities/" + community).json().get("members").asLong();
		assertThat(members).isGreaterThanOrEqualTo(2);
		assertThat(a.get("audienceSize").asLong()).isEqualTo(members);
		assertThat(api(viewer).get(base + "?pending=true").json().get("totalItems").asLong()).isEqualTo(1);
		assertThat(api(outsider).get(base + "/" + a.get("id").asString()).status()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api(viewer)
			.get("/api/v1/me/notifications?org=" + org.slug()).json().get("totalItems").asLong()).isEqualTo(1));
		assertThat(api(outsider).get("/api/v1/me/notifications?org=" + org.slug()).json().get("totalItems").asLong()).isZero();
		Http.Response unknown = api(manager).post(base, Map.of("title", "x", "body", "y", "audience", "COMMUNITY:" + java.util.UUID.randomUUID()));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("\"audience\"");
	}

	@Test
	void onlyLeadersPublishAndBadInputChangesNothing() {
		assertThat(api(editor).post(base, Map.of("title", "x", "body", "y")).status()).isEqualTo(403);
		Http.Response noTitle = api(manager).post(base, Map.of("title", " ", "body", "y"));
		assertThat(noTitle.status()).isEqualTo(400);
		assertThat(noTitle.body()).contains("\"title\"");
		Http.Response audience = api(manager).post(base, Map.of("title", "x", "body", "y", "audience", "ROLE:PRESIDENT"));
		assertThat(audience.status()).isEqualTo(400);
		assertThat(audience.body()).contains("\"audience\"");
		assertThat(api(manager).get(base).json().get("totalItems").asLong()).isZero();
	}
}
