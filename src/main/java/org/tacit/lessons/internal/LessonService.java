package org.tacit.lessons.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.lessons.ActivityId;
import org.tacit.lessons.LessonCaptured;
import org.tacit.lessons.LessonClosed;
import org.tacit.lessons.LessonEmbedded;
import org.tacit.lessons.LessonId;
import org.tacit.lessons.LessonRejected;
import org.tacit.lessons.LessonStatus;
import org.tacit.lessons.LessonValidated;
import org.tacit.lessons.LinkedRecord;
import org.tacit.lessons.Priority;
import org.tacit.lessons.ReviewId;
import org.tacit.lessons.ReviewKind;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/**
 * Lessons and their lifecycle. Any member captures a lesson; stewards (editors, knowledge managers,
 * administrators and the lesson's named subject-matter expert) move it on. Each step checks that what
 * it stands for is there (a recommendation, an action, a link, no open action) and otherwise is refused
 * with 422 saying what is missing. Every step is recorded with who and when.
 */
@Service
public class LessonService {

	private static final String SELECT = """
			SELECT l.*, a.name AS activity_name, r.kind AS review_kind
			FROM lessons_lesson l
			LEFT JOIN lessons_activity a ON a.id = l.activity_id
			LEFT JOIN lessons_review r ON r.id = l.review_id
			WHERE l.org_id = :org""";

	/** When each status was reached; the SQL is fixed here, never taken from a request. */
	private static final Map<LessonStatus, String> REACHED_AT = Map.of(LessonStatus.VALIDATED, "validated_at",
			LessonStatus.ACTIONED, "actioned_at", LessonStatus.EMBEDDED, "embedded_at", LessonStatus.CLOSED, "closed_at",
			LessonStatus.REJECTED, "rejected_at");

	/** How the register can be sorted. */
	public enum Sort {

		CAPTURED("l.captured_at DESC"), UPDATED("l.updated_at DESC"),
		PRIORITY("CASE l.priority WHEN 'URGENT' THEN 0 WHEN 'CAUTION' THEN 1 WHEN 'INFORMATION' THEN 2 ELSE 3 END,"
				+ " l.captured_at DESC");

		private final String order;

		Sort(String order) {
			this.order = order;
		}
	}

