package org.tacit.competencies;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Evidence suggestions: what a knowledge manager did on the platform during the cycle (a measurement
 * target set, kudos given, an announcement published, a KM item authored) is suggested for the
 * competencies whose evidence kinds name it, and only for them and only for that person.
 */
@TacitTest
class CompetenciesEvidenceTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	CompetenciesFixture f;

	@BeforeEach
	void setUp() {
		f = new CompetenciesFixture(port, new TestData(context, port));
	}

	private static List<String> suggested(JsonNode assessment, String code) {
		for (JsonNode c : assessment.get("competencies")) {
			if (c.get("code").asString().equals(code)) {
				return c.get("suggestions").findValuesAsString("title");
			}
		}
		throw new AssertionError("no competency " + code + " in " + assessment);
	}

	@Test
	void whatAKnowledgeManagerDidIsSuggestedForTheMatchingCompetencies() {
		Http km = f.as(f.km);
		Http.Response target = km.put(f.base + "/targets/stale-share", Map.of("value", 0.1, "direction", "AT_MOST"));
		assertThat(target.status()).as(target.toString()).isEqualTo(200);
		Http.Response kudos = km.post(f.base + "/kudos", Map.of("to", f.boss.email(), "message", "Thanks for the KM checklist"));
		assertThat(kudos.status()).as(kudos.toString()).isEqualTo(201);
		Http.Response announcement = km.post(f.base + "/announcements", Map.of("title", "Knowledge sharing week",
				"body", "Share one lesson this week."));
		assertThat(announcement.status()).as(announcement.toString()).isEqualTo(201);
		LibraryFixture library = new LibraryFixture(port, f.org);
		library.space("KM");
		String item = library.draft(f.km, "KM", "TEMPLATE", "How we run KM here", "# KM", List.of("km")).get("id").asString();
		library.publish(f.org.admin(), item);
		String untagged = library.draft(f.km, "KM", "TEMPLATE", "Lunch menu", "# Food", List.of("food")).get("id").asString();
		library.publish(f.org.admin(), untagged);

		String id = f.assess(f.km, "KNOWLEDGE_MANAGER");
		Http.Response read = km.get(f.base + "/assessments/" + id);
		assertThat(read.status()).isEqualTo(200);
		JsonNode assessment = read.json();
		assertThat(suggested(assessment, CompetenciesFixture.MEASUREMENTS)).containsExactly("Target set for Stale content");
		for (JsonNode c : assessment.get("competencies")) {
			if (c.get("code").asString().equals(CompetenciesFixture.MEASUREMENTS)) {
				assertThat(c.get("suggestions").get(0).get("url").asString())
					.isEqualTo("/o/" + f.org.slug() + "/measurement/metrics/stale-share");
				assertThat(c.get("suggestions").get(0).get("kind").asString()).isEqualTo("targets-set");
			}
		}
		assertThat(suggested(assessment, "sponsors-km-visibly")).contains("Knowledge sharing week")
			.anyMatch(t -> t.contains("Thanks for the KM checklist"));
		assertThat(suggested(assessment, "explains-km")).containsExactly("How we run KM here");
		assertThat(suggested(assessment, "identifies-km-training-needs")).isEmpty();

		// someone else's target is not the front-line manager's evidence
		JsonNode theirs = f.as(f.frontLine).get(f.base + "/assessments/" + f.assessment).json();
		assertThat(suggested(theirs, CompetenciesFixture.MEASUREMENTS)).isEmpty();

		// the page shows the suggestion under the competency
		Http browser = Http.browser(port);
		browser.signIn(f.km.email(), TestData.PASSWORD);
		String page = browser.get("/o/" + f.org.slug() + "/competencies/assessments/" + id).body();
		assertThat(page).contains("Target set for Stale content", "Suggested evidence from Tacit");
	}
}
