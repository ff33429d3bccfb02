package org.tacit.security;

import static org.tacit.organizations.Role.ADMIN;
import static org.tacit.organizations.Role.KNOWLEDGE_MANAGER;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.member;
import static org.tacit.security.MatrixFixture.check;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tacit.support.Http;

/**
 * Knowledge retention: expertise profiles and the expert finder (every member), the risk register, its
 * transfer plans and the overview (knowledge managers and administrators; the person and their
 * manager see their own entries), and handover.
 *
 * <p>The records: a member at risk (a VIEWER who is none of the callers, without a manager), an entry
 * about them made by the organization's administrator, a plan in progress for it with a task owned by
 * the administrator and a captured output. No caller is the person, their manager, a successor or a
 * task owner, so the role-based expectations hold: lesser roles do not see the entry or the plan (404).
 */
final class RetentionEndpoints {

	private RetentionEndpoints() {
	}

	/** The scoring method's defaults: a complete body that reaches the permission check and changes nothing. */
	private static final String METHOD = "{\"attrition5Months\":12,\"attrition4Months\":24,\"attrition3Months\":36,"
			+ "\"attrition2Months\":60,\"highFrom\":15,\"mediumFrom\":8}";

	static void declare() {
		// --- expertise profiles, the expert finder (every member reads; the person or a knowledge manager edits)
		Endpoints.declare("GET /o/{org}/people/{id}", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/people/{id}/expertise", member(VIEWER));
		Endpoints.declare("GET /o/{org}/people/{id}/expertise", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/people/{id}/expertise", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/people/{id}/expertise", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/experts", member(VIEWER).query("topic=turbines"));
		Endpoints.declare("GET /api/v1/orgs/{org}/experts", member(VIEWER).query("topic=turbines"));
		Endpoints.declare("POST /o/{org}/experts/rebuild", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /api/v1/orgs/{org}/experts/rebuild", member(KNOWLEDGE_MANAGER));

		// --- handover: the person's manager, knowledge managers and administrators (the person sees their own)
		Endpoints.declare("GET /o/{org}/people/{id}/handover", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/people/{id}/handover", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/people/{id}/handover/confirm", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/people/{id}/handover", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /api/v1/orgs/{org}/people/{id}/handover", member(KNOWLEDGE_MANAGER));

		// --- a member's manager (organizations' members page, set by administrators)
		Endpoints.declare("GET /o/{org}/members/{id}/manager", member(ADMIN));
		Endpoints.declare("POST /o/{org}/members/{id}/manager", member(ADMIN));

		// --- the risk register: the list shows each caller what they may see; entries are hidden from the rest
		Endpoints.declare("GET /o/{org}/risks", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/risks", member(VIEWER));
		Endpoints.declare("GET /o/{org}/risks/new", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/risks", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /api/v1/orgs/{org}/risks", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /o/{org}/risks/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("GET /api/v1/orgs/{org}/risks/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("GET /o/{org}/risks/{id}/edit", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/risks/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("PUT /api/v1/orgs/{org}/risks/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("GET /api/v1/orgs/{org}/risks/{id}/plans", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/risks/{id}/plans", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /api/v1/orgs/{org}/risks/{id}/plans", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("GET /o/{org}/risks/overview", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/retention/overview", member(KNOWLEDGE_MANAGER));
		// how risk is scored is no secret (whoever assesses an entry needs it); changing it is for knowledge managers
		Endpoints.declare("GET /api/v1/orgs/{org}/retention/method", member(VIEWER));
		Endpoints.declare("GET /o/{org}/risks/method", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("POST /o/{org}/risks/method", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/retention/method", member(KNOWLEDGE_MANAGER).body(METHOD));

		// --- transfer plans: those who see the entry, its successors and task owners; others get 404
		Endpoints.declare("GET /o/{org}/plans/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("GET /api/v1/orgs/{org}/plans/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/plans/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("PATCH /api/v1/orgs/{org}/plans/{id}", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/plans/{id}/status", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/plans/{id}/tasks", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /api/v1/orgs/{org}/plans/{id}/tasks", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/plans/{id}/tasks/{task}/done", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("PATCH /api/v1/orgs/{org}/plans/{id}/tasks/{task}",
				member(KNOWLEDGE_MANAGER).hidden().body("{\"done\":true}"));
		Endpoints.declare("POST /o/{org}/plans/{id}/outputs", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /api/v1/orgs/{org}/plans/{id}/outputs", member(KNOWLEDGE_MANAGER).hidden());
		Endpoints.declare("POST /o/{org}/plans/{id}/outputs/{output}/remove", member(KNOWLEDGE_MANAGER).hidden().fresh());
		Endpoints.declare("DELETE /api/v1/orgs/{org}/plans/{id}/outputs/{output}", member(KNOWLEDGE_MANAGER).hidden().fresh());


		MatrixFixture.simple("people/{id}", (f, fresh) -> atRisk(f));
		MatrixFixture.simple("risks/{id}", (f, fresh) -> risk(f));
		MatrixFixture.simple("plans/{id}", (f, fresh) -> plan(f));
		MatrixFixture.simple("tasks/{task}", (f, fresh) -> task(f));
		MatrixFixture.simple("outputs/{output}", (f, fresh) -> output(f, fresh));
	}

	// once() must not be nested (it is a HashMap's computeIfAbsent): each record's parents are made first

	private static String task(MatrixFixture f) {
		String plan = plan(f);
		return f.once("retention task", () -> {
			Http.Response created = f.admin().post(f.base + "/plans/" + plan + "/tasks", Map.of("title",
					"Interview about the turbines", "method", "INTERVIEW", "owner", f.org.admin().email(), "dueDate",
					today().plusDays(30).toString()));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}

	private static String output(MatrixFixture f, boolean fresh) {
		String plan = plan(f);
		return fresh ? newOutput(f, plan) : f.once("retention output", () -> newOutput(f, plan));
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	/** The member at risk: none of the callers, without a manager. */
	private static String atRisk(MatrixFixture f) {
		return f.once("retention person", () -> f.data.member(f.org, "VIEWER").id().toString());
	}

	private static String risk(MatrixFixture f) {
		String person = atRisk(f);
		return f.once("retention risk", () -> {
			Http.Response created = f.admin().post(f.base + "/risks", Map.of("person", person, "knowledgeAreas",
					List.of(Map.of("description", "Overhaul of the steam turbines", "tags", List.of("turbines"))),
					"departure", Map.of("type", "RETIREMENT", "date", today().plusMonths(6).toString()), "positionRisk", 4));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}

	private static String plan(MatrixFixture f) {
		String risk = risk(f);
		return f.once("retention plan", () -> {
			Http.Response created = f.admin().post(f.base + "/risks/" + risk + "/plans",
					Map.of("successors", List.of(), "methods", List.of("INTERVIEW")));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}

	/** Interview notes captured on the plan as a new draft item of the fixture's space. */
	private static String newOutput(MatrixFixture f, String plan) {
		Http.Response created = f.admin().post(f.base + "/plans/" + plan + "/outputs",
				Map.of("space", f.space, "title", "Interview notes " + UUID.randomUUID(), "body", "What was said"));
		check(created, 201);
		return created.json().get("id").asString();
	}
}
