package org.tacit.lessons.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.tacit.lessons.ActionStatus;
import org.tacit.lessons.LessonStatus;
import org.tacit.lessons.Priority;
import org.tacit.lessons.ReviewKind;
import org.tacit.lessons.internal.Activity;
import org.tacit.lessons.internal.AppliedKnowledge;
import org.tacit.lessons.internal.Lesson;
import org.tacit.lessons.internal.LessonAction;
import org.tacit.lessons.internal.LessonLink;
import org.tacit.lessons.internal.LessonService;
import org.tacit.lessons.internal.Person;
import org.tacit.lessons.internal.Review;

/** What the lessons API answers. */
final class Views {

	private Views() {
	}

	record PersonView(UUID id, String name) {

		static PersonView of(Person person) {
			return person == null ? null : new PersonView(person.id().value(), person.name());
		}

		static List<PersonView> of(List<Person> people) {
			return people.stream().map(PersonView::of).toList();
		}
	}

	record ActivityView(UUID id, String name, String description, PersonView owner, LocalDate startsOn,
			LocalDate endsOn, List<String> tags, List<PersonView> participants, long reviews, long lessons,
			Instant createdAt, Instant updatedAt) {

		static ActivityView of(Activity a) {
			return new ActivityView(a.id().value(), a.name(), a.description(), PersonView.of(a.owner()), a.startsOn(),
					a.endsOn(), a.tags(), PersonView.of(a.participants()), a.reviews(), a.lessons(), a.createdAt(),
					a.updatedAt());
		}
	}

	/** The answers of other kinds are left out; {@code applied} is there for BEFORE reviews only. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReviewView(UUID id, UUID activity, String activityName, ReviewKind kind, LocalDate date,
			PersonView facilitator, List<PersonView> participants, String notes, String objectives, String risks,
			String observations, String adjustments, String expected, String actual, String why, String sustain,
			String improve, List<AppliedView> applied, Instant createdAt, Instant updatedAt) {

		static ReviewView of(Review r, List<AppliedKnowledge.Applied> applied) {
			java.util.function.Function<String, String> a = q -> r.kind().questions().contains(q) ? r.answer(q) : null;
			return new ReviewView(r.id().value(), r.activityId().value(), r.activityName(), r.kind(), r.heldOn(),
					PersonView.of(r.facilitator()), PersonView.of(r.participants()), r.notes(), a.apply("objectives"),
					a.apply("risks"), a.apply("observations"), a.apply("adjustments"), a.apply("expected"),
					a.apply("actual"), a.apply("why"), a.apply("sustain"), a.apply("improve"),
					applied == null ? null : applied.stream().map(AppliedView::of).toList(), r.createdAt(), r.updatedAt());
		}
	}

	/** A past lesson or item the team will apply; {@code title} and {@code path} are null when the caller may not see it. */
	record AppliedView(String type, String id, String title, String path, PersonView appliedBy, Instant appliedAt) {

		static AppliedView of(AppliedKnowledge.Applied a) {
			return new AppliedView(a.type(), a.id(), a.title(), a.path(), PersonView.of(a.appliedBy()), a.appliedAt());
		}
	}

	record SuggestionView(String type, String id, String title, String path, String snippet, String kind,
			String status, List<String> tags, boolean applied) {

		static SuggestionView of(AppliedKnowledge.Suggestion s) {
			return new SuggestionView(s.type(), s.id(), s.title(), s.path(), s.snippet(), s.kind(), s.status(), s.tags(),
					s.applied());
		}
	}

	record Named(UUID id, String name) {
	}

	record ReviewRef(UUID id, ReviewKind kind) {
	}

	/** A lesson; {@code actions}, {@code links} and {@code history} only when one lesson is asked for. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record LessonView(UUID id, Named activity, ReviewRef review, String title, String observation, String rootCause,
			String recommendation, Priority priority, LessonStatus status, List<String> tags, PersonView author,
			PersonView expert, String rejectReason, Instant capturedAt, Instant validatedAt, Instant actionedAt,
			Instant embeddedAt, Instant closedAt, Instant rejectedAt, Instant updatedAt,
			List<LessonStatus> allowedTransitions, Long timesApplied, List<ActionView> actions, List<LinkView> links,
			List<TransitionView> history) {

		static LessonView summary(Lesson l) {
			return of(l, null, null, null, null);
		}

		static LessonView of(Lesson l, Long timesApplied, List<LessonAction> actions, List<LessonLink> links,
				List<LessonService.Transition> history) {
			return new LessonView(l.id().value(),
					l.activityId() == null ? null : new Named(l.activityId().value(), l.activityName()),
					l.reviewId() == null ? null : new ReviewRef(l.reviewId().value(), l.reviewKind()), l.title(),
					l.observation(), l.rootCause(), l.recommendation(), l.priority(), l.status(), l.tags(),
					PersonView.of(l.author()), PersonView.of(l.expert()), l.rejectReason(), l.capturedAt(),
					l.validatedAt(), l.actionedAt(), l.embeddedAt(), l.closedAt(), l.rejectedAt(), l.updatedAt(),
					l.transitions(), timesApplied, actions == null ? null : actions.stream().map(ActionView::of).toList(),
					links == null ? null : links.stream().map(LinkView::of).toList(),
					history == null ? null : history.stream().map(TransitionView::of).toList());
		}
	}

	record ActionView(UUID id, UUID lesson, String lessonTitle, String title, PersonView owner, LocalDate due,
			ActionStatus status, boolean overdue, Instant createdAt, PersonView completedBy, Instant completedAt) {

		static ActionView of(LessonAction a) {
			return new ActionView(a.id().value(), a.lessonId().value(), a.lessonTitle(), a.title(),
					PersonView.of(a.owner()), a.due(), a.status(), a.overdue(), a.createdAt(), PersonView.of(a.completedBy()),
					a.completedAt());
		}
	}

	/** {@code title} and {@code path} are null when the caller may not see the record (or it is gone). */
	record LinkView(UUID id, String type, String recordId, String title, String path, Integer step, String stepText,
			PersonView addedBy, Instant addedAt) {

		static LinkView of(LessonLink l) {
			return new LinkView(l.id(), l.type(), l.recordId(), l.title(), l.path(), l.step(), l.stepText(),
					PersonView.of(l.addedBy()), l.addedAt());
		}
	}

	record TransitionView(LessonStatus from, LessonStatus to, PersonView by, String reason, Instant at) {

		static TransitionView of(LessonService.Transition t) {
			return new TransitionView(t.from(), t.to(), PersonView.of(t.actor()), t.reason(), t.at());
		}
	}
}
