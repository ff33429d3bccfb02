package org.tacit.lessons.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.lessons.ActivityId;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/**
 * Activities: contributors and above start them; their owner and editors change them. Owner and
 * participants are active members of the organization. Every member may read them.
 */
@Service
public class ActivityService {

	private static final String SELECT = """
			SELECT a.*,
			  (SELECT COUNT(*) FROM lessons_review r WHERE r.activity_id = a.id) AS review_count,
			  (SELECT COUNT(*) FROM lessons_lesson l WHERE l.activity_id = a.id) AS lesson_count,
			  EXISTS (SELECT 1 FROM lessons_activity_participant p WHERE p.activity_id = a.id AND p.person_id = :me)
			    AS participant
			FROM lessons_activity a WHERE a.org_id = :org""";

	private final JdbcClient jdbc;
	private final People people;
	private final Participants participants;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ActivityService(JdbcClient jdbc, People people, Participants participants, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.participants = participants;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What an activity says; dates as {@code 2026-12-31}. A null owner is the caller. */
	public record Input(String name, String description, String owner, String startsOn, String endsOn,
			List<String> tags, List<String> participants) {
	}

	/** What the list of activities can be narrowed to: the caller's own (owned or taking part), a word of the name. */
	public record Filter(boolean mine, String q) {

		public static Filter none() {
			return new Filter(false, null);
		}
	}

	private record Checked(String name, String description, PersonId owner, LocalDate startsOn, LocalDate endsOn,
			List<String> tags, List<PersonId> participants) {
	}

	@Transactional
	public Activity create(OrgAccess access, Input input) {
		access.require(Role.CONTRIBUTOR);
		Checked checked = check(access, input, access.personId());
		ActivityId id = ActivityId.random();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO lessons_activity (id, org_id, name, description, owner_id, starts_on, ends_on, tags, created_by,
				  created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id.value(), access.orgId().value(), checked.name, checked.description, checked.owner.value(),
					checked.startsOn, checked.endsOn, String.join(",", checked.tags), access.personId().value(),
					Sql.utc(now), Sql.utc(now))
			.update();
		participants.set(Participants.Of.ACTIVITY, id.value(), checked.participants);
		audit.record(access.orgId(), "activity.created", "activity", id.toString(), checked.name);
		return get(access, id);
	}

	@Transactional
	public Activity update(OrgAccess access, ActivityId id, Input input) {
		Activity activity = get(access, id);
		if (!activity.canEdit()) {
			throw ProblemException.forbidden();
		}
		Checked checked = check(access, input, activity.owner().id());
		jdbc.sql("""
				UPDATE lessons_activity SET name = ?, description = ?, owner_id = ?, starts_on = ?, ends_on = ?, tags = ?,
				  updated_at = ?
				WHERE id = ? AND org_id = ?""")
			.params(checked.name, checked.description, checked.owner.value(), checked.startsOn, checked.endsOn,
					String.join(",", checked.tags), Sql.utc(clock.instant()), id.value(), access.orgId().value())
			.update();
		participants.set(Participants.Of.ACTIVITY, id.value(), checked.participants);
		audit.record(access.orgId(), "activity.updated", "activity", id.toString(), checked.name);
		// the activity's name is part of its reviews' and lessons' search entries
		events.publishEvent(new Reindex(access.orgId(), Reindex.ACTIVITY, id.value()));
		return get(access, id);
	}


	private Checked check(OrgAccess access, Input input, PersonId defaultOwner) {
		String name = Checks.required("name", input.name(), Checks.NAME_MAX);
		String description = Checks.optional("description", input.description(), Checks.TEXT_MAX);
		PersonId owner = people.memberOr(access.orgId(), "owner", input.owner(), defaultOwner);
		LocalDate startsOn = Checks.date("startsOn", input.startsOn());
		LocalDate endsOn = Checks.date("endsOn", input.endsOn());
		if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
			throw ProblemException.invalid("endsOn", "lessons.activity.endsBeforeStart");
		}
		List<String> tags = Checks.tags(input.tags());
		List<PersonId> participants = people.members(access.orgId(), "participants", input.participants());
		return new Checked(name, description, owner, startsOn, endsOn, tags, participants);
	}

	/** An activity of the caller's organization; 404 otherwise. */
	@Transactional(readOnly = true)
	public Activity get(OrgAccess access, ActivityId id) {
		return one(access, id.value()).orElseThrow(ProblemException::notFound);
	}

	/** An activity by an id as typed (a path or a form); empty for anything that is not one of the organization's. */
	@Transactional(readOnly = true)
	public Optional<Activity> find(OrgAccess access, String id) {
		return Ids.uuid(id).flatMap(uuid -> one(access, uuid));
	}

	private Optional<Activity> one(OrgAccess access, UUID id) {
		return jdbc.sql(SELECT + " AND a.id = :id")
			.param("me", access.personId().value())
			.param("org", access.orgId().value())
			.param("id", id)
			.query((rs, n) -> row(access, rs))
			.optional()
			.map(this::withPeople);
	}

	@Transactional(readOnly = true)
	public Page<Activity> list(OrgAccess access, Filter filter, Paging paging) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		params.put("me", access.personId().value());
		params.put("org", access.orgId().value());
		if (filter.mine()) {
			where.append(" AND (a.owner_id = :me OR EXISTS (SELECT 1 FROM lessons_activity_participant p"
					+ " WHERE p.activity_id = a.id AND p.person_id = :me))");
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" AND LOWER(a.name) LIKE :q ESCAPE '\\'");
			params.put("q", "%" + Ids.likeEscaped(filter.q().strip().toLowerCase(Locale.ROOT)) + "%");
		}
		List<Activity> activities = jdbc.sql(SELECT + where + " ORDER BY a.updated_at DESC, a.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> row(access, rs))
			.list();
		long total = jdbc.sql("SELECT COUNT(*) FROM (" + SELECT + where + ") x").params(params).query(Long.class).single();
		Map<PersonId, String> names = people.names(activities.stream().map(a -> a.owner().id()).toList());
		return paging.of(activities.stream().map(a -> withOwnerName(a, names.getOrDefault(a.owner().id(), ""))).toList(),
				total);
	}

	private static Activity row(OrgAccess access, ResultSet rs) throws SQLException {
		PersonId owner = new PersonId(Sql.uuid(rs, "owner_id"));
		boolean participant = rs.getBoolean("participant");
		boolean canEdit = owner.equals(access.personId()) || access.can(Role.EDITOR);
		return new Activity(new ActivityId(Sql.uuid(rs, "id")), rs.getString("name"), rs.getString("description"),
				new Person(owner, ""), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				Checks.splitTags(rs.getString("tags")), List.of(), rs.getLong("review_count"), rs.getLong("lesson_count"),
				Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), canEdit, canEdit || participant);
	}

	private Activity withPeople(Activity a) {
		List<Person> named = participants.of(Participants.Of.ACTIVITY, a.id().value());
		return new Activity(a.id(), a.name(), a.description(), people.named(a.owner().id()), a.startsOn(), a.endsOn(),
				a.tags(), named, a.reviews(), a.lessons(), a.createdAt(), a.updatedAt(), a.canEdit(), a.canReview());
	}

	private static Activity withOwnerName(Activity a, String name) {
		return new Activity(a.id(), a.name(), a.description(), new Person(a.owner().id(), name), a.startsOn(), a.endsOn(),
				a.tags(), a.participants(), a.reviews(), a.lessons(), a.createdAt(), a.updatedAt(), a.canEdit(),
				a.canReview());
	}
}
