package org.tacit.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * The lessons API as the issue names it: activities, reviews of three kinds, lessons through their
 * whole lifecycle with actions and links, and the refusals (422 saying what is missing, 4xx for bad
 * input) that change nothing.
 */
@TacitTest
class LessonsApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	LessonsFixture lessons;
	LibraryFixture library;
	TestData.Person editor;
	TestData.Person contributor;
	TestData.Person viewer;
	String checklist;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		lessons = new LessonsFixture(port, org);
		library = new LibraryFixture(port, org);
		library.space("OPS");
		checklist = library.published("OPS", "CHECKLIST", "Shutdown checklist",
				"- Drain the line\n- Lock the valves\n- Sign the permit\n").get("id").asString();
		editor = data.member(org, "EDITOR");
		contributor = data.member(org, "CONTRIBUTOR");
		viewer = data.member(org, "VIEWER");
		base = lessons.base();
	}

	private static String inDays(int days) {
		return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
	}

	private static void refused(Http.Response response, String field, String detail) {
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains(detail);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	/** One field of each element of a JSON array (nested objects' fields are not looked at). */
	static java.util.List<String> values(JsonNode array, String field) {
		return array.valueStream().map(n -> n.get(field).asString()).toList();
	}

	private static void invalid(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
	}

	@Test
	void aLessonGoesFromAnAfterActionReviewToClosedAndEveryStepIsRecorded() {
		Http.Response started = lessons.api(contributor).post(base + "/activities",
				Map.of("name", "Spring shutdown of line 2", "description", "Two weeks of maintenance on the bottling line.",
						"owner", contributor.email(), "startsOn", "2026-04-01", "endsOn", "2026-04-14", "tags",
						List.of("Shutdown", "line 2"), "participants", List.of(viewer.email())));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		JsonNode activity = started.json();
		assertThat(started.location()).endsWith(base + "/activities/" + activity.get("id").asString());
		assertThat(activity.get("owner").get("id").asString()).isEqualTo(contributor.id().toString());
		assertThat(activity.get("tags").valueStream().map(JsonNode::asString)).containsExactly("shutdown", "line-2");
		assertThat(activity.get("participants").get(0).get("name").asString()).isEqualTo("Person " + viewer.email());
		assertThat(activity.get("startsOn").asString()).isEqualTo("2026-04-01");

		JsonNode review = lessons.review(viewer, activity.get("id").asString(), "AFTER",
				Map.of("expected", "Back in production on day 14", "actual", "Back on day 17",
						"why", "The spare valves came late", "sustain", "Daily stand-ups", "improve", "Order spares early"));
		assertThat(review.get("kind").asString()).isEqualTo("AFTER");
		assertThat(review.get("why").asString()).isEqualTo("The spare valves came late");
		assertThat(review.has("objectives")).isFalse();
		assertThat(review.get("facilitator").get("id").asString()).isEqualTo(viewer.id().toString());
		assertThat(review.get("date").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

		Http.Response captured = lessons.api(viewer).post(base + "/lessons", Map.of("review", review.get("id").asString(),
				"title", "Order long-lead valves before the shutdown is planned", "observation", "Valves came three days late.",
				"rootCause", "Ordered after the plan was fixed.", "recommendation", "Add ordering to the checklist.",
				"priority", "caution", "tags", List.of("valves", "shutdown")));
		assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
		String id = captured.json().get("id").asString();
		assertThat(captured.json().get("status").asString()).isEqualTo("CAPTURED");
		assertThat(captured.json().get("priority").asString()).isEqualTo("CAUTION");
		assertThat(captured.json().get("activity").get("id").asString()).isEqualTo(activity.get("id").asString());
		assertThat(captured.json().get("review").get("kind").asString()).isEqualTo("AFTER");
		assertThat(captured.json().get("allowedTransitions")).isEmpty();

		assertThat(lessons.transition(viewer, id, "VALIDATED", null).status()).isEqualTo(403);
		assertThat(lessons.moved(editor, id, "VALIDATED").get("allowedTransitions").valueStream().map(JsonNode::asString))
			.containsExactly("ACTIONED", "REJECTED");

		refused(lessons.transition(editor, id, "ACTIONED", null), "to", "at least one action");
		JsonNode action = lessons.action(editor, id, "Add valve ordering to the shutdown checklist", contributor, inDays(14));
		assertThat(action.get("status").asString()).isEqualTo("OPEN");
		assertThat(action.get("owner").get("id").asString()).isEqualTo(contributor.id().toString());
		assertThat(action.get("overdue").asBoolean()).isFalse();
		lessons.moved(editor, id, "ACTIONED");

		refused(lessons.transition(editor, id, "EMBEDDED", null), "to", "linked to what changed");
		// the action's owner made the change and links it
		JsonNode link = lessons.link(contributor, id, Map.of("itemId", checklist, "step", 2));
		assertThat(link.get("type").asString()).isEqualTo("checklist-step");
		assertThat(link.get("recordId").asString()).isEqualTo(checklist + "/2");
		assertThat(link.get("stepText").asString()).isEqualTo("Lock the valves");
		assertThat(link.get("title").asString()).isEqualTo("Shutdown checklist");
		assertThat(link.get("path").asString()).isEqualTo("items/" + checklist);
		lessons.moved(editor, id, "EMBEDDED");

		refused(lessons.transition(editor, id, "CLOSED", null), "to", "1 action is still open");
		Http.Response done = lessons.api(contributor).put(base + "/lessons/" + id + "/actions/" + action.get("id").asString(),
				Map.of("status", "DONE"));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.json().get("completedBy").get("id").asString()).isEqualTo(contributor.id().toString());
		JsonNode closed = lessons.moved(editor, id, "CLOSED");
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("closedAt").isNull()).isFalse();

		JsonNode history = closed.get("history");
		assertThat(values(history, "to")).containsExactly("CAPTURED", "VALIDATED", "ACTIONED", "EMBEDDED", "CLOSED");
		assertThat(history.get(0).get("from").isNull()).isTrue();
		assertThat(history.get(0).get("by").get("id").asString()).isEqualTo(viewer.id().toString());
		assertThat(history.get(4).get("by").get("id").asString()).isEqualTo(editor.id().toString());
		assertThat(history.valueStream().map(t -> t.get("at").asString())).allMatch(at -> !at.isEmpty()).isSorted();
		assertThat(lessons.api(viewer).get(base + "/lessons/" + id + "/transitions").json()).hasSize(5);
		refused(lessons.transition(editor, id, "REJECTED", "too late"), "to", "lifecycle has ended");
		assertThat(lessons.api(editor).post(base + "/lessons/" + id + "/actions",
				Map.of("title", "More", "owner", editor.email(), "due", inDays(3))).status()).isEqualTo(409);
	}

	@Test
	void refusedStepsSayWhatIsMissingAndChangeNothing() {
		String id = lessons.lesson(viewer, null, "Label the spare parts", "INFORMATION").get("id").asString();

		refused(lessons.transition(editor, id, "EMBEDDED", null), "to", "A CAPTURED lesson cannot become EMBEDDED");
		invalid(lessons.transition(editor, id, "PUBLISHED", null), "to");
		refused(lessons.transition(editor, id, "REJECTED", "  "), "reason", "a reason is required");
		String bare = lessons.api(viewer).post(base + "/lessons", Map.of("title", "Bare", "observation", "It broke."))
			.json().get("id").asString();
		refused(lessons.transition(editor, bare, "VALIDATED", null), "recommendation", "only with a recommendation");

		JsonNode lesson = lessons.api(viewer).get(base + "/lessons/" + id).json();
		assertThat(lesson.get("status").asString()).isEqualTo("CAPTURED");
		assertThat(lesson.get("history")).hasSize(1);
		assertThat(lessons.api(viewer).get(base + "/lessons/" + bare).json().get("status").asString()).isEqualTo("CAPTURED");
	}

	@Test
	void actionsNeedAnOwnerFromTheOrganizationAndADueDate() {
		String id = lessons.lesson(viewer, null, "Label the spare parts", "INFORMATION").get("id").asString();
		TestData.Org other = data.org();
		Http api = lessons.api(editor);
		String actions = base + "/lessons/" + id + "/actions";

		invalid(api.post(actions, Map.of("title", "Label them", "due", inDays(3))), "owner");
		invalid(api.post(actions, Map.of("title", "Label them", "owner", contributor.email())), "due");
		invalid(api.post(actions, Map.of("title", "Label them", "owner", other.admin().email(), "due", inDays(3))), "owner");
		invalid(api.post(actions, Map.of("title", "Label them", "owner", "nobody@example.org", "due", inDays(3))), "owner");
		invalid(api.post(actions, Map.of("title", "Label them", "owner", contributor.email(), "due", "31/12/2026")), "due");
		invalid(api.post(actions, Map.of("title", " ", "owner", contributor.email(), "due", inDays(3))), "title");
		assertThat(lessons.api(viewer).post(actions, Map.of("title", "Mine", "owner", viewer.email(), "due", inDays(3)))
			.status()).isEqualTo(403);
		assertThat(api.get(actions).json()).isEmpty();

		JsonNode action = lessons.action(editor, id, "Label them", contributor, inDays(3));
		String path = actions + "/" + action.get("id").asString();
		// the owner moves the action on, but does not re-plan it
		assertThat(lessons.api(contributor).put(path, Map.of("status", "IN_PROGRESS")).json().get("status").asString())
			.isEqualTo("IN_PROGRESS");
		assertThat(lessons.api(contributor).put(path, Map.of("due", inDays(30))).status()).isEqualTo(403);
		assertThat(lessons.api(viewer).put(path, Map.of("status", "DONE")).status()).isEqualTo(403);
		invalid(lessons.api(contributor).put(path, Map.of("status", "FINISHED")), "status");
		JsonNode replanned = api.put(path, Map.of("due", inDays(30), "owner", viewer.email())).json();
		assertThat(replanned.get("due").asString()).isEqualTo(inDays(30));
		assertThat(replanned.get("owner").get("id").asString()).isEqualTo(viewer.id().toString());
		assertThat(replanned.get("status").asString()).isEqualTo("IN_PROGRESS");
	}

	@Test
	void unknownActivitiesAndOtherOrganizationsRecordsAreRefused() {
		TestData.Org other = data.org();
		LessonsFixture theirs = new LessonsFixture(port, other);
		String theirActivity = theirs.activity(other.admin(), "Their work", "elsewhere").get("id").asString();
		LibraryFixture theirLibrary = new LibraryFixture(port, other);
		theirLibrary.space("OPS");
		String theirItem = theirLibrary.published("OPS", "ARTICLE", "Their guide", "text").get("id").asString();
		Http api = lessons.api(editor);

		invalid(api.post(base + "/lessons", Map.of("activity", java.util.UUID.randomUUID().toString(), "title", "T",
				"observation", "O")), "activity");
		invalid(api.post(base + "/lessons", Map.of("activity", "not-an-id", "title", "T", "observation", "O")), "activity");
		invalid(api.post(base + "/lessons", Map.of("activity", theirActivity, "title", "T", "observation", "O")), "activity");
		invalid(api.post(base + "/lessons", Map.of("title", "T")), "observation");
		assertThat(api.get(base + "/lessons").json().get("totalItems").asInt()).isZero();
		assertThat(api.post(base + "/activities/" + theirActivity + "/reviews", Map.of("kind", "AFTER", "actual", "x"))
			.status()).isEqualTo(404);
		assertThat(api.get(base + "/activities/" + theirActivity).status()).isEqualTo(404);
		assertThat(api.get(base + "/activities/nonsense").status()).isEqualTo(404);

		String id = lessons.lesson(viewer, null, "Check the seals", "URGENT").get("id").asString();
		assertThat(theirs.api(other.admin()).get(theirs.base() + "/lessons/" + id).status()).isEqualTo(404);
		String links = base + "/lessons/" + id + "/links";
		invalid(api.post(links, Map.of("itemId", theirItem)), "itemId");
		invalid(api.post(links, Map.of("itemId", checklist, "step", 4)), "step");
		String article = library.published("OPS", "ARTICLE", "Seal guide", "Use the blue ones.").get("id").asString();
		invalid(api.post(links, Map.of("itemId", article, "step", 1)), "step");
		invalid(api.post(links, Map.of()), "itemId");
		// until process maps answer for it, and afterwards for a step that does not exist
		invalid(api.post(links, Map.of("processId", "no-such-process", "stepId", "s1")), "processId");
		invalid(api.post(links, Map.of("processId", "no-such-process")), "stepId");
		assertThat(api.get(links).json()).isEmpty();
		assertThat(lessons.api(viewer).post(links, Map.of("itemId", article)).status()).isEqualTo(403);

		JsonNode linked = lessons.link(editor, id, Map.of("itemId", article));
		assertThat(linked.get("type").asString()).isEqualTo("item");
		assertThat(api.post(links, Map.of("itemId", article)).status()).isEqualTo(409);
		assertThat(api.delete(links + "/" + linked.get("id").asString()).status()).isEqualTo(204);
		assertThat(api.get(links).json()).isEmpty();
	}

	@Test
	void reviewsAnswerTheQuestionsOfTheirKind() {
		String activity = lessons.activity(contributor, "Pump overhaul", "Overhaul of the cooling pumps").get("id").asString();
		String reviews = base + "/activities/" + activity + "/reviews";
		Http api = lessons.api(contributor);

		invalid(api.post(reviews, Map.of("objectives", "x")), "kind");
		invalid(api.post(reviews, Map.of("kind", "SOMETIME", "objectives", "x")), "kind");
		invalid(api.post(reviews, Map.of("kind", "BEFORE", "objectives", "Done in a week", "expected", "x")), "expected");
		invalid(api.post(reviews, Map.of("kind", "BEFORE", "objectives", " ")), "objectives");
		invalid(api.post(reviews, Map.of("kind", "DURING", "observations", "x", "participants", List.of("x@example.org"))),
				"participants");
		invalid(api.post(reviews, Map.of("kind", "DURING", "observations", "x", "date", "yesterday")), "date");
		assertThat(lessons.api(viewer).post(reviews, Map.of("kind", "DURING", "observations", "x")).status()).isEqualTo(403);
		assertThat(api.get(reviews).json().get("items")).isEmpty();

		JsonNode before = lessons.review(contributor, activity, "BEFORE", Map.of("objectives", "Done in a week",
				"risks", "Seals may crack"));
		JsonNode during = lessons.review(contributor, activity, "DURING", Map.of("observations", "Seal 3 cracked",
				"adjustments", "Order spares"));
		assertThat(before.get("applied")).isEmpty();
		assertThat(during.has("applied")).isFalse();
		assertThat(during.get("adjustments").asString()).isEqualTo("Order spares");
		assertThat(values(api.get(reviews).json().get("items"), "kind")).containsExactly("BEFORE", "DURING");

		String path = base + "/reviews/" + during.get("id").asString();
		JsonNode edited = api.put(path, Map.of("observations", "Seals 3 and 4 cracked", "adjustments", "Order spares",
				"notes", "Call the supplier", "participants", List.of(viewer.email()))).json();
		assertThat(edited.get("observations").asString()).isEqualTo("Seals 3 and 4 cracked");
		assertThat(edited.get("participants").get(0).get("id").asString()).isEqualTo(viewer.id().toString());
		invalid(api.put(path, Map.of("kind", "AFTER", "observations", "x")), "kind");
		// a participant of the review may change it; a viewer who is not may not
		assertThat(lessons.api(viewer).put(path, Map.of("observations", "By the participant")).status()).isEqualTo(200);
		assertThat(lessons.api(data.member(org, "VIEWER")).put(path, Map.of("observations", "x")).status()).isEqualTo(403);

		JsonNode activityNow = api.get(base + "/activities/" + activity).json();
		assertThat(activityNow.get("reviews").asInt()).isEqualTo(2);
	}

	@Test
	void activitiesAreStartedByContributorsWithMembersOnly() {
		Http api = lessons.api(contributor);
		invalid(api.post(base + "/activities", Map.of("description", "x")), "name");
		invalid(api.post(base + "/activities", Map.of("name", "X", "owner", "nobody@example.org")), "owner");
		invalid(api.post(base + "/activities", Map.of("name", "X", "startsOn", "2026-05-02", "endsOn", "2026-05-01")), "endsOn");
		invalid(api.post(base + "/activities", Map.of("name", "X".repeat(201))), "name");
		assertThat(lessons.api(viewer).post(base + "/activities", Map.of("name", "X")).status()).isEqualTo(403);
		assertThat(api.get(base + "/activities").json().get("totalItems").asInt()).isZero();

		String mine = lessons.activity(contributor, "Pump overhaul", "").get("id").asString();
		lessons.activity(editor, "Audit", "");
		assertThat(values(api.get(base + "/activities?mine=true").json().get("items"), "name"))
			.containsExactly("Pump overhaul");
		assertThat(values(api.get(base + "/activities?q=AUD").json().get("items"), "name"))
			.containsExactly("Audit");
		assertThat(lessons.api(editor).put(base + "/activities/" + mine, Map.of("name", "Pump overhaul 2026"))
			.json().get("name").asString()).isEqualTo("Pump overhaul 2026");
		assertThat(lessons.api(data.member(org, "CONTRIBUTOR")).put(base + "/activities/" + mine, Map.of("name", "Mine now"))
			.status()).isEqualTo(403);
	}

	@Test
	void theNamedExpertMayValidateAndAuthorsCannotNameThemselves() {
		Http asViewer = lessons.api(viewer);
		invalid(asViewer.post(base + "/lessons", Map.of("title", "T", "observation", "O", "expert", viewer.email())),
				"expert");
		String id = asViewer.post(base + "/lessons", Map.of("title", "Torque the flange bolts in a star pattern",
				"observation", "A flange leaked.", "recommendation", "Star pattern.", "expert", contributor.email()))
			.json().get("id").asString();

		assertThat(lessons.transition(data.member(org, "CONTRIBUTOR"), id, "VALIDATED", null).status()).isEqualTo(403);
		JsonNode validated = lessons.moved(contributor, id, "VALIDATED");
		assertThat(validated.get("expert").get("id").asString()).isEqualTo(contributor.id().toString());
		// the expert is a steward of this lesson: they assign its actions
		lessons.action(contributor, id, "Update the procedure", viewer, inDays(5));
		assertThat(lessons.api(viewer).put(base + "/lessons/" + id, Map.of("title", "Changed", "observation", "O"))
			.status()).isEqualTo(403);
	}

	@Test
	void rejectedLessonsKeepTheirReasonAndEnd() {
		String id = lessons.lesson(viewer, null, "Paint the pipes", "INFORMATION").get("id").asString();
		JsonNode rejected = lessons.api(editor)
			.post(base + "/lessons/" + id + "/transitions", Map.of("to", "rejected", "reason", "Already in the standard"))
			.json();
		assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.get("rejectReason").asString()).isEqualTo("Already in the standard");
		assertThat(rejected.get("history").get(1).get("reason").asString()).isEqualTo("Already in the standard");
		assertThat(lessons.api(editor).put(base + "/lessons/" + id, Map.of("title", "T", "observation", "O")).status())
			.isEqualTo(409);
		assertThat(lessons.api(editor).post(base + "/lessons/" + id + "/links", Map.of("itemId", checklist)).status())
			.isEqualTo(409);
	}

	@Test
	void theRegisterFiltersSortsAndPages() {
		String activity = lessons.activity(contributor, "Pump overhaul", "").get("id").asString();
		String urgent = lessons.lesson(viewer, activity, "Seals crack", "URGENT", "pumps").get("id").asString();
		String good = lessons.lesson(contributor, null, "Stand-ups helped", "GOOD_PRACTICE", "meetings").get("id").asString();
		String info = lessons.lesson(contributor, activity, "Label spares", "INFORMATION", "pumps").get("id").asString();
		lessons.moved(editor, info, "VALIDATED");
		Http api = lessons.api(viewer);
		String list = base + "/lessons";

		assertThat(values(api.get(list).json().get("items"), "id")).containsExactly(info, good, urgent);
		assertThat(values(api.get(list + "?priority=urgent").json().get("items"), "id")).containsExactly(urgent);
		assertThat(values(api.get(list + "?status=VALIDATED").json().get("items"), "id")).containsExactly(info);
		assertThat(values(api.get(list + "?tag=Pumps").json().get("items"), "id")).containsExactly(info, urgent);
		assertThat(api.get(list + "?activity=" + activity).json().get("totalItems").asInt()).isEqualTo(2);
		assertThat(values(api.get(list + "?author=me").json().get("items"), "id")).containsExactly(urgent);
		assertThat(api.get(list + "?author=" + contributor.email()).json().get("totalItems").asInt()).isEqualTo(2);
		assertThat(values(api.get(list + "?sort=PRIORITY").json().get("items"), "id"))
			.containsExactly(urgent, info, good);
		JsonNode page = api.get(list + "?size=2&page=1").json();
		assertThat(page.get("totalItems").asInt()).isEqualTo(3);
		assertThat(values(page.get("items"), "id")).containsExactly(urgent);
		assertThat(page.get("items").get(0).has("history")).isFalse();
		invalid(api.get(list + "?status=DONE"), "status");
		invalid(api.get(list + "?sort=RANDOM"), "sort");
		invalid(api.get(list + "?author=nobody@example.org"), "author");
		invalid(api.get(list + "?size=101"), "size");
	}
}
