package org.tacit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.search.SearchDocument;
import org.tacit.search.SearchSource;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** People in the one search box (type person), rebuilt from the database; risk entries never. */
@TacitTest
class PeopleSearchTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	List<SearchSource> sources;

	TestData data;
	TestData.Org org;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		base = "/api/v1/orgs/" + org.slug();
	}

	private JsonNode search(TestData.Person who, String q) {
		return Http.api(port, who.token()).get(base + "/search?q=" + q).json();
	}

	@Test
	void aPersonIsFoundByWhatTheyKnowAndLeadsToTheirProfile() {
		TestData.Person expert = data.member(org, "CONTRIBUTOR");
		TestData.Person reader = data.member(org, "VIEWER");
		Http.api(port, expert.token()).put(base + "/people/" + expert.id() + "/expertise",
				Map.of("areas", List.of(Map.of("tag", "hydrokinetics", "level", 5)), "askMeAbout", "Weirs and sluicegates"));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(search(reader, "sluicegates").get("total").asInt()).isEqualTo(1));
		JsonNode hit = search(reader, "hydrokinetics").get("hits").get(0);
		assertThat(hit.get("type").asString()).isEqualTo("person");
		assertThat(hit.get("title").asString()).isEqualTo("Person " + expert.email());
		assertThat(hit.get("url").asString()).isEqualTo("/o/" + org.slug() + "/people/" + expert.id());
		assertThat(search(reader, "hydrokinetics").get("facets").get("type").propertyNames()).contains("person");
		assertThat(Http.api(port, data.member(data.org(), "VIEWER").token())
			.get("/api/v1/orgs/" + org.slug() + "/search?q=hydrokinetics").status()).isEqualTo(404);

		// someone who leaves the organization is no longer found
		Http.api(port, org.admin().token()).delete(base + "/members/" + expert.id());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(search(reader, "hydrokinetics").get("total").asInt()).isZero());
	}

	@Test
	void riskEntriesAreNeverInTheIndex() {
		TestData.Person km = data.member(org, "KNOWLEDGE_MANAGER");
		TestData.Person retiring = data.member(org, "CONTRIBUTOR");
		Map<String, Object> entry = RiskRegisterApiTests.risk(retiring, RiskRegisterApiTests.today().plusMonths(6), 5);
		entry.put("knowledgeAreas", List.of(Map.of("description", "The quixotrine calibration", "tags", List.of("quixotrine"))));
		entry.put("notes", "quixotrine");
		assertThat(Http.api(port, km.token()).post(base + "/risks", entry).status()).isEqualTo(201);
		Http.api(port, retiring.token()).put(base + "/people/" + retiring.id() + "/expertise",
				Map.of("areas", List.of(Map.of("tag", "zebrafinch", "level", 2))));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(search(km, "zebrafinch").get("total").asInt()).isEqualTo(1));
		assertThat(search(km, "quixotrine").get("total").asInt()).isZero();
	}

	@Test
	void theIndexOfPeopleIsRebuiltFromTheDatabase() {
		TestData.Person expert = data.member(org, "CONTRIBUTOR");
		Http.api(port, expert.token()).put(base + "/people/" + expert.id() + "/expertise",
				Map.of("areas", List.of(Map.of("tag", "cryogenics", "level", 4)), "location", "Hall 9"));
		SearchSource people = sources.stream().filter(s -> s.name().equals("people")).findFirst().orElseThrow();

		List<SearchDocument> documents = new ArrayList<>();
		people.forEach(documents::add);

		// exactly as many as it gives, people who left included in neither: the progress of ./tacit reindex ends at 100%
		TestData.Person leaver = data.member(org, "CONTRIBUTOR");
		Http.api(port, leaver.token()).put(base + "/people/" + leaver.id() + "/expertise",
				Map.of("areas", List.of(Map.of("tag", "cryogenics", "level", 1))));
		Http.api(port, org.admin().token()).delete(base + "/members/" + leaver.id());
		documents.clear();
		people.forEach(documents::add);
		assertThat(people.count()).isEqualTo(documents.size());
		assertThat(documents).noneMatch(d -> d.id().equals(leaver.id().toString()));
		SearchDocument mine = documents.stream()
			.filter(d -> d.id().equals(expert.id().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(mine.type()).isEqualTo("person");
		assertThat(mine.org()).isEqualTo(org.id());
		assertThat(mine.tags()).containsExactly("cryogenics");
		assertThat(mine.text()).contains("Hall 9");
		assertThat(mine.published()).isTrue();
		assertThat(documents).noneMatch(d -> !d.type().equals("person"));
	}
}
