package org.tacit.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** A validated lesson reaches the followers of its author and of its tags, once each. */
@TacitTest
class LessonNotificationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aValidatedLessonReachesTheFollowersOfItsAuthorAndTags() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		TestData.Person editor = data.member(org, "EDITOR");
		TestData.Person byAuthor = data.member(org, "VIEWER");
		TestData.Person byTag = data.member(org, "VIEWER");
		TestData.Person bystander = data.member(org, "VIEWER");
		follow(byAuthor, org, "PERSON", author.email());
		follow(byTag, org, "TAG", "valves");
		follow(editor, org, "TAG", "valves");

		String lessons = "/api/v1/orgs/" + org.slug() + "/lessons";
		Http.Response captured = Http.api(port, author.token()).post(lessons, Map.of("title", "Order spare valves early",
				"observation", "The shutdown waited for valves.", "recommendation", "Order them when it is decided.",
				"tags", List.of("valves")));
		assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
		String id = captured.json().get("id").asString();
		Http.Response validated = Http.api(port, editor.token()).post(lessons + "/" + id + "/transitions", Map.of("to", "VALIDATED"));
		assertThat(validated.status()).as(validated.toString()).isEqualTo(200);

		for (TestData.Person follower : List.of(byAuthor, byTag)) {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				JsonNode items = Http.api(port, follower.token()).get("/api/v1/me/notifications?org=" + org.slug()).json().get("items");
				assertThat(items).hasSize(1);
				assertThat(items.get(0).get("kind").asString()).isEqualTo("LESSON_VALIDATED");
				assertThat(items.get(0).get("title").asString()).isEqualTo("Order spare valves early");
				assertThat(items.get(0).get("path").asString()).isEqualTo("lessons/" + id);
			});
		}
		assertThat(Http.api(port, editor.token()).get("/api/v1/me/notifications?org=" + org.slug()).json().get("totalItems")
			.asLong()).as("the one who validated it").isZero();
		assertThat(Http.api(port, bystander.token()).get("/api/v1/me/notifications?org=" + org.slug()).json().get("totalItems")
			.asLong()).isZero();
	}

	private void follow(TestData.Person person, TestData.Org org, String kind, String target) {
		assertThat(Http.api(port, person.token()).post("/api/v1/me/follows", Map.of("org", org.slug(), "kind", kind,
				"target", target)).status()).isEqualTo(201);
	}
}
