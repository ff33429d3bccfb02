package org.tacit.lessons.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.lessons.ActivityId;
import org.tacit.lessons.ReviewId;
import org.tacit.lessons.ReviewKind;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/**
 * Reviews of activities. The activity's owner and participants, and editors and above, hold them; a
 * review's facilitator and participants may change it too. A review answers the questions of its kind,
 * at least one of them; answers to another kind's questions are refused.
 */
@Service
public class ReviewService {

	/** The column of each question. */
	private static final Map<String, String> COLUMNS = Map.of("objectives", "objectives", "risks", "risks",
			"observations", "observations", "adjustments", "adjustments", "expected", "expected", "actual", "actual",
			"why", "why_different", "sustain", "sustain", "improve", "improve");

	private static final String SELECT = """
			SELECT r.*, a.name AS activity_name, a.owner_id AS activity_owner,
			  EXISTS (SELECT 1 FROM lessons_activity_participant p WHERE p.activity_id = a.id AND p.person_id = :me)
			    AS activity_participant,
			  EXISTS (SELECT 1 FROM lessons_review_participant p WHERE p.review_id = r.id AND p.person_id = :me)
			    AS review_participant
			FROM lessons_review r JOIN lessons_activity a ON a.id = r.activity_id
			WHERE r.org_id = :org""";

