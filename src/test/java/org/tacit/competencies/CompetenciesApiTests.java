package org.tacit.competencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * The competencies API: the built-in framework in a new organization, copies, privacy of assessments,
 * bad input refused with nothing written, the flow from self-assessment to sign-off, and training needs
 * from the gaps.
 */
@TacitTest
class CompetenciesApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Competencies competencies;

	CompetenciesFixture f;

	@BeforeEach
	void setUp() {
		f = new CompetenciesFixture(port, new TestData(context, port));
	}

	private static JsonNode competency(JsonNode framework, String code) {
		for (JsonNode c : framework.get("competencies")) {
			if (c.get("code").asString().equals(code)) {
				return c;
			}
		}
		throw new AssertionError("no competency " + code);
	}

	private static JsonNode row(JsonNode assessment, String code) {
		for (JsonNode c : assessment.get("competencies")) {
			if (c.get("code").asString().equals(code)) {
				return c;
			}
		}
		throw new AssertionError("no competency row " + code + " in " + assessment);
	}

	@Test
	void aNewOrganizationHasTheBuiltInLeadershipFramework() {
		TestData.Org fresh = f.data.org();
		TestData.Person viewer = f.data.member(fresh, "VIEWER");
		String base = "/api/v1/orgs/" + fresh.slug();
		Http.Response list = Http.api(port, viewer.token()).get(base + "/competency-frameworks");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("totalItems").asLong()).isEqualTo(1);
		JsonNode framework = list.json().get("items").get(0);
		assertThat(framework.get("builtIn").asBoolean()).isTrue();
		assertThat(framework.get("levels")).hasSize(4);
		assertThat(framework.get("levels").get(0).get("name").asString()).isEqualTo("Awareness");
		assertThat(framework.get("levels").get(3).get("name").asString()).isEqualTo("Expert");
		assertThat(framework.get("profiles").findValuesAsString("code"))
			.containsExactly("EXECUTIVE", "FRONT_LINE_MANAGER", "KNOWLEDGE_MANAGER");
		JsonNode measurements = competency(framework, CompetenciesFixture.MEASUREMENTS);
		assertThat(measurements.get("required").get("FRONT_LINE_MANAGER").asInt()).isEqualTo(3);
		assertThat(measurements.get("required").has("EXECUTIVE")).isFalse();
		assertThat(measurements.get("evidenceKinds").get(0).asString()).isEqualTo("targets-set");
		assertThat(competency(framework, "sponsors-km-visibly").get("evidenceKinds").toString())
			.contains("announcements-published", "kudos-given");
		assertThat(competency(framework, "explains-km").get("evidenceKinds").toString()).contains("km-items-authored");
		assertThat(competency(framework, "oversees-process-improvement").get("required").get("EXECUTIVE").asInt()).isEqualTo(3);
		// a viewer may read but not create
		assertThat(Http.api(port, viewer.token()).post(base + "/competency-frameworks", Map.of("name", "Mine")).status())
			.isEqualTo(403);
		assertThat(competencies.hasCompetency(new OrgId(fresh.id()), CompetenciesFixture.MEASUREMENTS)).isTrue();
		assertThat(competencies.hasCompetency(new OrgId(fresh.id()), "no-such-competency")).isFalse();
	}

	@Test
	void theBuiltInFrameworkCannotBeChangedButACopyCan() {
		Http km = f.as(f.km);
		Http.Response refused = km.put(f.base + "/competency-frameworks/" + f.builtIn, Map.of("name", "Changed"));
		assertThat(refused.status()).isEqualTo(409);
		Http.Response copy = km.post(f.base + "/competency-frameworks", Map.of("copyOf", f.builtIn, "name", "Our KM competencies"));
		assertThat(copy.status()).as(copy.toString()).isEqualTo(201);
		String id = copy.json().get("id").asString();
		assertThat(copy.json().get("builtIn").asBoolean()).isFalse();
		assertThat(copy.json().get("copiedFrom").asString()).isEqualTo(f.builtIn);
		assertThat(copy.json().get("competencies")).hasSize(13);

		Map<String, Object> competency = Map.of("code", "runs-after-action-reviews", "name", "Runs after-action reviews",
				"description", "Facilitates reviews after each project.", "indicators", List.of("Holds one within a week"),
				"required", Map.of("FRONT_LINE_MANAGER", 2), "evidenceKinds", List.of("km-items-authored"));
		Http.Response changed = km.put(f.base + "/competency-frameworks/" + id, Map.of("name", "Our KM competencies 2026",
				"competencies", List.of(competency)));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("name").asString()).isEqualTo("Our KM competencies 2026");
		assertThat(changed.json().get("competencies")).hasSize(1);
		assertThat(changed.json().get("profiles")).hasSize(3);

		// a required level beyond the scale, or for an unknown profile: 400 on the field, nothing written
		Map<String, Object> tooHigh = new HashMap<>(competency);
		tooHigh.put("required", Map.of("FRONT_LINE_MANAGER", 5));
		Http.Response bad = km.put(f.base + "/competency-frameworks/" + id, Map.of("name", "Renamed", "competencies",
				List.of(tooHigh)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("competencies[0].required.FRONT_LINE_MANAGER");
		JsonNode stored = km.get(f.base + "/competency-frameworks/" + id).json();
		assertThat(stored.get("name").asString()).isEqualTo("Our KM competencies 2026");
		assertThat(competency(stored, "runs-after-action-reviews").get("required").get("FRONT_LINE_MANAGER").asInt()).isEqualTo(2);

		JsonNode original = km.get(f.base + "/competency-frameworks/" + f.builtIn).json();
		assertThat(original.get("name").asString()).isEqualTo("Leadership KM competencies");
		assertThat(original.get("competencies")).hasSize(13);
		// an editor may not change frameworks
		assertThat(f.as(f.boss).put(f.base + "/competency-frameworks/" + id, Map.of("name", "X")).status()).isEqualTo(403);
	}

	@Test
	void anAssessmentIsVisibleOnlyToThePersonTheirManagerAndKnowledgeManagers() {
		String path = f.base + "/assessments/" + f.assessment;
		assertThat(f.as(f.frontLine).get(path).status()).isEqualTo(200);
		assertThat(f.as(f.boss).get(path).status()).isEqualTo(200);
		assertThat(f.as(f.km).get(path).status()).isEqualTo(200);
		assertThat(f.admin().get(path).status()).isEqualTo(200);
		assertThat(f.as(f.outsider).get(path).status()).isEqualTo(404);
		assertThat(f.as(f.outsider).put(path + "/ratings", Map.of("ratings",
				CompetenciesFixture.frontLineRatings("explains-km", 3))).status()).isEqualTo(404);
		assertThat(f.as(f.outsider).post(path + "/sign-off", Map.of()).status()).isEqualTo(404);
		TestData.Org other = f.data.org();
		assertThat(Http.api(port, other.admin().token()).get("/api/v1/orgs/" + other.slug() + "/assessments/" + f.assessment)
			.status()).isEqualTo(404);
		// lists: the outsider sees none of it, the manager sees their report's
		assertThat(f.as(f.outsider).get(f.base + "/assessments").json().get("totalItems").asLong()).isZero();
		assertThat(f.as(f.boss).get(f.base + "/assessments").json().get("items").findValuesAsString("id"))
			.containsExactly(f.assessment);
		assertThat(f.as(f.outsider).get(f.base + "/training-needs?by=person").json().get("totalItems").asLong()).isZero();
		// the person rates only as themselves
		assertThat(f.as(f.frontLine).put(path + "/ratings", Map.of("as", "MANAGER", "ratings",
				CompetenciesFixture.frontLineRatings("explains-km", 3))).status()).isEqualTo(403);
	}

	@Test
	void badRatingsAndAssessmentsAreRefusedWithNothingWritten() {
		String path = f.base + "/assessments/" + f.assessment;
		Http person = f.as(f.frontLine);
		Http.Response tooHigh = person.put(path + "/ratings", Map.of("ratings", List.of(
				Map.of("competency", "explains-km", "level", 3, "evidence", "ok"),
				Map.of("competency", CompetenciesFixture.MEASUREMENTS, "level", 5, "evidence", "too high"))));
		assertThat(tooHigh.status()).isEqualTo(400);
		assertThat(tooHigh.contentType()).contains("application/problem+json");
		assertThat(tooHigh.body()).contains("ratings[1].level");
		Http.Response zero = person.put(path + "/ratings", Map.of("ratings", List.of(
				Map.of("competency", "explains-km", "level", 0))));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.body()).contains("ratings[0].level");
		Http.Response unknown = person.put(path + "/ratings", Map.of("ratings", List.of(
				Map.of("competency", "explains-km", "level", 2), Map.of("competency", "juggles", "level", 2))));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("ratings[1].competency");
		JsonNode stored = person.get(path).json();
		assertThat(row(stored, "explains-km").get("self").isNull()).isTrue();
		assertThat(stored.get("status").asString()).isEqualTo("OPEN");

		// assessments of people outside the organization, unknown profiles and cycles
		TestData.Org other = f.data.org();
		TestData.Person stranger = f.data.member(other, "VIEWER");
		long before = f.as(f.km).get(f.base + "/assessments").json().get("totalItems").asLong();
		Http.Response outside = f.as(f.km).post(f.base + "/assessments",
				Map.of("cycle", f.cycle, "person", stranger.email(), "profile", "EXECUTIVE"));
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.body()).contains("\"person\"");
		Http.Response profile = f.as(f.km).post(f.base + "/assessments",
				Map.of("cycle", f.cycle, "person", f.outsider.email(), "profile", "JUGGLER"));
		assertThat(profile.status()).isEqualTo(400);
		assertThat(profile.body()).contains("\"profile\"");
		Http.Response cycle = f.as(f.km).post(f.base + "/assessments",
				Map.of("cycle", UUID.randomUUID().toString(), "person", f.outsider.email(), "profile", "EXECUTIVE"));
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.body()).contains("\"cycle\"");
		assertThat(f.as(f.km).get(f.base + "/assessments").json().get("totalItems").asLong()).isEqualTo(before);
		// a cycle that closes before it opens
		Http.Response dates = f.as(f.km).post(f.base + "/assessment-cycles", Map.of("name", "Backwards", "framework",
				f.builtIn, "opens", "2026-12-01", "closes", "2026-11-01"));
		assertThat(dates.status()).isEqualTo(400);
		assertThat(dates.body()).contains("\"closes\"");
		// only knowledge managers and administrators start assessments
		assertThat(f.as(f.boss).post(f.base + "/assessments", Map.of("cycle", f.cycle, "person", f.outsider.email(),
				"profile", "EXECUTIVE")).status()).isEqualTo(403);
	}

	@Test
	void gapsBetweenRequiredAndAssessedLevelsAreTrainingNeeds() {
		String path = f.base + "/assessments/" + f.assessment;
		Http.Response self = f.rate(f.frontLine, f.assessment,
				CompetenciesFixture.frontLineRatings(CompetenciesFixture.MEASUREMENTS, 2));
		assertThat(self.status()).as(self.toString()).isEqualTo(200);
		assertThat(self.json().get("status").asString()).isEqualTo("SELF_ASSESSED");
		List<Competencies.Need> needs = competencies.needsOf(new OrgId(f.org.id()), new PersonId(f.frontLine.id()));
		assertThat(needs).containsExactly(new Competencies.Need(CompetenciesFixture.MEASUREMENTS, "Develops KM measurements", 3, 2));

		// the manager's level counts over the person's own
		Http.Response manager = f.rate(f.boss, f.assessment,
				CompetenciesFixture.frontLineRatings(CompetenciesFixture.MEASUREMENTS, 1));
		assertThat(manager.status()).as(manager.toString()).isEqualTo(200);
		assertThat(manager.json().get("status").asString()).isEqualTo("MANAGER_ASSESSED");
		JsonNode measured = row(manager.json(), CompetenciesFixture.MEASUREMENTS);
		assertThat(measured.get("self").get("level").asInt()).isEqualTo(2);
		assertThat(measured.get("manager").get("level").asInt()).isEqualTo(1);
		assertThat(measured.get("gap").asInt()).isEqualTo(2);

		JsonNode byPerson = f.as(f.km).get(f.base + "/training-needs?by=person").json();
		assertThat(byPerson.get("totalItems").asLong()).isEqualTo(1);
		JsonNode person = byPerson.get("items").get(0);
		assertThat(person.get("key").asString()).isEqualTo(f.frontLine.id().toString());
		assertThat(person.get("needs").asInt()).isEqualTo(1);
		JsonNode need = person.get("personNeeds").get(0);
		assertThat(need.get("code").asString()).isEqualTo(CompetenciesFixture.MEASUREMENTS);
		assertThat(need.get("required").asInt()).isEqualTo(3);
		assertThat(need.get("assessed").asInt()).isEqualTo(1);
		assertThat(need.get("gap").asInt()).isEqualTo(2);
		assertThat(need.get("training").asString())
			.isEqualTo("/o/" + f.org.slug() + "/training/courses?competency=" + CompetenciesFixture.MEASUREMENTS);

		JsonNode team = f.as(f.km).get(f.base + "/training-needs?by=team").json().get("items").get(0);
		assertThat(team.get("key").asString()).isEqualTo(f.boss.id().toString());
		assertThat(team.get("peopleWithNeeds").asInt()).isEqualTo(1);
		assertThat(team.get("competencies").get(0).get("meanGap").asDouble()).isEqualTo(2.0);
		assertThat(f.as(f.km).get(f.base + "/training-needs?by=profile").json().get("items").get(0).get("key").asString())
			.isEqualTo("FRONT_LINE_MANAGER");
		assertThat(f.as(f.km).get(f.base + "/training-needs?by=organization").json().get("items").get(0).get("needs").asInt())
			.isEqualTo(1);
		assertThat(f.as(f.km).get(f.base + "/training-needs?by=galaxy").status()).isEqualTo(400);
		// the manager sees their report's needs; the person their own
		assertThat(f.as(f.boss).get(f.base + "/training-needs").json().get("totalItems").asLong()).isEqualTo(1);
		assertThat(f.as(f.frontLine).get(f.base + "/training-needs").json().get("totalItems").asLong()).isEqualTo(1);

		// sign-off: not by the person; by the manager, once
		assertThat(f.as(f.frontLine).post(path + "/sign-off", Map.of()).status()).isEqualTo(403);
		Http.Response signed = f.as(f.boss).post(path + "/sign-off", Map.of());
		assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
		assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED_OFF");
		assertThat(f.as(f.boss).post(path + "/sign-off", Map.of()).status()).isEqualTo(409);
		assertThat(f.rate(f.boss, f.assessment, CompetenciesFixture.frontLineRatings("explains-km", 3)).status())
			.isEqualTo(409);

		OrgId org = new OrgId(f.org.id());
		var latest = competencies.latestAssessment(org, new PersonId(f.frontLine.id())).orElseThrow();
		assertThat(latest.status()).isEqualTo("SIGNED_OFF");
		assertThat(latest.openNeeds()).isEqualTo(1);
		var figures = competencies.figures(org, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60));
		assertThat(figures).isEqualTo(new Competencies.Figures(1, 0, 1, 1));
	}
}
