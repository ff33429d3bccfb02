package org.tacit.security;

import static org.tacit.organizations.Role.CONTRIBUTOR;
import static org.tacit.organizations.Role.KNOWLEDGE_MANAGER;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.member;
import static org.tacit.security.Endpoints.UNPAGED;
import static org.tacit.security.MatrixFixture.check;

import java.util.List;
import java.util.Map;

import org.tacit.support.Http;

/**
 * Measurement: every member reads the figures, the dashboard, the summary, the improvement list and the
 * value register; contributors record success stories; knowledge managers set targets and confirm stories.
 * The shared story is recorded by the organization's administrator (none of the callers) and credits the
 * fixture's checklist; confirming gets a story of its own. Removing a target gets a target set for the call.
 */
final class MeasurementEndpoints {

	private MeasurementEndpoints() {
	}

	/** A figure every organization has. */
	private static final String METRIC = "stale-share";

	static void declare() {
		// --- figures
		Endpoints.declare("GET /api/v1/orgs/{org}/metrics", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/metrics/export.csv", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/metrics/{metric}", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/improvement-list", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/targets/{metric}", member(KNOWLEDGE_MANAGER).body("{\"value\":0.1}"));
		Endpoints.declare("DELETE /api/v1/orgs/{org}/targets/{metric}", member(KNOWLEDGE_MANAGER).fresh());
		Endpoints.declare("GET /o/{org}/measurement", member(VIEWER));
		Endpoints.declare("GET /o/{org}/measurement/summary", member(VIEWER));
		Endpoints.declare("GET /o/{org}/measurement/metrics/{metric}", member(VIEWER));
		Endpoints.declare("GET /o/{org}/measurement/export.csv", member(VIEWER));
		Endpoints.declare("GET /o/{org}/measurement/targets", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/measurement/targets", member(KNOWLEDGE_MANAGER));

		// --- the value register
		Endpoints.declare("POST /api/v1/orgs/{org}/value-stories", member(CONTRIBUTOR));
		Endpoints.declare("GET /api/v1/orgs/{org}/value-stories", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/value-stories/totals", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/value-stories/export.csv", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/value-stories/{id}", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/value-stories/{id}/confirm", member(KNOWLEDGE_MANAGER).fresh());
		Endpoints.declare("GET /o/{org}/value", member(VIEWER));
		Endpoints.declare("GET /o/{org}/value/export.csv", member(VIEWER));
		Endpoints.declare("GET /o/{org}/value/new", member(CONTRIBUTOR));
		Endpoints.declare("POST /o/{org}/value", member(CONTRIBUTOR));
		Endpoints.declare("GET /o/{org}/value/{id}", member(VIEWER));
		Endpoints.declare("POST /o/{org}/value/{id}/confirm", member(KNOWLEDGE_MANAGER).fresh());

		UNPAGED.put("GET /api/v1/orgs/{org}/metrics", "one entry per figure of the catalogue (Metric) and at most 10 gaps");
		UNPAGED.put("GET /api/v1/orgs/{org}/metrics/{metric}",
				"one part per space or community of the organization (a breakdown, not a list of records)");

		MatrixFixture.simple("metric", (f, fresh) -> fresh ? target(f) : METRIC);
		MatrixFixture.simple("value-stories/{id}", (f, fresh) -> fresh ? newStory(f) : story(f));
		MatrixFixture.simple("value/{id}", (f, fresh) -> fresh ? newStory(f) : story(f));
	}

	private static String target(MatrixFixture f) {
		check(f.admin().put(f.base + "/targets/" + METRIC, Map.of("value", 0.1, "direction", "AT_MOST")), 200);
		return METRIC;
	}

	private static String story(MatrixFixture f) {
		return f.once("measurement story", () -> newStory(f));
	}

	private static String newStory(MatrixFixture f) {
		Http.Response created = f.admin().post(f.base + "/value-stories", Map.of("title", "The checklist saved a day",
				"story", "The shutdown went faster with the checklist.", "links",
				List.of(Map.of("type", "item", "id", f.item)), "hoursSaved", 8));
		check(created, 201);
		return created.json().get("id").asString();
	}
}
