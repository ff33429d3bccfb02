package org.tacit.security;

import static org.tacit.organizations.Role.KNOWLEDGE_MANAGER;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.member;
import static org.tacit.security.MatrixFixture.check;

import java.time.LocalDate;
import java.util.Map;

import org.tacit.support.Http;

/**
 * Competencies: every member reads frameworks and cycles and sees their own assessments, their reports'
 * and their needs; knowledge managers and administrators create and change frameworks (not the built-in
 * one), open cycles and start assessments. An assessment is visible to the person, their manager,
 * knowledge managers and administrators only: to every other member it does not exist (404).
 *
 * <p>The records: a copy of the built-in framework, a cycle on it, and an assessment of a VIEWER who is
 * none of the callers and has no manager, all made by the organization's administrator.
 */
final class CompetenciesEndpoints {

	private CompetenciesEndpoints() {
	}

	static void declare() {
		// --- frameworks
		Endpoints.declare("GET /api/v1/orgs/{org}/competency-frameworks", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/competency-frameworks/{id}", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/competency-frameworks", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/competency-frameworks/{id}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/competencies", member(VIEWER));
		Endpoints.declare("GET /o/{org}/competencies/frameworks", member(VIEWER));
		Endpoints.declare("POST /o/{org}/competencies/frameworks", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/competencies/frameworks/{id}", member(VIEWER));
		Endpoints.declare("GET /o/{org}/competencies/frameworks/{id}/edit", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/competencies/frameworks/{id}/edit", member(KNOWLEDGE_MANAGER));

		// --- cycles
		Endpoints.declare("POST /api/v1/orgs/{org}/assessment-cycles", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/assessment-cycles", member(VIEWER));
		Endpoints.declare("GET /o/{org}/competencies/cycles", member(VIEWER));
		Endpoints.declare("POST /o/{org}/competencies/cycles", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/competencies/cycles/{id}", member(VIEWER));
		Endpoints.declare("POST /o/{org}/competencies/cycles/{id}/assessments", member(KNOWLEDGE_MANAGER));

		// --- assessments: hidden from everyone but the person, their manager, knowledge managers and administrators
		Endpoints.declare("POST /api/v1/orgs/{org}/assessments", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/assessments", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/assessments/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("PUT /api/v1/orgs/{org}/assessments/{id}/ratings", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /api/v1/orgs/{org}/assessments/{id}/sign-off", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("GET /o/{org}/competencies/assessments/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/competencies/assessments/{id}/ratings", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/competencies/assessments/{id}/sign-off", member(KNOWLEDGE_MANAGER).hidden());

		// --- training needs: everyone sees their own and their reports'
		Endpoints.declare("GET /api/v1/orgs/{org}/training-needs", member(VIEWER));
		Endpoints.declare("GET /o/{org}/competencies/needs", member(VIEWER));
		Endpoints.declare("GET /o/{org}/competencies/heat-map", member(VIEWER));

		MatrixFixture.simple("competency-frameworks/{id}", (f, fresh) -> framework(f));
		MatrixFixture.simple("frameworks/{id}", (f, fresh) -> framework(f));
		MatrixFixture.simple("cycles/{id}", (f, fresh) -> cycle(f));
		MatrixFixture.simple("assessments/{id}", (f, fresh) -> assessment(f));
	}

	/** A copy of the built-in framework (which can be changed). */
	private static String framework(MatrixFixture f) {
		return f.once("competencies framework", () -> {
			Http.Response list = f.admin().get(f.base + "/competency-frameworks");
			check(list, 200);
			String builtIn = list.json().get("items").get(0).get("id").asString();
			Http.Response copy = f.admin().post(f.base + "/competency-frameworks", Map.of("copyOf", builtIn));
			check(copy, 201);
			return copy.json().get("id").asString();
		});
	}

	private static String cycle(MatrixFixture f) {
		// MatrixFixture.once cannot nest: the framework is made first
		String framework = framework(f);
		return f.once("competencies cycle", () -> {
			LocalDate today = LocalDate.now();
			Http.Response created = f.admin().post(f.base + "/assessment-cycles", Map.of("name", "Matrix cycle", "framework",
					framework, "opens", today.minusDays(30).toString(), "closes", today.plusDays(30).toString()));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}

	private static String assessment(MatrixFixture f) {
		String cycle = cycle(f);
		return f.once("competencies assessment", () -> {
			String person = f.data.member(f.org, "VIEWER").id().toString();
			Http.Response created = f.admin().post(f.base + "/assessments",
					Map.of("cycle", cycle, "person", person, "profile", "FRONT_LINE_MANAGER"));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}
}
