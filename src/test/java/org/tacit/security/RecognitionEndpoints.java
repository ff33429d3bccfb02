package org.tacit.security;

import static org.tacit.organizations.Role.KNOWLEDGE_MANAGER;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.member;

/**
 * Recognition: kudos, leaderboards, settings and expectations are read by every member; a person's
 * ledger and record are for the person, their manager, knowledge managers and administrators; a team's
 * records for the manager, knowledge managers and administrators; settings, expectations and rebuilds
 * are changed by knowledge managers and administrators.
 *
 * <p>The records: {@code people/{id}} is the retention module's member (a VIEWER who is none of the
 * callers, without a manager); {@code teams/{managerId}} is another such member. No caller is the
 * person or the manager, so the role-based expectations hold.
 */
final class RecognitionEndpoints {

	private RecognitionEndpoints() {
	}

	static void declare() {
		// --- the ledger and the knowledge-sharing record
		Endpoints.declare("GET /api/v1/orgs/{org}/people/{id}/ledger", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/people/{id}/record", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/people/{id}/record", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/people/{id}/record.csv", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/people/{id}/record.pdf", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/recognition", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/teams/{managerId}/records", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/teams/{managerId}", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/teams/{managerId}/records.csv", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /api/v1/orgs/{org}/recognition/rebuild", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/recognition/rebuild", member(KNOWLEDGE_MANAGER));

		// --- kudos: any member gives them, and everyone sees them
		Endpoints.declare("POST /api/v1/orgs/{org}/kudos", member(VIEWER));
		Endpoints.declare("POST /o/{org}/kudos", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/people/{id}/kudos", member(VIEWER));
		Endpoints.declare("GET /o/{org}/people/{id}/kudos", member(VIEWER));

		// --- settings, expectations, leaderboards
		Endpoints.declare("GET /api/v1/orgs/{org}/recognition/settings", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/recognition/settings", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/recognition/settings", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/recognition/settings", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/expectations", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/expectations", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/recognition/expectations", member(VIEWER));
		Endpoints.declare("POST /o/{org}/recognition/expectations", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/leaderboards", member(VIEWER));
		Endpoints.declare("GET /o/{org}/leaderboards", member(VIEWER));

		MatrixFixture.simple("teams/{managerId}", (f, fresh) -> manager(f));
	}

	/** A manager who is none of the callers. */
	private static String manager(MatrixFixture f) {
		return f.once("recognition manager", () -> f.data.member(f.org, "VIEWER").id().toString());
	}
}
