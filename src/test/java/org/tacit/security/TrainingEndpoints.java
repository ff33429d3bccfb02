package org.tacit.security;

import static org.tacit.organizations.Role.KNOWLEDGE_MANAGER;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.member;
import static org.tacit.security.MatrixFixture.check;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.tacit.support.Http;

/**
 * Training: every member reads the catalog and their own training; knowledge managers and
 * administrators change courses and rules and see every assignment; a person's manager assigns
 * courses to them (no caller is anyone's manager here).
 *
 * <p>The records: a course made by the organization's administrator (no trainer), assigned to a member
 * who is none of the callers and has no manager, so lesser roles do not see the assignment (404); and
 * a rule for VIEWERs (each caller that may remove one gets its own).
 */
final class TrainingEndpoints {

	private TrainingEndpoints() {
	}

	static void declare() {
		// --- courses: everyone reads the catalog, knowledge managers and administrators change it
		Endpoints.declare("GET /api/v1/orgs/{org}/courses", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/courses", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/courses/{id}", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/courses/{id}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/training/courses", member(VIEWER));
		Endpoints.declare("GET /o/{org}/training/courses/new", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/training/courses", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/training/courses/{id}", member(VIEWER));
		Endpoints.declare("GET /o/{org}/training/courses/{id}/edit", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/training/courses/{id}", member(KNOWLEDGE_MANAGER));

		// --- assignments: knowledge managers, administrators and the person's manager assign
		Endpoints.declare("POST /api/v1/orgs/{org}/courses/{id}/assignments", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/training/courses/{id}/assignments", member(KNOWLEDGE_MANAGER));
		// the list shows each caller what they may see
		Endpoints.declare("GET /api/v1/orgs/{org}/assignments", member(VIEWER));
		Endpoints.declare("GET /o/{org}/training", member(VIEWER));
		Endpoints.declare("GET /o/{org}/training/team", member(VIEWER));
		// one assignment: the person, their manager, the trainer, knowledge managers and administrators; others get 404
		Endpoints.declare("GET /api/v1/orgs/{org}/assignments/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("GET /o/{org}/training/assignments/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /api/v1/orgs/{org}/assignments/{id}/completion", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/training/assignments/{id}/completion", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /api/v1/orgs/{org}/assignments/{id}/confirmation", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/training/assignments/{id}/confirmation", member(KNOWLEDGE_MANAGER).hidden());

		// --- rules: knowledge managers and administrators
		Endpoints.declare("GET /api/v1/orgs/{org}/training-rules", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /api/v1/orgs/{org}/training-rules", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("DELETE /api/v1/orgs/{org}/training-rules/{id}", member(KNOWLEDGE_MANAGER).fresh());
		Endpoints.declare("GET /o/{org}/training/rules", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/training/rules", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/training/rules/{id}/delete", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/training/rules/{id}/delete", member(KNOWLEDGE_MANAGER).fresh());

		MatrixFixture.simple("courses/{id}", (f, fresh) -> course(f));
		MatrixFixture.simple("assignments/{id}", (f, fresh) -> assignment(f));
		MatrixFixture.simple("training-rules/{id}", (f, fresh) -> fresh ? newRule(f) : rule(f));
		MatrixFixture.simple("rules/{id}", (f, fresh) -> fresh ? newRule(f) : rule(f));
	}

	// once() must not be nested: each record's parents are made first

	private static String course(MatrixFixture f) {
		return f.once("training course", () -> {
			Http.Response created = f.admin().post(f.base + "/courses", Map.of("title", "Matrix course", "type", "TOOL",
					"description", "How to use the library"));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}

	private static String learner(MatrixFixture f) {
		return f.once("training learner", () -> f.data.member(f.org, "VIEWER").id().toString());
	}

	private static String assignment(MatrixFixture f) {
		String course = course(f);
		String person = learner(f);
		return f.once("training assignment", () -> {
			Http.Response created = f.admin().post(f.base + "/courses/" + course + "/assignments",
					Map.of("person", person, "due", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}

	private static String rule(MatrixFixture f) {
		String course = course(f);
		return f.once("training rule", () -> newRule(f, course));
	}

	private static String newRule(MatrixFixture f) {
		return newRule(f, course(f));
	}

	private static String newRule(MatrixFixture f, String course) {
		Http.Response created = f.admin().post(f.base + "/training-rules",
				Map.of("role", "ADMIN", "course", course, "withinDays", 30));
		check(created, 201);
		return created.json().get("id").asString();
	}
}