	/** What the register can be narrowed to; null means any. */
	public record Filter(LessonStatus status, Priority priority, String tag, ActivityId activity, ReviewId review,
			PersonId author, Sort sort) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null, Sort.CAPTURED);
		}

		public static Filter ofActivity(ActivityId activity) {
			return new Filter(null, null, null, activity, null, null, Sort.CAPTURED);
		}

		public static Filter ofReview(ReviewId review) {
			return new Filter(null, null, null, null, review, null, Sort.CAPTURED);
		}
	}

	/** What a lesson says. {@code activity} and {@code review} are ids, set at capture only; {@code expert} an id or email. */
	public record Input(String activity, String review, String title, String observation, String rootCause,
			String recommendation, String priority, List<String> tags, String expert) {
	}

	/** One step of a lesson's lifecycle; {@code from} is null for the capture. */
	public record Transition(LessonStatus from, LessonStatus to, Person actor, String reason, Instant at) {
	}

	private final JdbcClient jdbc;
	private final ActivityService activities;
	private final ReviewService reviews;
	private final People people;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	LessonService(JdbcClient jdbc, ActivityService activities, ReviewService reviews, People people, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.reviews = reviews;
		this.people = people;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	private record Checked(String title, String observation, String rootCause, String recommendation,
			Priority priority, List<String> tags, PersonId expert) {
	}

	/** Any member captures a lesson, from a review, for an activity, or on its own. */
	@Transactional
	public Lesson capture(OrgAccess access, Input input) {
		ReviewId review = null;
		ActivityId activity = null;
		if (input.review() != null && !input.review().isBlank()) {
			Review source = reviews.find(access, input.review())
				.orElseThrow(() -> ProblemException.invalid("review", "lessons.review.unknown"));
			review = source.id();
			activity = source.activityId();
		}
		if (input.activity() != null && !input.activity().isBlank()) {
			ActivityId given = activities.find(access, input.activity())
				.orElseThrow(() -> ProblemException.invalid("activity", "lessons.activity.unknown"))
				.id();
			if (activity != null && !activity.equals(given)) {
				throw ProblemException.invalid("activity", "lessons.lesson.activityOfReview");
			}
			activity = given;
		}
		Checked checked = check(access, input, access.personId(), null);
		LessonId id = LessonId.random();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO lessons_lesson (id, org_id, activity_id, review_id, title, observation, root_cause, recommendation,
				  priority, status, tags, author_id, expert_id, captured_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CAPTURED', ?, ?, ?, ?, ?)""")
			.params(id.value(), access.orgId().value(), activity == null ? null : activity.value(),
					review == null ? null : review.value(), checked.title, checked.observation, checked.rootCause,
					checked.recommendation, checked.priority.name(), String.join(",", checked.tags),
					access.personId().value(), checked.expert == null ? null : checked.expert.value(), Sql.utc(now),
					Sql.utc(now))
			.update();
		writeTags(id, checked.tags);
		recordStep(id, null, LessonStatus.CAPTURED, access.personId(), null, now);
		audit.record(access.orgId(), "lesson.captured", "lesson", id.toString(), checked.title);
		events.publishEvent(new LessonCaptured(access.orgId(), id, access.personId(), checked.tags));
		events.publishEvent(new Reindex(access.orgId(), Reindex.LESSON, id.value()));
		return get(access, id);
	}

	/** Changes the text; the expert only by editors and above, or by the author before validation. */
	@Transactional
	public Lesson update(OrgAccess access, LessonId id, Input input) {
		Lesson lesson = get(access, id);
		if (!lesson.canEdit()) {
			throw lesson.status().isFinal() ? ended(lesson) : ProblemException.forbidden();
		}
		Checked checked = check(access, input, lesson.author().id(), lesson.expert() == null ? null : lesson.expert().id());
		boolean expertChanged = !Objects.equals(checked.expert, lesson.expert() == null ? null : lesson.expert().id());
		boolean mayNameExpert = access.can(Role.EDITOR)
				|| (lesson.author().id().equals(access.personId()) && lesson.status() == LessonStatus.CAPTURED);
		if (expertChanged && !mayNameExpert) {
			throw ProblemException.forbidden();
		}
		jdbc.sql("""
				UPDATE lessons_lesson SET title = ?, observation = ?, root_cause = ?, recommendation = ?, priority = ?, tags = ?,
				  expert_id = ?, updated_at = ?
				WHERE id = ? AND org_id = ?""")
			.params(checked.title, checked.observation, checked.rootCause, checked.recommendation, checked.priority.name(),
					String.join(",", checked.tags), checked.expert == null ? null : checked.expert.value(),
					Sql.utc(clock.instant()), id.value(), access.orgId().value())
			.update();
		writeTags(id, checked.tags);
		audit.record(access.orgId(), "lesson.updated", "lesson", id.toString(), checked.title);
		events.publishEvent(new Reindex(access.orgId(), Reindex.LESSON, id.value()));
		return get(access, id);
	}

	private Checked check(OrgAccess access, Input input, PersonId author, PersonId currentExpert) {
		String title = Checks.required("title", input.title(), Checks.NAME_MAX);
		String observation = Checks.required("observation", input.observation(), Checks.TEXT_MAX);
		String rootCause = Checks.optional("rootCause", input.rootCause(), Checks.TEXT_MAX);
		String recommendation = Checks.optional("recommendation", input.recommendation(), Checks.TEXT_MAX);
		Priority priority = Checks.choice(Priority.class, "priority", input.priority(), false);
		List<String> tags = Checks.tags(input.tags());
		PersonId expert = input.expert() == null ? currentExpert
				: people.memberOr(access.orgId(), "expert", input.expert(), null);
		if (author.equals(expert)) {
			// an author who names themselves could validate their own lesson
			throw ProblemException.invalid("expert", "lessons.expert.isAuthor");
		}
		return new Checked(title, observation, rootCause, recommendation, priority == null ? Priority.INFORMATION : priority,
				tags, expert);
	}

	private void writeTags(LessonId id, List<String> tags) {
		jdbc.sql("DELETE FROM lessons_lesson_tag WHERE lesson_id = ?").param(id.value()).update();
		for (String tag : tags) {
			jdbc.sql("INSERT INTO lessons_lesson_tag (lesson_id, tag) VALUES (?, ?)").params(id.value(), tag).update();
		}
	}

	/** Moves a lesson on in its lifecycle; {@code reason} is required to reject it and optional otherwise. */
	@Transactional
	public Lesson transition(OrgAccess access, LessonId id, String to, String reason) {
		Lesson lesson = get(access, id);
		// who may comes before what they sent: a viewer learns nothing about the lesson from a 400
		if (!lesson.steward()) {
			throw ProblemException.forbidden();
		}
		LessonStatus next = Checks.choice(LessonStatus.class, "to", to, true);
		String why = Checks.optional("reason", reason, Checks.REASON_MAX);
		LessonStatus from = lesson.status();
		if (from.isFinal()) {
			throw refused("to", "lessons.transition.final", from);
		}
		if (!from.canGoTo(next)) {
			throw refused("to", "lessons.transition.order", from, next,
					from.next().stream().map(Enum::name).collect(Collectors.joining(" or ")));
		}
		switch (next) {
			case VALIDATED -> {
				if (lesson.recommendation().isEmpty()) {
					throw refused("recommendation", "lessons.transition.needsRecommendation");
				}
			}
			case ACTIONED -> {
				if (count("SELECT COUNT(*) FROM lessons_action WHERE lesson_id = ?", id) == 0) {
					throw refused("to", "lessons.transition.needsAction");
				}
			}
			case EMBEDDED -> {
				if (count("SELECT COUNT(*) FROM lessons_link WHERE lesson_id = ?", id) == 0) {
					throw refused("to", "lessons.transition.needsLink");
				}
			}
			case CLOSED -> {
				long open = count("SELECT COUNT(*) FROM lessons_action WHERE lesson_id = ? AND status IN ('OPEN', 'IN_PROGRESS')",
						id);
				if (open > 0) {
					throw refused("to", "lessons.transition.openActions", open);
				}
			}
			case REJECTED -> {
				if (why.isEmpty()) {
					throw refused("reason", "lessons.transition.needsReason");
				}
			}
			default -> throw new IllegalStateException("No lesson becomes " + next + " by a transition");
		}
		Instant now = clock.instant();
		int moved = jdbc.sql("UPDATE lessons_lesson SET status = ?, " + REACHED_AT.get(next) + " = ?, reject_reason = ?,"
				+ " updated_at = ? WHERE id = ? AND org_id = ? AND status = ?")
			.params(next.name(), Sql.utc(now), next == LessonStatus.REJECTED ? why : null, Sql.utc(now), id.value(),
					access.orgId().value(), from.name())
			.update();
		if (moved == 0) {
			throw ProblemException.conflict(null, "lessons.lesson.changed");
		}
		recordStep(id, from, next, access.personId(), why.isEmpty() ? null : why, now);
		audit.record(access.orgId(), "lesson.transitioned", "lesson", id.toString(),
				from + " → " + next + (why.isEmpty() ? "" : ": " + why));
		PersonId author = lesson.author().id();
		switch (next) {
			case VALIDATED -> events.publishEvent(new LessonValidated(access.orgId(), id, access.personId(), author));
			case EMBEDDED -> events.publishEvent(new LessonEmbedded(access.orgId(), id, author, access.personId(),
					linkedRecords(id)));
			case CLOSED -> events.publishEvent(new LessonClosed(access.orgId(), id, author, access.personId()));
			case REJECTED -> events.publishEvent(new LessonRejected(access.orgId(), id, author, access.personId(), why));
			default -> {
			}
		}
		events.publishEvent(new Reindex(access.orgId(), Reindex.LESSON, id.value()));
		return get(access, id);
	}

	private List<LinkedRecord> linkedRecords(LessonId id) {
		return jdbc.sql("SELECT record_type, record_id FROM lessons_link WHERE lesson_id = ? ORDER BY created_at, id")
			.param(id.value())
			.query((rs, n) -> new LinkedRecord(rs.getString("record_type"), rs.getString("record_id")))
			.list();
	}

	/** A refused step of the lifecycle: 422, the detail says what is missing. */
	static ProblemException refused(String field, String key, Object... arguments) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, key,
				List.of(new ProblemException.FieldProblem(field, key, arguments)), arguments);
	}

	/** Nothing changes on a lesson whose lifecycle has ended (409). */
	static ProblemException ended(Lesson lesson) {
		return new ProblemException(HttpStatus.CONFLICT, "lessons.lesson.ended", List.of(), lesson.status());
	}

	private long count(String sql, LessonId id) {
		return jdbc.sql(sql).param(id.value()).query(Long.class).single();
	}

	private void recordStep(LessonId id, LessonStatus from, LessonStatus to, PersonId actor, String reason,
			Instant at) {
		jdbc.sql("""
				INSERT INTO lessons_transition (lesson_id, from_status, to_status, actor_id, reason, at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id.value(), from == null ? null : from.name(), to.name(), actor.value(), reason, Sql.utc(at))
			.update();
	}

	/** The lifecycle of a lesson, oldest step first. */
	@Transactional(readOnly = true)
	public List<Transition> history(OrgAccess access, LessonId id) {
		get(access, id);
		List<Transition> steps = jdbc.sql("SELECT * FROM lessons_transition WHERE lesson_id = ? ORDER BY at, id")
			.param(id.value())
			.query((rs, n) -> {
				String from = rs.getString("from_status");
				return new Transition(from == null ? null : LessonStatus.valueOf(from),
						LessonStatus.valueOf(rs.getString("to_status")), new Person(new PersonId(Sql.uuid(rs, "actor_id")), ""),
						rs.getString("reason"), Sql.instant(rs, "at"));
			})
			.list();
		Map<PersonId, String> names = people.names(steps.stream().map(t -> t.actor().id()).toList());
		return steps.stream()
			.map(t -> new Transition(t.from(), t.to(), new Person(t.actor().id(), names.getOrDefault(t.actor().id(), "")),
					t.reason(), t.at()))
			.toList();
	}

	/** A lesson of the caller's organization; 404 otherwise. */
	@Transactional(readOnly = true)
	public Lesson get(OrgAccess access, LessonId id) {
		return one(access, id.value()).orElseThrow(ProblemException::notFound);
	}

	@Transactional(readOnly = true)
	public Optional<Lesson> find(OrgAccess access, String id) {
		return Ids.uuid(id).flatMap(uuid -> one(access, uuid));
	}

	private Optional<Lesson> one(OrgAccess access, UUID id) {
		return named(jdbc.sql(SELECT + " AND l.id = :id")
			.param("org", access.orgId().value())
			.param("id", id)
			.query((rs, n) -> row(access, rs))
			.list()).stream().findFirst();
	}

	/** The register: the organization's lessons, filtered and sorted. */
	@Transactional(readOnly = true)
	public Page<Lesson> list(OrgAccess access, Filter filter, Paging paging) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		params.put("org", access.orgId().value());
		if (filter.status() != null) {
			where.append(" AND l.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.priority() != null) {
			where.append(" AND l.priority = :priority");
			params.put("priority", filter.priority().name());
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			where.append(" AND EXISTS (SELECT 1 FROM lessons_lesson_tag t WHERE t.lesson_id = l.id AND t.tag = :tag)");
			List<String> tag = Checks.tags(List.of(filter.tag()));
			params.put("tag", tag.isEmpty() ? "" : tag.get(0));
		}
		if (filter.activity() != null) {
			where.append(" AND l.activity_id = :activity");
			params.put("activity", filter.activity().value());
		}
		if (filter.review() != null) {
			where.append(" AND l.review_id = :review");
			params.put("review", filter.review().value());
		}
		if (filter.author() != null) {
			where.append(" AND l.author_id = :author");
			params.put("author", filter.author().value());
		}
		Sort sort = filter.sort() == null ? Sort.CAPTURED : filter.sort();
		List<Lesson> lessons = named(jdbc.sql(SELECT + where + " ORDER BY " + sort.order + ", l.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> row(access, rs))
			.list());
		long total = jdbc.sql("SELECT COUNT(*) FROM (" + SELECT + where + ") x").params(params).query(Long.class).single();
		return paging.of(lessons, total);
	}

	/**
	 * Lessons waiting for validation that the caller may validate, oldest first: all of them for editors
	 * and above, those naming them as expert for anyone else.
	 */
	@Transactional(readOnly = true)
	public Page<Lesson> validationQueue(OrgAccess access, Paging paging) {
		String where = " AND l.status = 'CAPTURED'" + (access.can(Role.EDITOR) ? "" : " AND l.expert_id = :me");
		List<Lesson> lessons = named(jdbc.sql(SELECT + where + " ORDER BY l.captured_at, l.id LIMIT :limit OFFSET :offset")
			.param("org", access.orgId().value())
			.param("me", access.personId().value())
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> row(access, rs))
			.list());
		long total = jdbc.sql("SELECT COUNT(*) FROM (" + SELECT + where + ") x")
			.param("org", access.orgId().value())
			.param("me", access.personId().value())
			.query(Long.class)
			.single();
		return paging.of(lessons, total);
	}

	private static Lesson row(OrgAccess access, ResultSet rs) throws SQLException {
		LessonStatus status = LessonStatus.valueOf(rs.getString("status"));
		PersonId author = new PersonId(Sql.uuid(rs, "author_id"));
		UUID expertId = Sql.uuid(rs, "expert_id");
		PersonId expert = expertId == null ? null : new PersonId(expertId);
		boolean steward = access.can(Role.EDITOR) || access.personId().equals(expert);
		boolean canEdit = !status.isFinal()
				&& (steward || (author.equals(access.personId()) && status == LessonStatus.CAPTURED));
		UUID activity = Sql.uuid(rs, "activity_id");
		UUID review = Sql.uuid(rs, "review_id");
		String reviewKind = rs.getString("review_kind");
		return new Lesson(new LessonId(Sql.uuid(rs, "id")), activity == null ? null : new ActivityId(activity),
				rs.getString("activity_name"), review == null ? null : new ReviewId(review),
				reviewKind == null ? null : ReviewKind.valueOf(reviewKind), rs.getString("title"),
				rs.getString("observation"), rs.getString("root_cause"), rs.getString("recommendation"),
				Priority.valueOf(rs.getString("priority")), status, Checks.splitTags(rs.getString("tags")),
				new Person(author, ""), expert == null ? null : new Person(expert, ""), rs.getString("reject_reason"),
				Sql.instant(rs, "captured_at"), Sql.instant(rs, "validated_at"), Sql.instant(rs, "actioned_at"),
				Sql.instant(rs, "embedded_at"), Sql.instant(rs, "closed_at"), Sql.instant(rs, "rejected_at"),
				Sql.instant(rs, "updated_at"), steward, canEdit);
	}

	private List<Lesson> named(List<Lesson> lessons) {
		List<PersonId> ids = new ArrayList<>();
		lessons.forEach(l -> {
			ids.add(l.author().id());
			if (l.expert() != null) {
				ids.add(l.expert().id());
			}
		});
		Map<PersonId, String> names = people.names(ids);
		return lessons.stream()
			.map(l -> new Lesson(l.id(), l.activityId(), l.activityName(), l.reviewId(), l.reviewKind(), l.title(),
					l.observation(), l.rootCause(), l.recommendation(), l.priority(), l.status(), l.tags(),
					new Person(l.author().id(), names.getOrDefault(l.author().id(), "")),
					l.expert() == null ? null : new Person(l.expert().id(), names.getOrDefault(l.expert().id(), "")),
					l.rejectReason(), l.capturedAt(), l.validatedAt(), l.actionedAt(), l.embeddedAt(), l.closedAt(),
					l.rejectedAt(), l.updatedAt(), l.steward(), l.canEdit()))
			.toList();
	}
}
