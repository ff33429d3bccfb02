package org.tacit.security;

import static org.tacit.organizations.Role.ADMIN;
import static org.tacit.organizations.Role.CONTRIBUTOR;
import static org.tacit.organizations.Role.EDITOR;
import static org.tacit.organizations.Role.KNOWLEDGE_MANAGER;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.PUBLIC;
import static org.tacit.security.Access.SIGNED_IN;
import static org.tacit.security.Access.SITE_ADMIN;
import static org.tacit.security.Access.member;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who may call each endpoint of Tacit: one line per endpoint, keyed by its HTTP method and its path
 * exactly as Spring maps it. {@link PermissionMatrixTests} finds every endpoint in Spring's handler
 * mappings and fails for one that is not declared here, so a new endpoint is declared by adding a line
 * (see docs/security.md, "Declaring an endpoint").
 *
 * <p>The records in the paths are the fixture's: an organization-wide space, a published checklist
 * owned by the organization's administrator, its attachment, comment and run (see {@link MatrixFixture}).
 */
final class Endpoints {

	static final Map<String, Access> DECLARED = new LinkedHashMap<>();

	/**
	 * GET endpoints that answer a list without {@code page}/{@code size}, with what keeps each short. Every
	 * other list must be paged ({@link org.tacit.shared.Paging}, at most 100 a page).
	 */
	static final Map<String, String> UNPAGED = new LinkedHashMap<>();

	/** Declares who may call an endpoint; modules declare theirs in their own file ({@code LessonsEndpoints}, ...). */
	static void declare(String methodAndPath, Access access) {
		if (DECLARED.put(methodAndPath, access) != null) {
			throw new IllegalStateException("Declared twice: " + methodAndPath);
		}
	}

