package org.tacit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Expertise profiles and "who knows about X" through the REST API: what people declare, what their
 * published and verified items show, and the ranking with its evidence.
 */
@TacitTest
class ExpertiseApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	LibraryFixture library;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		library = new LibraryFixture(port, org);
		library.space("OPS");
		base = "/api/v1/orgs/" + org.slug();
	}

	private Http.Response declare(TestData.Person as, TestData.Person whose, Object areas) {
		return declare(as, whose, areas, "");
	}

	private Http.Response declare(TestData.Person as, TestData.Person whose, Object areas, String askMeAbout) {
		return Http.api(port, as.token())
			.put(base + "/people/" + whose.id() + "/expertise", Map.of("areas", areas, "askMeAbout", askMeAbout,
					"languages", List.of("English", "Finnish"), "location", "Plant 2"));
	}

	@Test
	void aPersonDeclaresTheirExpertiseAndEveryMemberReadsIt() {
		TestData.Person engineer = data.member(org, "CONTRIBUTOR");
		TestData.Person viewer = data.member(org, "VIEWER");

		Http.Response saved = declare(engineer, engineer,
				List.of(Map.of("tag", "Turbine Overhaul", "level", 5), Map.of("tag", "vibration", "level", 3)),
				"Steam turbines and their vibration");

		assertThat(saved.status()).isEqualTo(200);
		JsonNode read = Http.api(port, viewer.token()).get(base + "/people/" + engineer.email() + "/expertise").json();
		assertThat(read.get("areas").findValuesAsString("tag")).containsExactly("turbine-overhaul", "vibration");
		assertThat(read.get("areas").get(0).get("level").asInt()).isEqualTo(5);
		assertThat(read.get("askMeAbout").asString()).isEqualTo("Steam turbines and their vibration");
		assertThat(read.get("languages").get(0).asString()).isEqualTo("English");
		assertThat(read.get("languages").get(1).asString()).isEqualTo("Finnish");
		assertThat(read.get("location").asString()).isEqualTo("Plant 2");
		assertThat(read.get("derived").isEmpty()).isTrue();
	}

	@Test
	void onlyThePersonAndKnowledgeManagersChangeAProfileAndBadInputChangesNothing() {
		TestData.Person engineer = data.member(org, "CONTRIBUTOR");
		TestData.Person colleague = data.member(org, "EDITOR");
		TestData.Person manager = data.member(org, "KNOWLEDGE_MANAGER");
		declare(engineer, engineer, List.of(Map.of("tag", "pumps", "level", 4)));

		assertThat(declare(colleague, engineer, List.of(Map.of("tag", "x", "level", 1))).status()).isEqualTo(403);
		Http.Response tooHigh = declare(engineer, engineer, List.of(Map.of("tag", "valves", "level", 6)));
		Http.Response noTag = declare(engineer, engineer, List.of(Map.of("tag", " ", "level", 2)));
		List<Map<String, Object>> many = new java.util.ArrayList<>();
		for (int i = 0; i < 31; i++) {
			many.add(Map.of("tag", "t" + i, "level", 1));
		}
		Http.Response tooMany = declare(engineer, engineer, many);
		Http.Response longAsk = Http.api(port, engineer.token())
			.put(base + "/people/" + engineer.id() + "/expertise", Map.of("areas", List.of(), "askMeAbout", "a".repeat(1001)));

		assertThat(tooHigh.status()).isEqualTo(400);
		assertThat(tooHigh.contentType()).contains("application/problem+json");
		assertThat(tooHigh.json().get("errors").get(0).get("field").asString()).isEqualTo("areas[0].level");
		assertThat(noTag.json().get("errors").get(0).get("field").asString()).isEqualTo("areas[0].tag");
		assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("areas");
		assertThat(longAsk.json().get("errors").get(0).get("field").asString()).isEqualTo("askMeAbout");
		JsonNode unchanged = Http.api(port, manager.token()).get(base + "/people/" + engineer.id() + "/expertise").json();
		assertThat(unchanged.get("areas").findValuesAsString("tag")).containsExactly("pumps");

		assertThat(declare(manager, engineer, List.of(Map.of("tag", "pumps", "level", 3))).status()).isEqualTo(200);
		assertThat(Http.api(port, engineer.token()).get(base + "/people/" + data.org().admin().id() + "/expertise").status())
			.isEqualTo(404);
	}

	@Test
	void expertsAreRankedByWhatTheyDeclareAndWhatTheirWorkShowsWithTheEvidence() {
		TestData.Person declared = data.member(org, "CONTRIBUTOR");
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		TestData.Person novice = data.member(org, "VIEWER");
		TestData.Person elsewhere = data.member(org, "CONTRIBUTOR");
		declare(declared, declared, List.of(Map.of("tag", "turbines", "level", 5)), "Ask me about steam turbines");
		declare(novice, novice, List.of(Map.of("tag", "turbine", "level", 2)));
		declare(elsewhere, elsewhere, List.of(Map.of("tag", "payroll", "level", 5)), "Salaries and taxes");
		String first = library.publish(org.admin(),
				library.draft(author, "OPS", "ARTICLE", "Turbine blade inspection", "b", List.of("turbines")).get("id").asString())
			.get("id").asString();
		library.publish(org.admin(), library.draft(author, "OPS", "CHECKLIST", "Turbine restart", "- a\n- b",
				List.of("turbines", "restart")).get("id").asString());
		library.draft(author, "OPS", "ARTICLE", "Turbine draft", "c", List.of("turbines"));

		Http api = Http.api(port, novice.token());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get(base + "/experts?topic=Turbine").json().get("items").findValuesAsString("name"))
			.hasSize(3));
		JsonNode experts = api.get(base + "/experts?topic=Turbine").json();

		// declared expert 5 × 2 + "ask me about" 2 = 12; two published items owned 2 × 3 = 6 (the draft does not
		// count); declared 2 × 2 = 4
		assertThat(experts.get("totalItems").asInt()).isEqualTo(3);
		JsonNode items = experts.get("items");
		assertThat(items.get(0).get("person").asString()).isEqualTo(declared.id().toString());
		assertThat(items.get(0).get("score").asDouble()).isEqualTo(12.0);
		assertThat(items.get(0).get("declared").get("tag").asString()).isEqualTo("turbines");
		assertThat(items.get(1).get("person").asString()).isEqualTo(author.id().toString());
		assertThat(items.get(1).get("derivedScore").asDouble()).isEqualTo(6.0);
		assertThat(items.get(1).get("evidence").findValuesAsString("title"))
			.containsExactlyInAnyOrder("Turbine blade inspection", "Turbine restart");
		assertThat(items.get(1).get("evidence").get(0).get("kind").asString()).isEqualTo("AUTHORED");
		assertThat(items.get(2).get("person").asString()).isEqualTo(novice.id().toString());
		assertThat(experts.toString()).doesNotContain(elsewhere.id().toString());

		JsonNode profile = api.get(base + "/people/" + author.id() + "/expertise").json();
		assertThat(profile.get("areas").isEmpty()).isTrue();
		assertThat(profile.get("derived").get(0).get("tag").asString()).isEqualTo("turbines");
		assertThat(profile.get("derived").get(0).get("score").asInt()).isEqualTo(6);
		assertThat(profile.get("derived").get(0).get("evidence").get(0).get("path").asString()).startsWith("items/");

		// archiving an item takes its evidence away
		Http.api(port, org.admin().token()).post(base + "/items/" + first + "/transitions", Map.of("to", "ARCHIVED"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get(base + "/people/" + author.id() + "/expertise").json().get("derived").get(0).get("score").asInt())
			.isEqualTo(3));
	}

	@Test
	void verifyingAnItemIsEvidenceTooAndATopicIsRequired() {
		TestData.Person editor = data.member(org, "EDITOR");
		Http.api(port, org.admin().token())
			.put(base + "/spaces/OPS/members/" + editor.email(), Map.of("role", "EDITOR"));
		String item = library.published("OPS", "ARTICLE", "Boiler water chemistry", "b", "boilers").get("id").asString();

		Http.Response verified = Http.api(port, editor.token()).post(base + "/items/" + item + "/verify", Map.of());
		assertThat(verified.status()).isEqualTo(200);

		Http api = Http.api(port, editor.token());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get(base + "/experts?topic=boilers").json().get("items").findValuesAsString("name"))
			.hasSize(2));
		JsonNode experts = api.get(base + "/experts?topic=boilers").json().get("items");
		// the owner (3) before the verifier (1)
		assertThat(experts.get(0).get("person").asString()).isEqualTo(org.admin().id().toString());
		assertThat(experts.get(1).get("person").asString()).isEqualTo(editor.id().toString());
		assertThat(experts.get(1).get("evidence").get(0).get("kind").asString()).isEqualTo("VERIFIED");

		Http.Response missing = api.get(base + "/experts");
		Http.Response blank = api.get(base + "/experts?topic=%20%21");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("topic");
		assertThat(blank.status()).isEqualTo(400);
	}

	@Test
	void expertiseIsDerivedAgainFromTheLibraryByAKnowledgeManager() {
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		library.publish(org.admin(), library.draft(author, "OPS", "ARTICLE", "Crane rigging", "b", List.of("rigging"))
			.get("id").asString());
		TestData.Person manager = data.member(org, "KNOWLEDGE_MANAGER");
		Http api = Http.api(port, manager.token());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(api.get(base + "/experts?topic=rigging").json().get("totalItems").asInt()).isEqualTo(1));
		// the projection is lost (as if this module came after the items): a rebuild derives it again
		context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("DELETE FROM retention_evidence WHERE org_id = ?")
			.param(org.id())
			.update();
		assertThat(api.get(base + "/experts?topic=rigging").json().get("totalItems").asInt()).isZero();

		assertThat(Http.api(port, author.token()).post(base + "/experts/rebuild", Map.of()).status()).isEqualTo(403);
		Http.Response rebuilt = api.post(base + "/experts/rebuild", Map.of());

		assertThat(rebuilt.status()).isEqualTo(200);
		assertThat(rebuilt.json().get("evidence").asInt()).isEqualTo(1);
		assertThat(api.get(base + "/experts?topic=rigging").json().get("items").get(0).get("person").asString())
			.isEqualTo(author.id().toString());
	}

	@Test
	void itemsOfMembersOnlySpacesAreNeverEvidence() {
		library.space("SECRET", true);
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		TestData.Person manager = data.member(org, "KNOWLEDGE_MANAGER");
		// published first, so that its events are handled before those of the open item waited on below
		library.published("SECRET", "ARTICLE", "Merger plan", "m", "stealthtag");
		library.publish(org.admin(), library.draft(author, "OPS", "ARTICLE", "Open notes", "o", List.of("stealthtag"))
			.get("id").asString());
		Http api = Http.api(port, manager.token());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				api.get(base + "/experts?topic=stealthtag").json().get("items").findValuesAsString("person"))
			.containsExactly(author.id().toString()));

		assertThat(api.post(base + "/experts/rebuild", Map.of()).json().get("evidence").asInt()).isEqualTo(1);
		assertThat(api.get(base + "/experts?topic=stealthtag").json().get("items").findValuesAsString("person"))
			.containsExactly(author.id().toString());
		assertThat(api.get(base + "/people/" + org.admin().id() + "/expertise").json().get("derived").isEmpty()).isTrue();
	}
}
