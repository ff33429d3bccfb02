package org.tacit.lessons.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.lessons.ActionAssigned;
import org.tacit.lessons.ActionCompleted;
import org.tacit.lessons.ActionId;
import org.tacit.lessons.ActionStatus;
import org.tacit.lessons.LessonId;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/**
 * The actions that follow from lessons. A lesson's stewards assign them, each to an active member with
 * a due date; the owner moves their action on (its status only). An action still open after its due
 * date is overdue: it appears on its owner's list and on the knowledge managers'.
 */
@Service
public class ActionService {

	/** The most actions one lesson may have. */
	public static final int ACTIONS_MAX = 50;

	private static final String SELECT = """
			SELECT x.*, l.title AS lesson_title, l.expert_id AS lesson_expert
			FROM lessons_action x JOIN lessons_lesson l ON l.id = x.lesson_id
			WHERE x.org_id = :org""";
	private static final String OPEN = " AND x.status IN ('OPEN', 'IN_PROGRESS')";

	private final JdbcClient jdbc;
	private final LessonService lessons;
	private final People people;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ActionService(JdbcClient jdbc, LessonService lessons, People people, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.lessons = lessons;
		this.people = people;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A new action: what to do, who (id or email), by when ({@code 2026-12-31}). */
	public record Input(String title, String owner, String due) {
	}

	/** A change of an action; a field left null stays as it is. Owners who are not stewards may change the status only. */
	public record Update(String title, String owner, String due, String status) {
	}

	@Transactional
	public LessonAction add(OrgAccess access, LessonId lessonId, Input input) {
		Lesson lesson = lessons.get(access, lessonId);
		if (!lesson.steward()) {
			throw ProblemException.forbidden();
		}
		if (lesson.status().isFinal()) {
			throw LessonService.ended(lesson);
		}
		String title = Checks.required("title", input.title(), Checks.NAME_MAX);
		PersonId owner = people.member(access.orgId(), "owner", input.owner());
		LocalDate due = Checks.date("due", input.due());
		if (due == null) {
			throw ProblemException.invalid("due", "problem.field.required");
		}
		long existing = jdbc.sql("SELECT COUNT(*) FROM lessons_action WHERE lesson_id = ?")
			.param(lessonId.value())
			.query(Long.class)
			.single();
		if (existing >= ACTIONS_MAX) {
			throw ProblemException.conflict(null, "lessons.actions.tooMany", ACTIONS_MAX);
		}
		ActionId id = ActionId.random();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO lessons_action (id, org_id, lesson_id, title, owner_id, due_on, status, created_by, created_at,
				  updated_at)
				VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
			.params(id.value(), access.orgId().value(), lessonId.value(), title, owner.value(), due,
					access.personId().value(), Sql.utc(now), Sql.utc(now))
			.update();
		audit.record(access.orgId(), "lesson-action.added", "lesson", lessonId.toString(), title + ", due " + due);
		events.publishEvent(new ActionAssigned(access.orgId(), lessonId, id, owner, due, access.personId()));
		return get(access, lessonId, id);
	}

	@Transactional
	public LessonAction update(OrgAccess access, LessonId lessonId, ActionId id, Update update) {
		Lesson lesson = lessons.get(access, lessonId);
		LessonAction action = get(access, lessonId, id);
		if (!action.canUpdate()) {
			throw ProblemException.forbidden();
		}
		if (lesson.status().isFinal()) {
			throw LessonService.ended(lesson);
		}
		String title = update.title() == null ? action.title() : Checks.required("title", update.title(), Checks.NAME_MAX);
		PersonId owner = update.owner() == null ? action.owner().id() : people.member(access.orgId(), "owner", update.owner());
		LocalDate due = update.due() == null ? action.due() : Checks.date("due", update.due());
		if (due == null) {
			throw ProblemException.invalid("due", "problem.field.required");
		}
		ActionStatus status = update.status() == null ? action.status()
				: Checks.choice(ActionStatus.class, "status", update.status(), true);
		boolean planChanged = !title.equals(action.title()) || !owner.equals(action.owner().id()) || !due.equals(action.due());
		if (planChanged && !lesson.steward()) {
			throw ProblemException.forbidden();
		}
		Instant now = clock.instant();
		boolean completes = status == ActionStatus.DONE && action.status() != ActionStatus.DONE;
		boolean finishedNow = status.finished();
		jdbc.sql("""
				UPDATE lessons_action SET title = ?, owner_id = ?, due_on = ?, status = ?, updated_at = ?,
				  completed_by = ?, completed_at = ?
				WHERE id = ? AND org_id = ?""")
			.params(title, owner.value(), due, status.name(), Sql.utc(now),
					finishedNow ? (status == action.status() ? idOf(action.completedBy()) : access.personId().value()) : null,
					finishedNow ? (status == action.status() ? Sql.utc(action.completedAt()) : Sql.utc(now)) : null,
					id.value(), access.orgId().value())
			.update();
		audit.record(access.orgId(), "lesson-action.updated", "lesson", lessonId.toString(),
				title + ": " + status + ", due " + due);
		if (!owner.equals(action.owner().id())) {
			events.publishEvent(new ActionAssigned(access.orgId(), lessonId, id, owner, due, access.personId()));
		}
		if (completes) {
			events.publishEvent(new ActionCompleted(access.orgId(), lessonId, id, owner, access.personId()));
		}
		return get(access, lessonId, id);
	}

	private static UUID idOf(Person person) {
		return person == null ? null : person.id().value();
	}

	@Transactional(readOnly = true)
	public LessonAction get(OrgAccess access, LessonId lessonId, ActionId id) {
		return named(jdbc.sql(SELECT + " AND x.lesson_id = :lesson AND x.id = :id")
			.param("org", access.orgId().value())
			.param("lesson", lessonId.value())
			.param("id", id.value())
			.query((rs, n) -> row(access, rs))
			.list()).stream().findFirst().orElseThrow(ProblemException::notFound);
	}

	/** The actions of a lesson, soonest due first. */
	@Transactional(readOnly = true)
	public List<LessonAction> of(OrgAccess access, LessonId lessonId) {
		return named(jdbc.sql(SELECT + " AND x.lesson_id = :lesson ORDER BY x.due_on, x.created_at, x.id")
			.param("org", access.orgId().value())
			.param("lesson", lessonId.value())
			.query((rs, n) -> row(access, rs))
			.list());
	}

	/** The open actions a person owns, soonest due (so the overdue) first. */
	@Transactional(readOnly = true)
	public Page<LessonAction> openFor(OrgAccess access, PersonId owner, Paging paging) {
		String where = OPEN + " AND x.owner_id = :owner";
		return page(access, where, Map.of("owner", owner.value()), paging);
	}

	/** Every open action past its due date in the organization, longest overdue first: for knowledge managers and administrators. */
	@Transactional(readOnly = true)
	public Page<LessonAction> overdue(OrgAccess access, Paging paging) {
		access.require(Role.KNOWLEDGE_MANAGER);
		return page(access, OPEN + " AND x.due_on < :today", Map.of("today", today()), paging);
	}

	/** How many actions of the organization are open past their due date today. */
	long overdueCount(OrgId org) {
		return jdbc.sql("SELECT COUNT(*) FROM lessons_action x WHERE x.org_id = :org" + OPEN + " AND x.due_on < :today")
			.param("org", org.value())
			.param("today", today())
			.query(Long.class)
			.single();
	}

	private Page<LessonAction> page(OrgAccess access, String where, Map<String, Object> params, Paging paging) {
		List<LessonAction> actions = named(jdbc.sql(SELECT + where + " ORDER BY x.due_on, x.id LIMIT :limit OFFSET :offset")
			.param("org", access.orgId().value())
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> row(access, rs))
			.list());
		long total = jdbc.sql("SELECT COUNT(*) FROM (" + SELECT + where + ") y")
			.param("org", access.orgId().value())
			.params(params)
			.query(Long.class)
			.single();
		return paging.of(actions, total);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
	}