	static {

		// --- the session, the account and the installation ---
		declare("GET /", SIGNED_IN);
		declare("GET /login", PUBLIC);
		declare("GET /setup", PUBLIC);
		declare("POST /setup", PUBLIC);
		declare("GET /error", Access.ERROR_PAGE);
		declare("GET /switch", member(VIEWER).query("org={org}"));
		declare("GET /account", SIGNED_IN);
		declare("POST /account/name", SIGNED_IN);
		declare("POST /account/password", SIGNED_IN);
		declare("POST /account/tokens", SIGNED_IN);
		declare("GET /account/tokens/{id}/revoke", SIGNED_IN);
		declare("POST /account/tokens/{id}/revoke", SIGNED_IN);
		declare("GET /api/v1/me", SIGNED_IN);
		declare("POST /api/v1/me/password", SIGNED_IN);
		declare("GET /api/v1/tokens", SIGNED_IN);
		declare("POST /api/v1/tokens", SIGNED_IN);
		declare("DELETE /api/v1/tokens/{id}", SIGNED_IN);
		declare("GET /api/v1/audit", SITE_ADMIN);
		declare("POST /api/v1/backup", SITE_ADMIN);

		// --- operations and the API document ---
		declare("GET /actuator", SITE_ADMIN);
		declare("GET /actuator/health", PUBLIC);
		declare("GET /actuator/health/**", PUBLIC);
		declare("GET /actuator/info", SITE_ADMIN);
		declare("GET /actuator/metrics", SITE_ADMIN);
		declare("GET /actuator/metrics/{requiredMetricName}", SITE_ADMIN);
		declare("GET /actuator/prometheus", SITE_ADMIN);
		declare("GET /v3/api-docs", PUBLIC);
		declare("GET /v3/api-docs.yaml", PUBLIC);
		declare("GET /v3/api-docs/swagger-config", PUBLIC);
		declare("GET /swagger-ui.html", PUBLIC);

		// --- organizations and members ---
		declare("GET /orgs", SIGNED_IN);
		declare("POST /orgs", SITE_ADMIN.query("name=Matrix-org"));
		declare("GET /api/v1/orgs", SIGNED_IN);
		declare("POST /api/v1/orgs", SITE_ADMIN);
		declare("GET /o/{org}", member(VIEWER));
		declare("GET /api/v1/orgs/{org}", member(VIEWER));
		declare("PATCH /api/v1/orgs/{org}", member(ADMIN));
		declare("GET /o/{org}/settings", member(ADMIN));
		declare("POST /o/{org}/settings", member(ADMIN));
		declare("GET /o/{org}/audit", member(ADMIN));
		declare("GET /api/v1/orgs/{org}/audit", member(ADMIN));
		declare("GET /o/{org}/members", member(VIEWER));
		declare("POST /o/{org}/members", member(ADMIN));
		declare("POST /o/{org}/members/{id}/role", member(ADMIN).fresh());
		declare("GET /o/{org}/members/{id}/remove", member(ADMIN));
		declare("GET /o/{org}/members/{id}/deactivate", member(ADMIN));
		declare("GET /o/{org}/members/{id}/reactivate", member(ADMIN));
		declare("GET /o/{org}/members/{id}/reset-password", member(ADMIN));
		declare("POST /o/{org}/members/{id}/remove", member(ADMIN).fresh());
		declare("POST /o/{org}/members/{id}/deactivate", member(ADMIN).fresh());
		declare("POST /o/{org}/members/{id}/reactivate", member(ADMIN).fresh());
		declare("POST /o/{org}/members/{id}/reset-password", member(ADMIN).fresh());
		declare("GET /api/v1/orgs/{org}/members", member(VIEWER));
		declare("POST /api/v1/orgs/{org}/members", member(ADMIN));
		declare("GET /api/v1/orgs/{org}/members/{id}", member(VIEWER));
		declare("PATCH /api/v1/orgs/{org}/members/{id}", member(ADMIN).fresh().body("{\"role\":\"VIEWER\"}"));
		declare("DELETE /api/v1/orgs/{org}/members/{id}", member(ADMIN).fresh());
		declare("POST /api/v1/orgs/{org}/members/{id}/password-reset", member(ADMIN).fresh());

		// --- library: spaces ---
		declare("GET /o/{org}/spaces", member(VIEWER));
		declare("POST /o/{org}/spaces", member(KNOWLEDGE_MANAGER));
		declare("GET /o/{org}/spaces/{key}", member(VIEWER));
		declare("POST /o/{org}/spaces/{key}/members", member(EDITOR));
		declare("POST /o/{org}/spaces/{key}/members/{person}/remove", member(EDITOR).fresh());
		declare("GET /api/v1/orgs/{org}/spaces", member(VIEWER));
		declare("POST /api/v1/orgs/{org}/spaces", member(KNOWLEDGE_MANAGER));
		declare("GET /api/v1/orgs/{org}/spaces/{key}", member(VIEWER));
		declare("GET /api/v1/orgs/{org}/spaces/{key}/members", member(VIEWER));
		declare("PUT /api/v1/orgs/{org}/spaces/{key}/members/{person}", member(EDITOR).fresh().body("{\"role\":\"VIEWER\"}"));
		declare("DELETE /api/v1/orgs/{org}/spaces/{key}/members/{person}", member(EDITOR).fresh());

		// --- library: items, versions, workflow ---
		declare("GET /o/{org}/review", member(VIEWER));
		declare("POST /o/{org}/preview", member(VIEWER));
		declare("GET /o/{org}/items/new", member(CONTRIBUTOR).query("space={key}"));
		declare("POST /o/{org}/items", member(CONTRIBUTOR).query("space={key}"));
		declare("GET /o/{org}/items/{id}", member(VIEWER));
		declare("POST /o/{org}/items/{id}", member(EDITOR));
		declare("GET /o/{org}/items/{id}/edit", member(EDITOR));
		declare("GET /o/{org}/items/{id}/history", member(VIEWER));
		declare("GET /o/{org}/items/{id}/versions/{version}", member(VIEWER));
		declare("POST /o/{org}/items/{id}/versions/{version}/restore", member(EDITOR));
		declare("POST /o/{org}/items/{id}/transition", member(EDITOR).fresh().query("to=ARCHIVED"));
		declare("POST /o/{org}/items/{id}/verify", member(EDITOR));
		declare("POST /api/v1/orgs/{org}/items", member(CONTRIBUTOR)
			.body("{\"space\":\"MX\",\"kind\":\"ARTICLE\",\"title\":\"Made by the matrix\"}"));
		declare("GET /api/v1/orgs/{org}/items", member(VIEWER));
		declare("GET /api/v1/orgs/{org}/items/{id}", member(VIEWER));
		declare("PUT /api/v1/orgs/{org}/items/{id}", member(EDITOR));
		declare("GET /api/v1/orgs/{org}/items/{id}/versions", member(VIEWER));
		declare("GET /api/v1/orgs/{org}/items/{id}/versions/{version}", member(VIEWER));
		declare("GET /api/v1/orgs/{org}/items/{id}/diff", member(VIEWER).query("from={version}&to={version}"));
		declare("POST /api/v1/orgs/{org}/items/{id}/versions/{version}/restore", member(EDITOR));
		declare("GET /api/v1/orgs/{org}/items/{id}/transitions", member(VIEWER));
		declare("POST /api/v1/orgs/{org}/items/{id}/transitions", member(EDITOR).fresh().body("{\"to\":\"ARCHIVED\"}"));
		declare("POST /api/v1/orgs/{org}/items/{id}/verify", member(EDITOR));
		declare("GET /api/v1/orgs/{org}/library/settings", member(VIEWER));
		declare("PUT /api/v1/orgs/{org}/library/settings", member(KNOWLEDGE_MANAGER));

		// --- library: attachments ---
		declare("POST /o/{org}/items/{id}/attachments", member(EDITOR));
		declare("GET /o/{org}/items/{id}/attachments/{attachmentId}", member(VIEWER));
		declare("GET /o/{org}/items/{id}/attachments/{attachmentId}/delete", member(EDITOR));
		declare("POST /o/{org}/items/{id}/attachments/{attachmentId}/delete", member(EDITOR).fresh());
		declare("POST /api/v1/orgs/{org}/items/{id}/attachments", member(EDITOR));
		declare("GET /api/v1/orgs/{org}/items/{id}/attachments", member(VIEWER));
		declare("GET /api/v1/orgs/{org}/items/{id}/attachments/{attachmentId}", member(VIEWER));
		declare("DELETE /api/v1/orgs/{org}/items/{id}/attachments/{attachmentId}", member(EDITOR).fresh());

		// --- library: use, feedback, comments, checklist runs ---
		declare("POST /o/{org}/items/{id}/feedback", member(VIEWER));
		declare("POST /o/{org}/items/{id}/uses", member(VIEWER));
		declare("POST /o/{org}/items/{id}/comments", member(VIEWER));
		declare("GET /o/{org}/items/{id}/comments/{commentId}/delete", member(EDITOR));
		declare("POST /o/{org}/items/{id}/comments/{commentId}/delete", member(EDITOR).fresh());
		declare("POST /o/{org}/items/{id}/runs", member(VIEWER));
		declare("GET /o/{org}/items/{id}/runs/{runId}", member(VIEWER));
		declare("POST /o/{org}/items/{id}/runs/{runId}/steps/{n}", member(VIEWER).fresh());
		declare("POST /o/{org}/items/{id}/runs/{runId}/finish", member(VIEWER).fresh());
		declare("POST /api/v1/orgs/{org}/items/{id}/feedback", member(VIEWER).body("{\"helpful\":true}"));
		declare("GET /api/v1/orgs/{org}/items/{id}/feedback", member(VIEWER));
		declare("POST /api/v1/orgs/{org}/items/{id}/uses", member(VIEWER));
		declare("GET /api/v1/orgs/{org}/items/{id}/uses", member(VIEWER));
		declare("POST /api/v1/orgs/{org}/items/{id}/comments", member(VIEWER).body("{\"body\":\"A matrix comment\"}"));
		declare("GET /api/v1/orgs/{org}/items/{id}/comments", member(VIEWER));
		declare("GET /api/v1/orgs/{org}/items/{id}/comments/{commentId}", member(VIEWER));
		declare("DELETE /api/v1/orgs/{org}/items/{id}/comments/{commentId}", member(EDITOR).fresh());
		declare("POST /api/v1/orgs/{org}/items/{id}/runs", member(VIEWER));
		declare("GET /api/v1/orgs/{org}/items/{id}/runs", member(VIEWER));
		declare("GET /api/v1/orgs/{org}/items/{id}/runs/{runId}", member(VIEWER));
		declare("PUT /api/v1/orgs/{org}/items/{id}/runs/{runId}/steps/{n}", member(VIEWER).fresh().body("{\"done\":true}"));
		declare("POST /api/v1/orgs/{org}/items/{id}/runs/{runId}/finish", member(VIEWER).fresh());

		// --- search ---
		declare("GET /o/{org}/search", member(VIEWER));
		declare("GET /o/{org}/search/suggest", member(VIEWER));
		declare("GET /o/{org}/search/gaps", member(EDITOR));
		declare("GET /o/{org}/search/synonyms", member(KNOWLEDGE_MANAGER));
		declare("POST /o/{org}/search/synonyms", member(KNOWLEDGE_MANAGER));
		declare("GET /api/v1/orgs/{org}/search", member(VIEWER));
		declare("GET /api/v1/orgs/{org}/search/gaps", member(EDITOR));
		declare("GET /api/v1/orgs/{org}/search/synonyms", member(VIEWER));
		declare("PUT /api/v1/orgs/{org}/search/synonyms", member(KNOWLEDGE_MANAGER).body("[]"));

		// each later module declares its endpoints, and fills its path variables, in a file of its own
		ModuleEndpoints.declareAll();
	}

	static {
		UNPAGED.put("GET /api/v1/orgs/{org}/items/{id}/attachments", "at most 100 files an item (AttachmentService)");
		UNPAGED.put("GET /api/v1/orgs/{org}/items/{id}/diff", "one row per line of two bodies of at most 200,000 characters");
		UNPAGED.put("GET /api/v1/orgs/{org}/search/synonyms", "at most 500 terms an organization");
	}

	private Endpoints() {
	}
}
