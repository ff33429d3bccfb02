package org.tacit.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tacit.lessons.internal.ActionService;
import org.tacit.lessons.internal.ActivityService;
import org.tacit.lessons.internal.AppliedKnowledge;
import org.tacit.lessons.internal.LessonAction;
import org.tacit.lessons.internal.LessonService;
import org.tacit.lessons.internal.LinkService;
import org.tacit.lessons.internal.Review;
import org.tacit.lessons.internal.ReviewService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * The events lessons learned announces for distribution, recognition, measurement and retention:
 * captured, validated, embedded (with what it changed), closed, rejected and applied lessons, and
 * assigned and completed actions. (Services are called from the test's thread, whose events are recorded.)
 */
@TacitTest
@RecordApplicationEvents
class LessonsEventsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	LessonService lessons;

	@Autowired
	ActionService actions;

	@Autowired
	LinkService links;

	@Autowired
	ActivityService activities;

	@Autowired
	ReviewService reviews;

	@Autowired
	AppliedKnowledge applied;

	@Autowired
	EventSerializer serializer;

	TestData data;
	TestData.Org org;
	OrgId orgId;
	TestData.Person author;
	TestData.Person editor;
	OrgAccess asAuthor;
	OrgAccess asEditor;
	String checklist;
	String guide;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		orgId = new OrgId(org.id());
		author = data.member(org, "CONTRIBUTOR");
		editor = data.member(org, "EDITOR");
		asAuthor = new OrgAccess(orgId, org.slug(), "Org", new PersonId(author.id()), Role.CONTRIBUTOR);
		asEditor = new OrgAccess(orgId, org.slug(), "Org", new PersonId(editor.id()), Role.EDITOR);
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		checklist = library.published("OPS", "CHECKLIST", "Start-up checklist", "- Vent\n- Prime\n").get("id").asString();
		guide = library.published("OPS", "ARTICLE", "Pump guide", "text").get("id").asString();
	}

	private LessonId capture(String title, List<String> tags) {
		return lessons.capture(asAuthor, new LessonService.Input(null, null, title, "It happened.", "Because.",
				"Do better.", "URGENT", tags, null)).id();
	}

	@Test
	void everyStepOfTheCycleIsAnnounced(ApplicationEvents events) {
		LessonId lesson = capture("Prime the pump before start", List.of("Pumps", "start-up"));
		PersonId authorId = new PersonId(author.id());
		PersonId editorId = new PersonId(editor.id());
		assertThat(events.stream(LessonCaptured.class))
			.containsExactly(new LessonCaptured(orgId, lesson, authorId, List.of("pumps", "start-up")));

		lessons.transition(asEditor, lesson, "VALIDATED", null);
		assertThat(events.stream(LessonValidated.class)).containsExactly(new LessonValidated(orgId, lesson, editorId, authorId));

		LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(7);
		LessonAction action = actions.add(asEditor, lesson, new ActionService.Input("Add priming", author.email(), due.toString()));
		assertThat(events.stream(ActionAssigned.class))
			.containsExactly(new ActionAssigned(orgId, lesson, action.id(), authorId, due, editorId));
		lessons.transition(asEditor, lesson, "ACTIONED", null);

		links.add(asEditor, lesson, LinkService.Input.item(checklist, 2));
		links.add(asEditor, lesson, LinkService.Input.item(guide, null));
		lessons.transition(asEditor, lesson, "EMBEDDED", null);
		assertThat(events.stream(LessonEmbedded.class)).containsExactly(new LessonEmbedded(orgId, lesson, authorId, editorId,
				List.of(new LinkedRecord("checklist-step", checklist + "/2"), new LinkedRecord("item", guide))));

		actions.update(asAuthor, lesson, action.id(), new ActionService.Update(null, null, null, "DONE"));
		actions.update(asAuthor, lesson, action.id(), new ActionService.Update(null, null, null, "DONE"));
		assertThat(events.stream(ActionCompleted.class))
			.containsExactly(new ActionCompleted(orgId, lesson, action.id(), authorId, authorId));

		lessons.transition(asEditor, lesson, "CLOSED", null);
		assertThat(events.stream(LessonClosed.class)).containsExactly(new LessonClosed(orgId, lesson, authorId, editorId));

		LessonId other = capture("Paint everything", List.of());
		lessons.transition(asEditor, other, "REJECTED", "Not a lesson");
		assertThat(events.stream(LessonRejected.class))
			.containsExactly(new LessonRejected(orgId, other, authorId, editorId, "Not a lesson"));

		// the registry stores each event until its listeners in other modules have handled it
		List<Object> announced = events.stream()
			.map(e -> e instanceof PayloadApplicationEvent<?> payload ? payload.getPayload() : (Object) e)
			.filter(e -> e.getClass().getPackageName().equals(LessonsLearned.class.getPackageName()))
			.toList();
		assertThat(announced).hasSizeGreaterThanOrEqualTo(8);
		announced.forEach(e -> assertThat(serializer.deserialize(serializer.serialize(e), e.getClass())).isEqualTo(e));
	}

	@Test
	void applyingALessonInABeforeActionReviewIsItsReuseOnce(ApplicationEvents events) {
		LessonId lesson = capture("Check the seals in winter", List.of());
		ActivityId activity = activities.create(asEditor, new ActivityService.Input("Winter overhaul", "Pumps", null, null,
				null, List.of(), List.of())).id();
		Review review = reviews.create(asEditor, activity, new ReviewService.Input("BEFORE", null, null, List.of(), "",
				Map.of("objectives", "No leaks")));

		assertThat(applied.apply(asEditor, review.id(), "lesson", lesson.toString()).created()).isTrue();
		assertThat(applied.apply(asEditor, review.id(), "LESSON", lesson.toString()).created()).isFalse();
		applied.apply(asEditor, review.id(), "item", guide);

		assertThat(events.stream(LessonApplied.class)).containsExactly(
				new LessonApplied(orgId, lesson, activity, new PersonId(editor.id()), new PersonId(author.id())));
		assertThat(applied.applied(asEditor, review.id())).extracting(AppliedKnowledge.Applied::title)
			.containsExactly("Check the seals in winter", "Pump guide");
		assertThat(applied.timesApplied(asEditor, lesson)).isEqualTo(1);
		assertThat(UUID.fromString(applied.applied(asEditor, review.id()).get(0).id())).isEqualTo(lesson.value());
	}
}