	private LessonAction row(OrgAccess access, ResultSet rs) throws SQLException {
		ActionStatus status = ActionStatus.valueOf(rs.getString("status"));
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		PersonId owner = new PersonId(Sql.uuid(rs, "owner_id"));
		UUID expert = Sql.uuid(rs, "lesson_expert");
		UUID completedBy = Sql.uuid(rs, "completed_by");
		boolean steward = access.can(Role.EDITOR) || access.personId().value().equals(expert);
		return new LessonAction(new ActionId(Sql.uuid(rs, "id")), new LessonId(Sql.uuid(rs, "lesson_id")),
				rs.getString("lesson_title"), rs.getString("title"), new Person(owner, ""), due, status,
				Sql.instant(rs, "created_at"), completedBy == null ? null : new Person(new PersonId(completedBy), ""),
				Sql.instant(rs, "completed_at"), !status.finished() && due.isBefore(today()),
				steward || owner.equals(access.personId()));
	}

	private List<LessonAction> named(List<LessonAction> actions) {
		List<PersonId> ids = new ArrayList<>();
		actions.forEach(a -> {
			ids.add(a.owner().id());
			if (a.completedBy() != null) {
				ids.add(a.completedBy().id());
			}
		});
		Map<PersonId, String> names = people.names(ids);
		return actions.stream()
			.map(a -> new LessonAction(a.id(), a.lessonId(), a.lessonTitle(), a.title(),
					new Person(a.owner().id(), names.getOrDefault(a.owner().id(), "")), a.due(), a.status(), a.createdAt(),
					a.completedBy() == null ? null
							: new Person(a.completedBy().id(), names.getOrDefault(a.completedBy().id(), "")),
					a.completedAt(), a.overdue(), a.canUpdate()))
			.toList();
	}
}
