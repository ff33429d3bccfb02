package org.tacit.security;

import static org.tacit.organizations.Role.KNOWLEDGE_MANAGER;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.member;
import static org.tacit.security.MatrixFixture.check;

import java.util.Map;

import org.tacit.support.Http;

/**
 * The KM program: every member reads objectives, initiatives and the program view; knowledge managers and
 * administrators write them and see the staff view. The shared objective and initiative are made by the
 * organization's administrator (none of the callers), who is also the initiative's owner and sponsor, so
 * that the owner's own rights (status, milestones, actual amounts) never apply to a caller.
 */
final class ProgramEndpoints {

	private ProgramEndpoints() {
	}

	static void declare() {
		// --- objectives
		Endpoints.declare("POST /api/v1/orgs/{org}/objectives", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/objectives", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/objectives/{id}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/program/objectives", member(VIEWER));
		Endpoints.declare("POST /o/{org}/program/objectives", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/program/objectives/{id}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/program/objectives/{id}", member(KNOWLEDGE_MANAGER));

		// --- initiatives
		Endpoints.declare("POST /api/v1/orgs/{org}/initiatives", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/initiatives", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/initiatives/{id}", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/initiatives/{id}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/initiatives/{id}/budget", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /api/v1/orgs/{org}/initiatives/{id}/milestones", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/initiatives/{id}/milestones/{mid}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/initiatives/{id}/links", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/program/initiatives", member(VIEWER));
		Endpoints.declare("GET /o/{org}/program/initiatives/new", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/program/initiatives", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/program/initiatives/{id}", member(VIEWER));
		Endpoints.declare("GET /o/{org}/program/initiatives/{id}/edit", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/program/initiatives/{id}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/program/initiatives/{id}/budget", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/program/initiatives/{id}/budget", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/program/initiatives/{id}/milestones", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/program/initiatives/{id}/milestones/{mid}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/program/initiatives/{id}/links", member(KNOWLEDGE_MANAGER));

		// --- the program and staff views
		Endpoints.declare("GET /api/v1/orgs/{org}/program", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/program/staff", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/program", member(VIEWER));
		Endpoints.declare("GET /o/{org}/program/staff", member(KNOWLEDGE_MANAGER));

		MatrixFixture.simple("objectives/{id}", (f, fresh) -> objective(f));
		MatrixFixture.simple("initiatives/{id}", (f, fresh) -> initiative(f));
		MatrixFixture.simple("mid", (f, fresh) -> milestone(f));
	}

	private static String objective(MatrixFixture f) {
		return f.once("program objective", () -> {
			Http.Response created = f.admin().post(f.base + "/objectives", Map.of("title", "Matrix objective"));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}

	private static String initiative(MatrixFixture f) {
		String objective = objective(f);
		return f.once("program initiative", () -> {
			String owner = f.org.admin().id().toString();
			Http.Response created = f.admin().post(f.base + "/initiatives", Map.of("name", "Matrix initiative", "owner",
					owner, "sponsor", owner, "objective", objective));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}

	private static String milestone(MatrixFixture f) {
		String initiative = initiative(f);
		return f.once("program milestone", () -> {
			Http.Response added = f.admin().post(f.base + "/initiatives/" + initiative + "/milestones",
					Map.of("title", "Matrix milestone"));
			check(added, 201);
			return added.json().get("milestones").get(0).get("id").asString();
		});
	}
}
