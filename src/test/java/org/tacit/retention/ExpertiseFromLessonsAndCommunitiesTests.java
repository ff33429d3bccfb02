package org.tacit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.CommunityFixture;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Derived expertise from the other modules: a validated lesson credits its author, a charter role
 * credits its holder with the community's domain, an accepted answer credits its author (and a newly
 * accepted one replaces it); members-only communities credit no one; a rebuild derives the same again.
 */
@TacitTest
class ExpertiseFromLessonsAndCommunitiesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void lessonsRolesAndAcceptedAnswersShowExpertise() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		String base = "/api/v1/orgs/" + org.slug();
		TestData.Person editor = data.member(org, "EDITOR");
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		TestData.Person sponsor = data.member(org, "CONTRIBUTOR");
		TestData.Person leader = data.member(org, "CONTRIBUTOR");
		TestData.Person answerer = data.member(org, "VIEWER");
		TestData.Person better = data.member(org, "VIEWER");
		TestData.Person secretive = data.member(org, "CONTRIBUTOR");
		Http viewer = Http.api(port, data.member(org, "VIEWER").token());

		// a lesson validated by an editor
		Http.Response lesson = Http.api(port, author.token()).post(base + "/lessons", Map.of("title",
				"Flush the hydrants after repairs", "observation", "Brown water for a day.", "rootCause", "No flushing.",
				"recommendation", "Flush for ten minutes.", "priority", "CAUTION", "tags", List.of("hydrants")));
		assertThat(lesson.status()).as(lesson.toString()).isEqualTo(201);
		String lessonId = lesson.json().get("id").asString();
		assertThat(Http.api(port, editor.token())
			.post(base + "/lessons/" + lessonId + "/transitions", Map.of("to", "VALIDATED"))
			.status()).isEqualTo(200);

		// a community's charter roles, and a question with an accepted answer, replaced by a better one
		CommunityFixture communities = new CommunityFixture(port, org);
		String community = communities.launched(sponsor, leader, "Water network", "hydrants", "mains");
		communities.join(answerer, community);
		communities.join(better, community);
		// nothing from a members-only community (accepted first, so its listener has run when the public answers show)
		String hidden = communities.propose(secretive, "Leak detection", true, "hydrants").get("id").asString();
		Http secret = Http.api(port, secretive.token());
		assertThat(secret.put(base + "/communities/" + hidden + "/charter",
				CommunityFixture.completeCharter(secretive, secretive)).status()).isEqualTo(200);
		assertThat(secret.post(base + "/communities/" + hidden + "/launch", Map.of()).status()).isEqualTo(200);
		assertThat(secret.post(base + "/communities/" + hidden + "/members", Map.of("person", better.email())).status())
			.isEqualTo(200);
		communities.join(better, hidden);
		String secretQuestion = communities.ask(secretive, hidden, "Which valve leaks first?", "In winter").get("id")
			.asString();
		String secretAnswer = communities.answer(better, secretQuestion, "The old brass ones").get("id").asString();
		assertThat(secret.post(base + "/posts/" + secretAnswer + "/accept", Map.of()).status()).isEqualTo(200);
		String question = communities.ask(leader, community, "How long to flush?", "After a repair").get("id")
			.asString();
		String first = communities.answer(answerer, question, "Five minutes").get("id").asString();
		String second = communities.answer(better, question, "Until the water is clear").get("id").asString();
		assertThat(Http.api(port, leader.token()).post(base + "/posts/" + first + "/accept", Map.of()).status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(kinds(viewer, base, answerer)).containsExactly("ANSWER_ACCEPTED"));
		assertThat(Http.api(port, leader.token()).post(base + "/posts/" + second + "/accept", Map.of()).status())
			.isEqualTo(200);


		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(kinds(viewer, base, author)).containsExactly("LESSON_VALIDATED");
			assertThat(kinds(viewer, base, leader)).containsExactly("COMMUNITY_ROLE");
			assertThat(kinds(viewer, base, sponsor)).containsExactly("COMMUNITY_ROLE");
			assertThat(kinds(viewer, base, better)).containsExactly("ANSWER_ACCEPTED");
			assertThat(kinds(viewer, base, answerer)).as("the answer accepted before").isEmpty();
		});
		assertThat(viewer.get(base + "/people/" + better.id() + "/expertise").json().get("derived")
			.findValues("hidden")).as("no evidence from the members-only community, not even hidden")
			.allMatch(count -> count.asInt() == 0);
		assertThat(kinds(viewer, base, secretive)).isEmpty();
		JsonNode experts = viewer.get(base + "/experts?topic=hydrants").json();
		assertThat(experts.get("items").findValuesAsString("person")).containsExactlyInAnyOrder(author.id().toString(),
				leader.id().toString(), sponsor.id().toString(), better.id().toString());
		JsonNode derived = viewer.get(base + "/people/" + author.id() + "/expertise").json().get("derived");
		assertThat(derived.get(0).get("tag").asString()).isEqualTo("hydrants");
		assertThat(derived.get(0).get("evidence").get(0).get("path").asString()).isEqualTo("lessons/" + lessonId);

		// a rebuild derives the same; a rejected lesson stops counting
		Http admin = Http.api(port, org.admin().token());
		assertThat(admin.post(base + "/experts/rebuild", Map.of()).status()).isEqualTo(200);
		assertThat(viewer.get(base + "/experts?topic=hydrants").json().get("items").findValuesAsString("person"))
			.containsExactlyInAnyOrderElementsOf(experts.get("items").findValuesAsString("person"));
		assertThat(kinds(viewer, base, answerer)).isEmpty();
		assertThat(viewer.get(base + "/people/" + better.id() + "/expertise").json().get("derived")
			.findValues("hidden")).as("the members-only answer is no public expertise")
			.isNotEmpty()
			.allMatch(count -> count.asInt() == 0);
		assertThat(Http.api(port, editor.token())
			.post(base + "/lessons/" + lessonId + "/transitions", Map.of("to", "REJECTED", "reason", "Wrong cause"))
			.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kinds(viewer, base, author)).isEmpty());
	}

	private static List<String> kinds(Http api, String base, TestData.Person person) {
		JsonNode derived = api.get(base + "/people/" + person.id() + "/expertise").json().get("derived");
		return derived.findValuesAsString("kind").stream().distinct().toList();
	}
}
