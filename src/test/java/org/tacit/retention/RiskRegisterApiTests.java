package org.tacit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

/**
 * The knowledge-loss risk register through the REST API: scores from the method, sorting and
 * filtering, who may see an entry (knowledge managers, administrators, the person's manager, the
 * person), and bad input that writes nothing.
 */
@TacitTest
@SuppressWarnings("unchecked")
class RiskRegisterApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData data;
	TestData.Org org;
	TestData.Person km;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		km = data.member(org, "KNOWLEDGE_MANAGER");
		base = "/api/v1/orgs/" + org.slug();
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	static Map<String, Object> risk(TestData.Person person, LocalDate departure, Integer positionRisk) {
		Map<String, Object> body = new HashMap<>();
		body.put("person", person == null ? null : person.email());
		body.put("knowledgeAreas", List.of(Map.of("description", "Overhaul of the steam turbines", "tags",
				List.of("turbines", "Overhaul"))));
		Map<String, Object> leaving = new HashMap<>();
		leaving.put("type", "RETIREMENT");
		leaving.put("date", departure == null ? null : departure.toString());
		leaving.put("reason", "");
		body.put("departure", leaving);
		body.put("positionRisk", positionRisk);
		return body;
	}

	private long entries() {
		return jdbc.sql("SELECT COUNT(*) FROM retention_risk WHERE org_id = ?").param(org.id()).query(Long.class).single();
	}

	@Test
	void anEntryIsScoredAttritionTimesPositionAndBanded() {
		TestData.Person retiring = data.member(org, "CONTRIBUTOR");

		Http.Response created = Http.api(port, km.token()).post(base + "/risks", risk(retiring, today().plusMonths(6), 4));

		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(created.location()).endsWith("/risks/" + body.get("id").asString());
		assertThat(body.get("person").asString()).isEqualTo(retiring.id().toString());
		assertThat(body.get("attritionRisk").asInt()).isEqualTo(5);
		assertThat(body.get("positionRisk").asInt()).isEqualTo(4);
		assertThat(body.get("total").asInt()).isEqualTo(20);
		assertThat(body.get("band").asString()).isEqualTo("HIGH");
		assertThat(body.get("knowledgeAreas").get(0).get("tags").get(1).asString()).isEqualTo("overhaul");
		assertThat(body.get("departure").get("type").asString()).isEqualTo("RETIREMENT");
		assertThat(body.get("departure").get("date").asString()).isEqualTo(today().plusMonths(6).toString());
		assertThat(body.get("status").asString()).isEqualTo("OPEN");

		// three years and a half ahead: attrition 2, position from the three aspects (5, 4, 3 → 4): 8, medium
		Map<String, Object> later = risk(data.member(org, "EDITOR"), today().plusMonths(42), null);
		later.put("criticality", 5);
		later.put("uniqueness", 4);
		later.put("documentationGap", 3);
		JsonNode medium = Http.api(port, km.token()).post(base + "/risks", later).json();
		assertThat(medium.get("attritionRisk").asInt()).isEqualTo(2);
		assertThat(medium.get("positionRisk").asInt()).isEqualTo(4);
		assertThat(medium.get("total").asInt()).isEqualTo(8);
		assertThat(medium.get("band").asString()).isEqualTo("MEDIUM");
		assertThat(medium.get("criticality").asInt()).isEqualTo(5);

		// a position without a person, no date but a reason and the assessor's own attrition risk
		Map<String, Object> position = risk(null, null, 2);
		position.put("position", "Night shift chemist");
		position.put("attritionRisk", 3);
		((Map<String, Object>) position.get("departure")).put("reason", "Contract renewal undecided");
		((Map<String, Object>) position.get("departure")).put("type", "CONTRACT_END");
		JsonNode low = Http.api(port, km.token()).post(base + "/risks", position).json();
		assertThat(low.get("person").isNull()).isTrue();
		assertThat(low.get("position").asString()).isEqualTo("Night shift chemist");
		assertThat(low.get("total").asInt()).isEqualTo(6);
		assertThat(low.get("band").asString()).isEqualTo("LOW");
	}

	@Test
	void theRegisterSortsByTotalAndFilters() {
		Http api = Http.api(port, km.token());
		api.post(base + "/risks", risk(data.member(org, "EDITOR"), today().plusMonths(30), 2));
		api.post(base + "/risks", risk(data.member(org, "EDITOR"), today().plusMonths(3), 5));
		api.post(base + "/risks", risk(data.member(org, "EDITOR"), today().plusMonths(18), 3));

		JsonNode byTotal = api.get(base + "/risks?sort=total").json();
		assertThat(byTotal.get("totalItems").asInt()).isEqualTo(3);
		assertThat(totals(byTotal)).containsExactly(25, 12, 6);
		assertThat(totals(api.get(base + "/risks?sort=TOTAL&desc=false").json())).containsExactly(6, 12, 25);
		assertThat(totals(api.get(base + "/risks?sort=DEPARTURE").json())).containsExactly(25, 12, 6);
		assertThat(totals(api.get(base + "/risks?band=HIGH").json())).containsExactly(25);
		assertThat(totals(api.get(base + "/risks?planned=false&size=2").json())).containsExactly(25, 12);
		assertThat(api.get(base + "/risks?sort=NAME").status()).isEqualTo(400);
		assertThat(api.get(base + "/risks?band=SEVERE").json().get("errors").get(0).get("field").asString())
			.isEqualTo("band");
	}

	private static List<Integer> totals(JsonNode page) {
		List<Integer> totals = new java.util.ArrayList<>();
		page.get("items").forEach(item -> totals.add(item.get("total").asInt()));
		return totals;
	}

	@Test
	void onlyKnowledgeManagersAdministratorsTheManagerAndThePersonSeeAnEntry() {
		TestData.Person retiring = data.member(org, "CONTRIBUTOR");
		TestData.Person manager = data.member(org, "EDITOR");
		TestData.Person colleague = data.member(org, "EDITOR");
		TestData.Person otherManager = data.member(org, "EDITOR");
		Http.api(port, org.admin().token())
			.patch(base + "/members/" + retiring.id(), Map.of("manager", manager.email()));
		Http.api(port, org.admin().token())
			.patch(base + "/members/" + colleague.id(), Map.of("manager", otherManager.email()));
		String id = Http.api(port, km.token()).post(base + "/risks", risk(retiring, today().plusMonths(6), 4)).json()
			.get("id").asString();
		Http.api(port, km.token()).post(base + "/risks", risk(colleague, today().plusMonths(6), 1));

		assertThat(Http.api(port, org.admin().token()).get(base + "/risks/" + id).status()).isEqualTo(200);
		assertThat(Http.api(port, manager.token()).get(base + "/risks/" + id).status()).isEqualTo(200);
		assertThat(Http.api(port, retiring.token()).get(base + "/risks/" + id).status()).isEqualTo(200);
		assertThat(Http.api(port, colleague.token()).get(base + "/risks/" + id).status()).isEqualTo(404);
		assertThat(Http.api(port, otherManager.token()).get(base + "/risks/" + id).status()).isEqualTo(404);
		TestData.Person otherOrgAdmin = data.member(data.org(), "ADMIN");
		assertThat(Http.api(port, otherOrgAdmin.token()).get(base + "/risks/" + id).status()).isEqualTo(404);

		// lists are filtered in the query: each sees exactly their own and their reports'
		assertThat(Http.api(port, km.token()).get(base + "/risks").json().get("totalItems").asInt()).isEqualTo(2);
		assertThat(Http.api(port, manager.token()).get(base + "/risks").json().get("items").findValuesAsString("id"))
			.containsExactly(id);
		assertThat(Http.api(port, retiring.token()).get(base + "/risks").json().get("totalItems").asInt()).isEqualTo(1);
		assertThat(Http.api(port, otherManager.token()).get(base + "/risks").json().get("items").get(0)
			.get("person").asString()).isEqualTo(colleague.id().toString());
		assertThat(Http.api(port, data.member(org, "VIEWER").token()).get(base + "/risks").json().get("totalItems").asInt())
			.isZero();

		// the manager assesses their report; the person reads but does not change their own entry
		Map<String, Object> reassessed = risk(retiring, today().plusMonths(6), 2);
		assertThat(Http.api(port, manager.token()).put(base + "/risks/" + id, reassessed).json().get("total").asInt())
			.isEqualTo(10);
		assertThat(Http.api(port, retiring.token()).put(base + "/risks/" + id, risk(retiring, today().plusMonths(6), 1))
			.status()).isEqualTo(403);
		assertThat(Http.api(port, manager.token()).post(base + "/risks", risk(colleague, today().plusMonths(9), 3))
			.status()).isEqualTo(403);
		assertThat(Http.api(port, colleague.token()).post(base + "/risks", risk(retiring, today().plusMonths(9), 3))
			.status()).isEqualTo(403);
		assertThat(Http.api(port, manager.token()).post(base + "/risks", risk(null, null, 3)).status()).isEqualTo(403);
	}

	@Test
	void badInputGetsAClearMessageAndWritesNothing() {
		TestData.Person retiring = data.member(org, "CONTRIBUTOR");
		TestData.Person outsider = data.member(data.org(), "CONTRIBUTOR");
		Http api = Http.api(port, km.token());
		Map<String, Object> noAreas = risk(retiring, today().plusMonths(6), 4);
		noAreas.put("knowledgeAreas", List.of());
		Map<String, Object> badType = risk(retiring, today().plusMonths(6), 4);
		((Map<String, Object>) badType.get("departure")).put("type", "HOLIDAY");
		Map<String, Object> noDateNoReason = risk(retiring, null, 4);
		Map<String, Object> aspectsOutOfRange = risk(retiring, today().plusMonths(6), null);
		aspectsOutOfRange.put("criticality", 0);

		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("positionRisk", field(api.post(base + "/risks", risk(retiring, today().plusMonths(6), 6))));
		fields.put("departure.date", field(api.post(base + "/risks", risk(retiring, today().minusDays(1), 4))));
		fields.put("person", field(api.post(base + "/risks", risk(outsider, today().plusMonths(6), 4))));
		fields.put("knowledgeAreas", field(api.post(base + "/risks", noAreas)));
		fields.put("departure.type", field(api.post(base + "/risks", badType)));
		fields.put("departure.date ", field(api.post(base + "/risks", noDateNoReason)));
		fields.put("positionRisk ", field(api.post(base + "/risks", risk(retiring, today().plusMonths(6), null))));
		fields.put("criticality", field(api.post(base + "/risks", aspectsOutOfRange)));

		fields.forEach((expected, actual) -> assertThat(actual).as(expected).isEqualTo(expected.strip()));
		assertThat(entries()).isZero();
		Http.Response unreadable = api.postRaw(base + "/risks", "application/json", "{\"positionRisk\": \"high\"}");
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(entries()).isZero();
		assertThat(api.get(base + "/risks/not-a-uuid").status()).isEqualTo(404);
		assertThat(api.get(base + "/risks/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
	}

	private static String field(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).contains("application/problem+json");
		return response.json().get("errors").get(0).get("field").asString();
	}

	@Test
	void theMethodIsTheOrganizationsOwnAndChangingItScoresEntriesAgain() {
		Http api = Http.api(port, km.token());
		String id = api.post(base + "/risks", risk(data.member(org, "EDITOR"), today().plusMonths(18), 3)).json()
			.get("id").asString();
		assertThat(api.get(base + "/risks/" + id).json().get("total").asInt()).isEqualTo(12);
		JsonNode defaults = api.get(base + "/retention/method").json();
		assertThat(defaults.get("attrition5Months").asInt()).isEqualTo(12);
		assertThat(defaults.get("highFrom").asInt()).isEqualTo(15);

		Http.Response changed = api.put(base + "/retention/method", Map.of("attrition5Months", 24, "attrition4Months", 36,
				"attrition3Months", 48, "attrition2Months", 72, "highFrom", 12, "mediumFrom", 6));
		assertThat(changed.status()).isEqualTo(200);
		JsonNode rescored = api.get(base + "/risks/" + id).json();
		assertThat(rescored.get("attritionRisk").asInt()).isEqualTo(5);
		assertThat(rescored.get("total").asInt()).isEqualTo(15);
		assertThat(rescored.get("band").asString()).isEqualTo("HIGH");

		Http.Response refused = api.put(base + "/retention/method", Map.of("attrition5Months", 24, "attrition4Months", 12,
				"attrition3Months", 48, "attrition2Months", 72, "highFrom", 12, "mediumFrom", 6));
		assertThat(field(refused)).isEqualTo("attrition4Months");
		assertThat(Http.api(port, data.member(org, "EDITOR").token()).put(base + "/retention/method",
				Map.of("attrition5Months", 1, "attrition4Months", 2, "attrition3Months", 3, "attrition2Months", 4,
						"highFrom", 12, "mediumFrom", 6)).status()).isEqualTo(403);
		assertThat(api.get(base + "/retention/method").json().get("attrition5Months").asInt()).isEqualTo(24);
		assertThat(Http.api(port, data.org().admin().token()).get("/api/v1/orgs/" + data.org().slug() + "/retention/method")
			.json().get("attrition5Months").asInt()).isEqualTo(12);
	}
}
