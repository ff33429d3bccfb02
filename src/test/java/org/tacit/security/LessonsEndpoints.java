package org.tacit.security;

import static org.tacit.organizations.Role.CONTRIBUTOR;
import static org.tacit.organizations.Role.EDITOR;
import static org.tacit.organizations.Role.KNOWLEDGE_MANAGER;
import static org.tacit.organizations.Role.VIEWER;
import static org.tacit.security.Access.member;
import static org.tacit.security.Endpoints.UNPAGED;
import static org.tacit.security.MatrixFixture.check;
import static org.tacit.security.MatrixFixture.filler;

import java.util.Map;

import org.tacit.security.MatrixFixture.Call;
import org.tacit.support.Http;

/**
 * The lessons module's endpoints (lessons, their actions and links, activities and their reviews). The
 * records are made by the organization's administrator, who is none of the callers: no caller is a
 * lesson's author or expert, an activity's owner or participant, a review's facilitator or an action's
 * owner, so the roles alone decide (stewards: editors and above). The shared lesson stays CAPTURED;
 * calls that move it on or remove its links get lessons of their own.
 */
final class LessonsEndpoints {

	private LessonsEndpoints() {
	}

	static void declare() {
		// --- lessons: the register, capture, lifecycle ---
		Endpoints.declare("GET /api/v1/orgs/{org}/lessons", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/lessons", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/lessons/figures", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/lessons/validation-queue", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/lessons/{id}", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/lessons/{id}", member(EDITOR));
		Endpoints.declare("GET /api/v1/orgs/{org}/lessons/{id}/transitions", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/lessons/{id}/transitions", member(EDITOR).fresh().body("{\"to\":\"VALIDATED\"}"));
		Endpoints.declare("GET /o/{org}/lessons", member(VIEWER));
		Endpoints.declare("GET /o/{org}/lessons/follow-up", member(VIEWER));
		Endpoints.declare("GET /o/{org}/lessons/new", member(VIEWER));
		Endpoints.declare("POST /o/{org}/lessons", member(VIEWER));
		Endpoints.declare("GET /o/{org}/lessons/{id}", member(VIEWER));
		Endpoints.declare("GET /o/{org}/lessons/{id}/edit", member(EDITOR));
		Endpoints.declare("POST /o/{org}/lessons/{id}", member(EDITOR));
		Endpoints.declare("POST /o/{org}/lessons/{id}/transition", member(EDITOR).fresh().query("to=VALIDATED"));

		// --- lessons: actions ---
		Endpoints.declare("GET /api/v1/orgs/{org}/actions", member(VIEWER));
		Endpoints.declare("GET /api/v1/orgs/{org}/actions/overdue", member(KNOWLEDGE_MANAGER));
		Endpoints.declare("GET /api/v1/orgs/{org}/lessons/{id}/actions", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/lessons/{id}/actions", member(EDITOR));
		Endpoints.declare("PUT /api/v1/orgs/{org}/lessons/{id}/actions/{actionId}", member(EDITOR));
		Endpoints.declare("POST /o/{org}/lessons/{id}/actions", member(EDITOR));
		Endpoints.declare("POST /o/{org}/lessons/{id}/actions/{actionId}", member(EDITOR));

		// --- lessons: links to what changed ---
		Endpoints.declare("GET /api/v1/orgs/{org}/lessons/{id}/links", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/lessons/{id}/links", member(EDITOR));
		Endpoints.declare("DELETE /api/v1/orgs/{org}/lessons/{id}/links/{linkId}", member(EDITOR).fresh());
		Endpoints.declare("GET /o/{org}/lessons/{id}/links/new", member(EDITOR));
		Endpoints.declare("POST /o/{org}/lessons/{id}/links", member(EDITOR));
		Endpoints.declare("GET /o/{org}/lessons/{id}/links/{linkId}/delete", member(EDITOR));
		Endpoints.declare("POST /o/{org}/lessons/{id}/links/{linkId}/delete", member(EDITOR).fresh());

		// --- activities and their reviews ---
		Endpoints.declare("GET /api/v1/orgs/{org}/activities", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/activities", member(CONTRIBUTOR));
		Endpoints.declare("GET /api/v1/orgs/{org}/activities/{id}", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/activities/{id}", member(EDITOR));
		Endpoints.declare("GET /api/v1/orgs/{org}/activities/{id}/reviews", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/activities/{id}/reviews", member(EDITOR));
		Endpoints.declare("GET /o/{org}/activities", member(VIEWER));
		Endpoints.declare("GET /o/{org}/activities/new", member(CONTRIBUTOR));
		Endpoints.declare("POST /o/{org}/activities", member(CONTRIBUTOR));
		Endpoints.declare("GET /o/{org}/activities/{id}", member(VIEWER));
		Endpoints.declare("GET /o/{org}/activities/{id}/edit", member(EDITOR));
		Endpoints.declare("POST /o/{org}/activities/{id}", member(EDITOR));
		Endpoints.declare("GET /o/{org}/activities/{id}/reviews/new", member(EDITOR).query("kind=BEFORE"));
		Endpoints.declare("POST /o/{org}/activities/{id}/reviews", member(EDITOR).query("kind=AFTER"));

		// --- reviews ---
		Endpoints.declare("GET /api/v1/orgs/{org}/reviews/{id}", member(VIEWER));
		Endpoints.declare("PUT /api/v1/orgs/{org}/reviews/{id}", member(EDITOR));
		Endpoints.declare("GET /api/v1/orgs/{org}/reviews/{id}/suggestions", member(VIEWER));
		Endpoints.declare("POST /api/v1/orgs/{org}/reviews/{id}/applied", member(EDITOR));
		Endpoints.declare("GET /o/{org}/reviews/{id}", member(VIEWER));
		Endpoints.declare("GET /o/{org}/reviews/{id}/edit", member(EDITOR));
		Endpoints.declare("GET /o/{org}/reviews/{id}/print", member(VIEWER));
		Endpoints.declare("POST /o/{org}/reviews/{id}", member(EDITOR));
		Endpoints.declare("POST /o/{org}/reviews/{id}/applied", member(EDITOR));

		UNPAGED.put("GET /api/v1/orgs/{org}/lessons/{id}/transitions",
				"at most 5 steps a lesson: the lifecycle only moves forward and ends at CLOSED or REJECTED (LessonStatus)");
		UNPAGED.put("GET /api/v1/orgs/{org}/lessons/{id}/actions", "at most 50 actions a lesson (ActionService.ACTIONS_MAX)");
		UNPAGED.put("GET /api/v1/orgs/{org}/lessons/{id}/links", "at most 50 links a lesson (LinkService.LINKS_MAX)");
		UNPAGED.put("GET /api/v1/orgs/{org}/reviews/{id}/suggestions", "at most 20 suggestions (AppliedKnowledge.SUGGESTIONS)");

		filler("lessons/{id}", (f, call) -> lesson(f, call));
		filler("activities/{id}", (f, call) -> activity(f));
		filler("reviews/{id}", (f, call) -> review(f));
		filler("actionId", (f, call) -> {
			lesson(f, call);
			String lesson = shared(f);
			return call.filled().computeIfAbsent("{action}", k -> f.once("lesson-action", () -> newAction(f, lesson)));
		});
		// {linkId}: a lesson's link to what changed, or a process step's link (ProcessesEndpoints)
		filler("linkId", (f, call) -> call.pattern().contains("/processes/") ? ProcessesEndpoints.linkId(f, call)
				: lessonLink(f, call));
	}

	private static String base(MatrixFixture f) {
		return f.base;
	}

	/** The lesson of the call: the shared one, or a new one when the call moves it on or removes its links. */
	private static String lesson(MatrixFixture f, Call call) {
		return call.filled().computeIfAbsent("{lesson}", k -> call.fresh() ? newLesson(f) : shared(f));
	}

	private static String shared(MatrixFixture f) {
		return f.once("lesson", () -> newLesson(f));
	}

	private static String lessonLink(MatrixFixture f, Call call) {
		String lesson = lesson(f, call);
		if (call.fresh()) {
			return call.filled().computeIfAbsent("{lessonLink}", k -> newLink(f, lesson));
		}
		// once() must not be nested in another once(): the shared lesson is made first
		String shared = shared(f);
		return f.once("lesson-link", () -> newLink(f, shared));
	}

	static String newLesson(MatrixFixture f) {
		Http.Response created = f.admin().post(base(f) + "/lessons", Map.of("title", "Matrix lesson", "observation",
				"What happened", "rootCause", "Why it happened", "recommendation", "Do it differently"));
		check(created, 201);
		return created.json().get("id").asString();
	}

	private static String newAction(MatrixFixture f, String lesson) {
		Http.Response created = f.admin().post(base(f) + "/lessons/" + lesson + "/actions",
				Map.of("title", "Matrix action", "owner", f.org.admin().email(), "due", "2099-12-31"));
		check(created, 201);
		return created.json().get("id").asString();
	}

	private static String newLink(MatrixFixture f, String lesson) {
		Http.Response created = f.admin().post(base(f) + "/lessons/" + lesson + "/links", Map.of("itemId", f.item));
		check(created, 201);
		return created.json().get("id").asString();
	}

	private static String activity(MatrixFixture f) {
		return f.once("activity", () -> {
			Http.Response created = f.admin().post(base(f) + "/activities",
					Map.of("name", "Matrix activity", "description", "An activity of the matrix"));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}

	/** A before-action review, the kind that has suggestions and marks of what the team applies. */
	private static String review(MatrixFixture f) {
		String activity = activity(f);
		return f.once("review", () -> {
			Http.Response created = f.admin().post(base(f) + "/activities/" + activity + "/reviews",
					Map.of("kind", "BEFORE", "objectives", "Learn from the matrix", "risks", "None known"));
			check(created, 201);
			return created.json().get("id").asString();
		});
	}
}
