package org.tacit.security;

import static org.tacit.organizations.Role.ADMIN;
import static org.tacit.organizations.Role.KNOWLEDGE_MANAGER;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.member;
import static org.tacit.security.MatrixFixture.check;
import static org.tacit.security.MatrixFixture.filler;

import java.util.List;
import java.util.Map;

import org.tacit.security.MatrixFixture.Call;
import org.tacit.support.Http;

/**
 * Distribution: a member's own follows, notifications and settings (personal, in the organization named
 * by {@code org}: members of it succeed, everyone else gets 404), announcements (everyone in the audience
 * reads and acknowledges; leaders publish, follow the acknowledgements and remind), webhooks and mail
 * settings (administrators). The shared announcement goes to the whole organization after every caller
 * joined it, so each caller is in its audience; a follow in a path is the caller's own.
 */
final class DistributionEndpoints {

	private DistributionEndpoints() {
	}

	static void declare() {
		// --- personal: follows, notifications, settings
		Endpoints.declare("POST /api/v1/me/follows", member(VIEWER).query("org={org}"));
		Endpoints.declare("GET /api/v1/me/follows", member(VIEWER).query("org={org}"));
		Endpoints.declare("DELETE /api/v1/me/follows", member(VIEWER).query("org={org}&kind=TAG&target=nothing"));
		Endpoints.declare("GET /api/v1/me/notifications", member(VIEWER).query("org={org}"));
		Endpoints.declare("GET /api/v1/me/notifications/unread", member(VIEWER).query("org={org}"));
		Endpoints.declare("POST /api/v1/me/notifications/read", member(VIEWER).query("org={org}"));
		Endpoints.declare("GET /api/v1/me/notification-settings", member(VIEWER).query("org={org}"));
		Endpoints.declare("PUT /api/v1/me/notification-settings", member(VIEWER).query("org={org}"));
		Endpoints.declare("GET /o/{org}/notifications", member(VIEWER));
		Endpoints.declare("POST /o/{org}/notifications/read", member(VIEWER).query("all=true"));
		Endpoints.declare("GET /o/{org}/notifications/settings", member(VIEWER));
		Endpoints.declare("POST /o/{org}/notifications/settings", member(VIEWER).query("pref-ITEM_VERIFIED=IN_APP"));
		Endpoints.declare("GET /o/{org}/follows", member(VIEWER));
		Endpoints.declare("POST /o/{org}/follows", member(VIEWER));
		Endpoints.declare("POST /o/{org}/follows/{id}/delete", member(VIEWER).fresh());
		Endpoints.declare("POST /o/{org}/follows/stop", member(VIEWER).query("kind=TAG&target=nothing"));

		// --- announcements
		Endpoints.declare("POST /api/v1/orgs/{org}/announcements", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/announcements", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/announcements/{id}", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/announcements/{id}/acknowledge", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/announcements/{id}/acknowledgements", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /api/v1/orgs/{org}/announcements/{id}/reminders", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/announcements", member(VIEWER));
		Endpoints.declare("GET /o/{org}/announcements/new", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/announcements", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/announcements/{id}", member(VIEWER));
		Endpoints.declare("POST /o/{org}/announcements/{id}/acknowledge", member(VIEWER));
		Endpoints.declare("POST /o/{org}/announcements/{id}/remind", member(KNOWLEDGE_MANAGER));

		// --- webhooks and mail: administrators
		Endpoints.declare("POST /api/v1/orgs/{org}/webhooks", member(ADMIN));
		Endpoints.declare("GET /api/v1/orgs/{org}/webhooks", member(ADMIN));
		Endpoints.declare("GET /api/v1/orgs/{org}/webhooks/{id}", member(ADMIN));
		Endpoints.declare("DELETE /api/v1/orgs/{org}/webhooks/{id}", member(ADMIN).fresh());
		Endpoints.declare("POST /api/v1/orgs/{org}/webhooks/{id}/enable", member(ADMIN));
		Endpoints.declare("GET /api/v1/orgs/{org}/webhooks/{id}/deliveries", member(ADMIN));
		Endpoints.declare("GET /api/v1/orgs/{org}/mail-settings", member(ADMIN));
		Endpoints.declare("PUT /api/v1/orgs/{org}/mail-settings", member(ADMIN));
		Endpoints.declare("GET /api/v1/orgs/{org}/mail-queue", member(ADMIN));
		Endpoints.declare("GET /o/{org}/webhooks", member(ADMIN));
		Endpoints.declare("POST /o/{org}/webhooks", member(ADMIN));
		Endpoints.declare("GET /o/{org}/webhooks/{id}", member(ADMIN));
		Endpoints.declare("POST /o/{org}/webhooks/{id}/enable", member(ADMIN));
		Endpoints.declare("GET /o/{org}/webhooks/{id}/delete", member(ADMIN));
		Endpoints.declare("POST /o/{org}/webhooks/{id}/delete", member(ADMIN).fresh());
		Endpoints.declare("GET /o/{org}/mail", member(ADMIN));
		Endpoints.declare("POST /o/{org}/mail", member(ADMIN));

		filler("announcements/{id}", (f, call) -> f.once("announcement", () -> {
			Http.Response created = f.admin().post(f.base + "/announcements", Map.of("title", "Matrix announcement",
					"body", "Please read the matrix.", "mustAcknowledge", true));
			check(created, 201);
			return created.json().get("id").asString();
		}));
		filler("webhooks/{id}", (f, call) -> call.fresh() ? newHook(f) : f.once("webhook", () -> newHook(f)));
		filler("follows/{id}", (f, call) -> follow(f, call));
	}

	/** A hook to a local address where nothing listens (allowed in the tests' settings): no traffic leaves the machine. */
	private static String newHook(MatrixFixture f) {
		Http.Response created = f.admin().post(f.base + "/webhooks",
				Map.of("url", "http://127.0.0.7:9/matrix", "events", List.of("item.verified")));
		check(created, 201);
		return created.json().get("id").asString();
	}

	/** The caller's own follow when they are a member; the administrator's for everyone else. */
	private static String follow(MatrixFixture f, Call call) {
		Http api = (call.caller().sameOrg() || call.caller().siteAdmin()) && call.caller().person() != null ? call.caller().api() : f.admin();
		Http.Response created = api.post("/api/v1/me/follows", Map.of("org", f.org.slug(), "kind", "TAG", "target",
				"matrix-" + java.util.UUID.randomUUID()));
		check(created, 201);
		return created.json().get("id").asString();
	}
}
