package org.tacit.competencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * The competencies pages: the built-in framework, copying and editing a framework, opening a cycle and
 * assessing someone, the assessment form refusing a level outside the scale, the needs and the heat map,
 * My work, and privacy of the assessment page.
 */
@TacitTest
class CompetenciesPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	CompetenciesFixture f;

	@BeforeEach
	void setUp() {
		f = new CompetenciesFixture(port, new TestData(context, port));
	}

	private Http signedIn(TestData.Person person) {
		Http browser = Http.browser(port);
		browser.signIn(person.email(), TestData.PASSWORD);
		return browser;
	}

	private String org() {
		return "/o/" + f.org.slug();
	}

	@Test
	void frameworksCanBeReadCopiedAndEdited() {
		Http viewer = signedIn(f.outsider);
		Http.Response list = viewer.get(org() + "/competencies/frameworks");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("Leadership KM competencies", "Built in");
		Http.Response detail = viewer.get(org() + "/competencies/frameworks/" + f.builtIn);
		assertThat(detail.body()).contains("Develops KM measurements", "Front-line manager", "3 Practitioner")
			.doesNotContain("Copy framework");
		assertThat(viewer.get(org() + "/competencies").body()).contains("Competencies");

		Http km = signedIn(f.km);
		assertThat(km.get(org() + "/competencies/frameworks/" + f.builtIn).body()).contains("Copy framework");
		assertThat(km.get(org() + "/competencies/frameworks/" + f.builtIn + "/edit").status()).isEqualTo(409);
		Http.Response copied = km.submit(org() + "/competencies/frameworks/" + f.builtIn, org() + "/competencies/frameworks",
				Map.of("copyOf", f.builtIn, "name", "Our leadership KM"));
		assertThat(copied.status()).isEqualTo(302);
		String edit = copied.location().substring(copied.location().indexOf("/o/"));
		assertThat(edit).endsWith("/edit");
		String form = km.get(edit).body();
		assertThat(form).contains("value=\"develops-km-measurements\"", "Our leadership KM");

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "Our leadership KM 2027");
		fields.put("description", "Adapted");
		fields.put("level0.name", "Beginner");
		fields.put("level1.name", "Advanced");
		fields.put("profile0.code", "FRONT_LINE_MANAGER");
		fields.put("profile0.name", "Team lead");
		fields.put("c0.code", "develops-km-measurements");
		fields.put("c0.name", "Develops KM measurements");
		fields.put("c0.indicators", "Chooses measures\nUses the figures");
		fields.put("c0.evidenceKinds", "targets-set");
		fields.put("c0.required0", "2");
		Http.Response saved = km.submit(edit, edit, fields);
		assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
		String id = edit.substring(edit.indexOf("/frameworks/") + "/frameworks/".length(), edit.length() - "/edit".length());
		var stored = f.as(f.km).get(f.base + "/competency-frameworks/" + id).json();
		assertThat(stored.get("name").asString()).isEqualTo("Our leadership KM 2027");
		assertThat(stored.get("levels")).hasSize(2);
		assertThat(stored.get("competencies")).hasSize(1);
		assertThat(stored.get("competencies").get(0).get("indicators")).hasSize(2);
		assertThat(stored.get("competencies").get(0).get("required").get("FRONT_LINE_MANAGER").asInt()).isEqualTo(2);

		// a required level above the two-level scale: the form again, with the problem, nothing written
		fields.put("c0.required0", "3");
		fields.put("name", "Not saved");
		Http.Response refused = km.submit(edit, edit, fields);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("competencies[0].required.FRONT_LINE_MANAGER");
		assertThat(f.as(f.km).get(f.base + "/competency-frameworks/" + id).json().get("name").asString())
			.isEqualTo("Our leadership KM 2027");
	}

	@Test
	void aKnowledgeManagerOpensACycleAndAssessesSomeone() {
		Http km = signedIn(f.km);
		Http.Response created = km.submit(org() + "/competencies/cycles", org() + "/competencies/cycles",
				Map.of("name", "Yearly 2027", "framework", f.builtIn, "opens", "2027-01-01", "closes", "2027-12-31"));
		assertThat(created.status()).isEqualTo(302);
		String cycle = created.location().substring(created.location().indexOf("/o/"));
		assertThat(km.get(cycle).body()).contains("Yearly 2027", "Nobody is assessed in this cycle yet");
		Http.Response assessed = km.submit(cycle, cycle + "/assessments",
				Map.of("person", f.outsider.email(), "profile", "EXECUTIVE"));
		assertThat(assessed.status()).isEqualTo(302);
		assertThat(km.get(assessed.location().substring(assessed.location().indexOf("/o/"))).body())
			.contains("Oversees improvement of core business processes");
		Http.Response bad = km.submit(cycle, cycle + "/assessments", Map.of("person", "nobody@example.org", "profile",
				"EXECUTIVE"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("This person is not an active member of the organization.");
		assertThat(signedIn(f.boss).get(org() + "/competencies/cycles").body()).contains("Yearly 2027")
			.doesNotContain("Open cycle");
	}

	@Test
	void theAssessmentFormRatesRefusesBadLevelsAndIsPrivate() {
		String page = org() + "/competencies/assessments/" + f.assessment;
		Http person = signedIn(f.frontLine);
		String form = person.get(page).body();
		assertThat(form).contains("type=\"radio\"", "name=\"level.develops-km-measurements\"", "Develops KM measurements",
				"Choose the level that describes you best");
		assertThat(signedIn(f.outsider).get(page).status()).isEqualTo(404);
		// the person's "My work" lists the self-assessment
		assertThat(person.get(org()).body()).contains("Your self-assessment is waiting");

		Http.Response tooHigh = person.submit(page, page + "/ratings", Map.of("level.develops-km-measurements", "7",
				"evidence.develops-km-measurements", "Too high"));
		assertThat(tooHigh.status()).isEqualTo(200);
		assertThat(tooHigh.body()).contains("A level is a whole number from 1 to 4");
		assertThat(f.as(f.frontLine).get(f.base + "/assessments/" + f.assessment).json().get("competencies").toString())
			.doesNotContain("Too high");

		Map<String, String> ratings = new LinkedHashMap<>();
		CompetenciesFixture.FRONT_LINE.forEach((code, required) -> ratings.put("level." + code,
				String.valueOf(code.equals(CompetenciesFixture.MEASUREMENTS) ? 2 : required)));
		ratings.put("evidence.develops-km-measurements", "Set up the team dashboard");
		Http.Response saved = person.submit(page, page + "/ratings", ratings);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(person.get(page).body()).contains("Self-assessed", "Set up the team dashboard");

		// the manager's My work, then the needs and the heat map
		Http boss = signedIn(f.boss);
		assertThat(boss.get(org()).body()).contains("Assessments of your team waiting for you");
		Http km = signedIn(f.km);
		String needs = km.get(org() + "/competencies/needs?by=person").body();
		assertThat(needs).contains("Develops KM measurements", "required 3, assessed 2 (gap 1)",
				"/training/courses?competency=develops-km-measurements");
		assertThat(km.get(org() + "/competencies/needs?by=team").body()).contains("1 with a gap, mean 1<");
		String heat = km.get(org() + "/competencies/heat-map").body();
		assertThat(heat).contains("heat-1", "1 with a gap, mean 1<", "Develops KM measurements");
		assertThat(signedIn(f.outsider).get(org() + "/competencies/needs").body()).contains("No training need to show");
	}
}
