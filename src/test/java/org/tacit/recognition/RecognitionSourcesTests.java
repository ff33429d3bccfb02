package org.tacit.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.support.CommunityFixture;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** Lessons and communities feed the ledger through their events, and a rebuild gives the same entries. */
@TacitTest
class RecognitionSourcesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData data;
	TestData.Org org;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		base = "/api/v1/orgs/" + org.slug();
	}

	private Http as(TestData.Person person) {
		return Http.api(port, person.token());
	}

	private List<String> kinds(TestData.Person person) {
		return as(person).get(base + "/people/" + person.id() + "/ledger?size=100").json().get("items").valueStream()
			.map(e -> e.get("kind").asString() + (e.get("detail").isNull() ? "" : ":" + e.get("detail").asString()))
			.sorted()
			.toList();
	}

	private List<String> keys() {
		return jdbc.sql("SELECT entry_key FROM recognition_entry WHERE org_id = ? ORDER BY entry_key")
			.param(org.id())
			.query(String.class)
			.list();
	}

	@Test
	void lessonsAnswersAndCommunityRolesBecomeEntriesAndSurviveARebuild() {
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		Map<String, Object> lesson = new HashMap<>(Map.of("title", "Vent the pump first", "observation", "Air in the line",
				"rootCause", "No venting step", "recommendation", "Vent before priming", "tags", List.of("pumps")));
		Http.Response captured = as(author).post(base + "/lessons", lesson);
		assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
		String id = captured.json().get("id").asString();
		Http.Response validated = Http.api(port, org.admin().token())
			.post(base + "/lessons/" + id + "/transitions", Map.of("to", "VALIDATED"));
		assertThat(validated.status()).as(validated.toString()).isEqualTo(200);

		TestData.Person sponsor = data.member(org, "EDITOR");
		TestData.Person leader = data.member(org, "CONTRIBUTOR");
		CommunityFixture communities = new CommunityFixture(port, org);
		String community = communities.launched(sponsor, leader, "Pump operators", "pumps");
		communities.join(author, community);
		TestData.Person asker = data.member(org, "VIEWER");
		communities.join(asker, community);
		JsonNode question = communities.ask(asker, community, "Torque for M12?", "Steel bolts");
		String answer = communities.answer(author, question.get("id").asString(), "85 Nm").get("id").asString();
		assertThat(as(asker).post(base + "/posts/" + answer + "/accept", Map.of()).status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(kinds(author)).containsExactly("ANSWER_ACCEPTED", "LESSON_CAPTURED", "LESSON_VALIDATED");
			assertThat(kinds(leader)).contains("COMMUNITY_ROLE:LEADER");
			assertThat(kinds(sponsor)).contains("COMMUNITY_ROLE:SPONSOR");
		});
		JsonNode record = as(leader).get(base + "/people/" + leader.id() + "/record").json();
		assertThat(record.get("badges").valueStream().map(b -> b.get("badge").asString()).toList())
			.contains("COMMUNITY_LEADER");
		assertThat(record.get("communityRoles").get(0).get("title").asString()).isEqualTo("Pump operators");
		JsonNode authors = as(author).get(base + "/people/" + author.id() + "/record").json();
		assertThat(authors.get("lessons").get(0).get("status").asString()).isEqualTo("VALIDATED");
		assertThat(authors.get("answers").get("count").asLong()).isEqualTo(1);

		List<String> before = keys();
		jdbc.sql("DELETE FROM recognition_entry WHERE org_id = ?").param(org.id()).update();
		assertThat(Http.api(port, org.admin().token()).post(base + "/recognition/rebuild", Map.of()).status()).isEqualTo(200);
		assertThat(keys()).isEqualTo(before);
	}

	@Test
	void anAnswerAcceptedInAMembersOnlyCommunityCountsWithoutShowingItsTitleToOutsiders() {
		TestData.Person sponsor = data.member(org, "EDITOR");
		TestData.Person leader = data.member(org, "CONTRIBUTOR");
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		TestData.Person manager = data.member(org, "KNOWLEDGE_MANAGER");
		CommunityFixture communities = new CommunityFixture(port, org);
		String community = communities.propose(leader, "Incident response", true, "incidents").get("id").asString();
		Http steward = as(leader);
		assertThat(steward.put(base + "/communities/" + community + "/charter",
				CommunityFixture.completeCharter(sponsor, leader)).status()).isEqualTo(200);
		assertThat(steward.post(base + "/communities/" + community + "/launch", Map.of()).status()).isEqualTo(200);
		assertThat(steward.post(base + "/communities/" + community + "/members", Map.of("person", author.email()))
			.status()).isEqualTo(200);
		communities.join(author, community);
		String question = communities.ask(leader, community, "Who calls the regulator?", "After a spill")
			.get("id").asString();
		String answer = communities.answer(author, question, "The duty manager, within the hour").get("id").asString();
		assertThat(steward.post(base + "/posts/" + answer + "/accept", Map.of()).status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(kinds(author)).containsExactly("ANSWER_ACCEPTED"));
		JsonNode own = as(author).get(base + "/people/" + author.id() + "/ledger").json().get("items").get(0);
		assertThat(own.get("title").asString()).isEqualTo("Who calls the regulator?");
		JsonNode outsider = as(manager).get(base + "/people/" + author.id() + "/ledger").json().get("items").get(0);
		assertThat(outsider.get("kind").asString()).isEqualTo("ANSWER_ACCEPTED");
		assertThat(outsider.get("title").isNull()).as("the title of a members-only question").isTrue();
		assertThat(outsider.get("path").isNull()).isTrue();
	}
}
