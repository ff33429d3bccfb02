package org.tacit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * What a leaver holds in the other modules is on the handover list and passes to the successor in
 * one step: their roles in community charters (a new charter version says so) and their open actions
 * from lessons (finished ones keep who did them).
 */
@TacitTest
class HandoverAcrossModulesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void charterRolesAndOpenActionsPassToTheSuccessor() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		String base = "/api/v1/orgs/" + org.slug();
		TestData.Person km = data.member(org, "KNOWLEDGE_MANAGER");
		TestData.Person leaving = data.member(org, "CONTRIBUTOR");
		TestData.Person sponsor = data.member(org, "CONTRIBUTOR");
		TestData.Person successor = data.member(org, "CONTRIBUTOR");
		Http api = Http.api(port, km.token());

		String community = new CommunityFixture(port, org).launched(sponsor, leaving, "Pumps", "pumps");
		Http.Response lesson = Http.api(port, leaving.token()).post(base + "/lessons", Map.of("title",
				"Prime the pump first", "observation", "Dry run.", "rootCause", "Not primed.", "recommendation", "Prime.",
				"priority", "URGENT", "tags", List.of("pumps")));
		assertThat(lesson.status()).as(lesson.toString()).isEqualTo(201);
		String lessonId = lesson.json().get("id").asString();
		String due = LocalDate.now(ZoneOffset.UTC).plusDays(5).toString();
		String open = action(api, base, lessonId, "Write the priming step", leaving, due);
		String done = action(api, base, lessonId, "Tell the crews", leaving, due);
		assertThat(Http.api(port, leaving.token()).put(base + "/lessons/" + lessonId + "/actions/" + done,
				Map.of("status", "DONE")).status()).isEqualTo(200);

		JsonNode held = api.get(base + "/people/" + leaving.id() + "/handover").json();
		assertThat(held.get("count").asInt()).isEqualTo(2);
		assertThat(held.get("sections").findValuesAsString("key")).containsExactly("handover.communities",
				"handover.actions");
		assertThat(held.get("sections").get(0).get("items").findValuesAsString("title")).containsExactly("Pumps");
		assertThat(held.get("sections").get(1).get("items").findValuesAsString("title"))
			.containsExactly("Write the priming step");
		int versionBefore = api.get(base + "/communities/" + community).json().get("charter").get("version").asInt();

		Http.Response handed = api.post(base + "/people/" + leaving.id() + "/handover", Map.of("to", successor.email()));
		assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
		assertThat(handed.json().get("count").asInt()).isEqualTo(2);
		assertThat(api.get(base + "/people/" + leaving.id() + "/handover").json().get("count").asInt()).isZero();

		JsonNode after = api.get(base + "/communities/" + community).json();
		assertThat(after.toString()).contains(successor.id().toString()).doesNotContain(leaving.id().toString());
		assertThat(after.get("charter").get("version").asInt()).isEqualTo(versionBefore + 1);
		assertThat(api.get(base + "/communities/" + community + "/charter/versions").json().get("items").get(0).get("note").asString())
			.startsWith("Handed over to");
		JsonNode actions = api.get(base + "/lessons/" + lessonId + "/actions").json();
		for (JsonNode action : actions) {
			String owner = action.get("owner").get("id").asString();
			assertThat(owner).as(action.get("title").asString())
				.isEqualTo(action.get("id").asString().equals(open) ? successor.id().toString() : leaving.id().toString());
		}
	}

	private static String action(Http api, String base, String lesson, String title, TestData.Person owner, String due) {
		Http.Response created = api.post(base + "/lessons/" + lesson + "/actions",
				Map.of("title", title, "owner", owner.email(), "due", due));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}
}