	private final JdbcClient jdbc;
	private final ActivityService activities;
	private final People people;
	private final Participants participants;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ReviewService(JdbcClient jdbc, ActivityService activities, People people, Participants participants,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.people = people;
		this.participants = participants;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a review says. {@code answers} maps question names ({@link ReviewKind#questions()}) to text; a
	 * null date is today, a null facilitator the caller.
	 */
	public record Input(String kind, String date, String facilitator, List<String> participants, String notes,
			Map<String, String> answers) {
	}

	private record Checked(ReviewKind kind, LocalDate heldOn, PersonId facilitator, List<PersonId> participants,
			String notes, Map<String, String> answers) {
	}

	@Transactional
	public Review create(OrgAccess access, ActivityId activityId, Input input) {
		Activity activity = activities.get(access, activityId);
		if (!activity.canReview()) {
			throw ProblemException.forbidden();
		}
		ReviewKind kind = Checks.choice(ReviewKind.class, "kind", input.kind(), true);
		Checked checked = check(access, kind, input, access.personId());
		ReviewId id = ReviewId.random();
		Instant now = clock.instant();
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("id", id.value());
		values.put("org_id", access.orgId().value());
		values.put("activity_id", activityId.value());
		values.put("kind", kind.name());
		values.put("held_on", checked.heldOn);
		values.put("facilitator_id", checked.facilitator.value());
		values.put("notes", checked.notes);
		ReviewKind.ALL_QUESTIONS.forEach(q -> values.put(COLUMNS.get(q), checked.answers.getOrDefault(q, "")));
		values.put("created_by", access.personId().value());
		values.put("created_at", Sql.utc(now));
		values.put("updated_at", Sql.utc(now));
		jdbc.sql("INSERT INTO lessons_review (" + String.join(", ", values.keySet()) + ") VALUES ("
				+ String.join(", ", values.keySet().stream().map(c -> ":" + c).toList()) + ")")
			.params(values)
			.update();
		participants.set(Participants.Of.REVIEW, id.value(), checked.participants);
		touch(access, activityId, now);
		audit.record(access.orgId(), "review.created", "review", id.toString(), kind + " review of " + activity.name());
		events.publishEvent(new Reindex(access.orgId(), Reindex.REVIEW, id.value()));
		return get(access, id);
	}

	@Transactional
	public Review update(OrgAccess access, ReviewId id, Input input) {
		Review review = get(access, id);
		if (!review.canEdit()) {
			throw ProblemException.forbidden();
		}
		ReviewKind kind = Checks.choice(ReviewKind.class, "kind", input.kind(), false);
		if (kind != null && kind != review.kind()) {
			throw ProblemException.invalid("kind", "lessons.review.kind.fixed", review.kind());
		}
		Checked checked = check(access, review.kind(), input, review.facilitator().id());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("held_on", checked.heldOn);
		values.put("facilitator_id", checked.facilitator.value());
		values.put("notes", checked.notes);
		ReviewKind.ALL_QUESTIONS.forEach(q -> values.put(COLUMNS.get(q), checked.answers.getOrDefault(q, "")));
		Instant now = clock.instant();
		values.put("updated_at", Sql.utc(now));
		jdbc.sql("UPDATE lessons_review SET "
				+ String.join(", ", values.keySet().stream().map(c -> c + " = :" + c).toList())
				+ " WHERE id = :id AND org_id = :org")
			.params(values)
			.param("id", id.value())
			.param("org", access.orgId().value())
			.update();
		participants.set(Participants.Of.REVIEW, id.value(), checked.participants);
		touch(access, review.activityId(), now);
		audit.record(access.orgId(), "review.updated", "review", id.toString(), review.kind() + " review");
		events.publishEvent(new Reindex(access.orgId(), Reindex.REVIEW, id.value()));
		return get(access, id);
	}

	/** A new or changed review is news of its activity: the list of activities shows the latest first. */
	private void touch(OrgAccess access, ActivityId activity, Instant now) {
		jdbc.sql("UPDATE lessons_activity SET updated_at = ? WHERE id = ? AND org_id = ?")
			.params(Sql.utc(now), activity.value(), access.orgId().value())
			.update();
	}


	private Checked check(OrgAccess access, ReviewKind kind, Input input, PersonId defaultFacilitator) {
		Map<String, String> given = input.answers() == null ? Map.of() : input.answers();
		Map<String, String> answers = new LinkedHashMap<>();
		for (String question : ReviewKind.ALL_QUESTIONS) {
			String answer = Checks.optional(question, given.get(question), Checks.TEXT_MAX);
			if (!kind.questions().contains(question)) {
				if (!answer.isEmpty()) {
					throw ProblemException.invalid(question, "lessons.review.question.otherKind", kind);
				}
				continue;
			}
			answers.put(question, answer);
		}
		if (answers.values().stream().allMatch(String::isEmpty)) {
			throw ProblemException.invalid(kind.questions().get(0), "lessons.review.answers.required");
		}
		LocalDate heldOn = Checks.date("date", input.date());
		PersonId facilitator = people.memberOr(access.orgId(), "facilitator", input.facilitator(), defaultFacilitator);
		List<PersonId> participants = people.members(access.orgId(), "participants", input.participants());
		String notes = Checks.optional("notes", input.notes(), Checks.TEXT_MAX);
		return new Checked(kind, heldOn == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : heldOn, facilitator,
				participants, notes, answers);
	}

	/** A review of the caller's organization; 404 otherwise. */
	@Transactional(readOnly = true)
	public Review get(OrgAccess access, ReviewId id) {
		return one(access, id.value()).orElseThrow(ProblemException::notFound);
	}

	@Transactional(readOnly = true)
	public Optional<Review> find(OrgAccess access, String id) {
		return Ids.uuid(id).flatMap(uuid -> one(access, uuid));
	}

	/** The reviews of an activity, earliest first. */
	@Transactional(readOnly = true)
	public List<Review> of(OrgAccess access, ActivityId activity) {
		return jdbc.sql(SELECT + " AND r.activity_id = :activity ORDER BY r.held_on, r.created_at")
			.param("me", access.personId().value())
			.param("org", access.orgId().value())
			.param("activity", activity.value())
			.query((rs, n) -> row(access, rs))
			.list()
			.stream()
			.map(this::withPeople)
			.toList();
	}

	private Optional<Review> one(OrgAccess access, UUID id) {
		return jdbc.sql(SELECT + " AND r.id = :id")
			.param("me", access.personId().value())
			.param("org", access.orgId().value())
			.param("id", id)
			.query((rs, n) -> row(access, rs))
			.optional()
			.map(this::withPeople);
	}

	private static Review row(OrgAccess access, ResultSet rs) throws SQLException {
		ReviewKind kind = ReviewKind.valueOf(rs.getString("kind"));
		Map<String, String> answers = new LinkedHashMap<>();
		for (String question : kind.questions()) {
			answers.put(question, rs.getString(COLUMNS.get(question)));
		}
		PersonId facilitator = new PersonId(Sql.uuid(rs, "facilitator_id"));
		PersonId me = access.personId();
		boolean canEdit = access.can(Role.EDITOR) || me.equals(facilitator)
				|| me.value().equals(Sql.uuid(rs, "activity_owner")) || rs.getBoolean("activity_participant")
				|| rs.getBoolean("review_participant");
		return new Review(new ReviewId(Sql.uuid(rs, "id")), new ActivityId(Sql.uuid(rs, "activity_id")),
				rs.getString("activity_name"), kind, rs.getObject("held_on", LocalDate.class), new Person(facilitator, ""),
				List.of(), rs.getString("notes"), answers, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
				canEdit);
	}

	private Review withPeople(Review r) {
		List<Person> named = participants.of(Participants.Of.REVIEW, r.id().value());
		return new Review(r.id(), r.activityId(), r.activityName(), r.kind(), r.heldOn(), people.named(r.facilitator().id()),
				named, r.notes(), r.answers(), r.createdAt(), r.updatedAt(), r.canEdit());
	}
}
