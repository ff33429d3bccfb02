package org.tacit.competencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tacit.support.Http;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * An organization with a knowledge manager, a front-line manager whose manager is set, an outsider
 * (a member who is neither), a cycle on the built-in framework around today, and the front-line
 * manager's assessment in it.
 */
final class CompetenciesFixture {

	static final String MEASUREMENTS = "develops-km-measurements";
	/** The competencies the built-in framework requires of front-line managers, with the level each requires. */
	static final Map<String, Integer> FRONT_LINE = Map.of("explains-km", 3, "understands-km-approaches", 2,
			"applies-change-management", 3, "aligns-performance-assessments", 3, MEASUREMENTS, 3,
			"identifies-km-training-needs", 3);

	final int port;
	final TestData data;
	final TestData.Org org;
	final String base;
	final TestData.Person km;
	final TestData.Person frontLine;
	final TestData.Person boss;
	final TestData.Person outsider;
	final String builtIn;
	final String cycle;
	final String assessment;

	CompetenciesFixture(int port, TestData data) {
		this.port = port;
		this.data = data;
		this.org = data.org();
		this.base = "/api/v1/orgs/" + org.slug();
		km = data.member(org, "KNOWLEDGE_MANAGER");
		frontLine = data.member(org, "CONTRIBUTOR");
		boss = data.member(org, "EDITOR");
		outsider = data.member(org, "EDITOR");
		Map<String, Object> change = new HashMap<>();
		change.put("manager", boss.email());
		Http.Response set = admin().patch(base + "/members/" + frontLine.id(), change);
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		builtIn = builtInOf(as(km), base);
		cycle = cycle("Cycle " + TestData.unique("c"), builtIn);
		assessment = assess(frontLine, "FRONT_LINE_MANAGER");
	}

	static String builtInOf(Http http, String base) {
		Http.Response list = http.get(base + "/competency-frameworks");
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		for (JsonNode f : list.json().get("items")) {
			if (f.get("builtIn").asBoolean()) {
				return f.get("id").asString();
			}
		}
		throw new AssertionError("no built-in framework: " + list);
	}

	String cycle(String name, String framework) {
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		Http.Response created = as(km).post(base + "/assessment-cycles", Map.of("name", name, "framework", framework,
				"opens", today.minusDays(10).toString(), "closes", today.plusDays(20).toString()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	String assess(TestData.Person person, String profile) {
		return assess(cycle, person, profile);
	}

	String assess(String inCycle, TestData.Person person, String profile) {
		Http.Response created = as(km).post(base + "/assessments",
				Map.of("cycle", inCycle, "person", person.email(), "profile", profile));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	Http admin() {
		return Http.api(port, org.admin().token());
	}

	Http as(TestData.Person person) {
		return Http.api(port, person.token());
	}

	/** Ratings of every front-line competency at its required level, but {@code code} at {@code level}. */
	static List<Map<String, Object>> frontLineRatings(String code, int level) {
		List<Map<String, Object>> ratings = new ArrayList<>();
		FRONT_LINE.forEach((c, required) -> ratings.add(Map.of("competency", c, "level", c.equals(code) ? level : required,
				"evidence", "Evidence for " + c)));
		return ratings;
	}

	Http.Response rate(TestData.Person by, String id, List<Map<String, Object>> ratings) {
		return as(by).put(base + "/assessments/" + id + "/ratings", Map.of("ratings", ratings));
	}
}
