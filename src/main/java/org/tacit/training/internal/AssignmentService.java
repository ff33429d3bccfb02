package org.tacit.training.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;
import org.tacit.training.TrainingCompleted;

/**
 * Assignments of courses to members: made by knowledge managers, administrators, the person's manager
 * or a rule; completed by the person (with evidence) and confirmed by the trainer, a knowledge manager
 * or an administrator. A person has at most one open assignment of a course.
 */
@Service
public class AssignmentService {

	private static final String SELECT = """
			SELECT a.*, c.title AS course_title, c.trainer_id AS course_trainer FROM training_assignment a
			JOIN training_course c ON c.id = a.course_id AND c.org_id = a.org_id
			""";

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final CourseService courses;
	private final TrainingAccess access;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AssignmentService(JdbcClient jdbc, Organizations organizations, CourseService courses, TrainingAccess access,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.courses = courses;
		this.access = access;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	/** An assignment as sent: the person (id or email), the due date (YYYY-MM-DD) and an optional reason. */
	public record NewAssignment(String person, String due, String reason) {
	}

	@Transactional
	public Assignment assign(OrgAccess caller, String courseId, NewAssignment request) {
		Course course = courses.get(caller, courseId);
		if (!access.canAssign(caller)) {
			throw ProblemException.forbidden();
		}
		String who = request.person() == null ? "" : request.person().strip();
		if (who.isEmpty()) {
			throw ProblemException.invalid("person", "problem.field.required");
		}
		PersonId person = organizations.findMember(caller.orgId(), who)
			.filter(Organizations.Member::active)
			.map(Organizations.Member::id)
			.orElseThrow(() -> ProblemException.invalid("person", "training.person.unknown"));
		if (!access.canAssignTo(caller, person)) {
			throw ProblemException.forbidden();
		}
		LocalDate due = Input.date("due", request.due());
		LocalDate today = today();
		if (due == null) {
			throw ProblemException.invalid("due", "problem.field.required");
		}
		if (due.isBefore(today)) {
			throw ProblemException.invalid("due", "training.due.past");
		}
		if (due.isAfter(today.plusYears(Limits.YEARS_AHEAD))) {
			throw ProblemException.invalid("due", "training.due.far", Limits.YEARS_AHEAD);
		}
		String reason = Input.text("reason", request.reason(), Limits.REASON, false);
		if (openOf(caller.orgId(), course.id(), person).isPresent()) {
			throw ProblemException.conflict("person", "training.assignment.open");
		}
		UUID id = insert(caller.orgId(), course.id(), person, due, reason.isEmpty() ? null : reason, null,
				caller.personId());
		audit.record(caller.orgId(), "assignment.created", "assignment", id.toString(), course.title() + " → " + person);
		return find(caller.orgId(), id).orElseThrow();
	}

	/** Assigns by a rule unless the person has an open assignment of the course; whether it did. */
	boolean assignByRule(OrgId org, UUID course, PersonId person, LocalDate due, UUID rule) {
		if (openOf(org, course, person).isPresent()) {
			return false;
		}
		insert(org, course, person, due, null, rule, null);
		return true;
	}

	private UUID insert(OrgId org, UUID course, PersonId person, LocalDate due, String reason, UUID rule, PersonId by) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO training_assignment (id, org_id, course_id, person_id, due_date, reason, rule_id, status, assigned_by,
				assigned_at, open_key) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)""")
			.params(id, org.value(), course, person.value(), due, reason, rule, by == null ? null : by.value(),
					Sql.utc(clock.instant()), openKey(course, person))
			.update();
		return id;
	}

	private static String openKey(UUID course, PersonId person) {
		return course + ":" + person.value();
	}

	Optional<UUID> openOf(OrgId org, UUID course, PersonId person) {
		return jdbc.sql("SELECT id FROM training_assignment WHERE org_id = ? AND open_key = ?")
			.params(org.value(), openKey(course, person))
			.query(UUID.class)
			.optional();
	}

	/** When the person last completed the course, if ever. */
	Optional<Instant> lastCompletion(OrgId org, UUID course, PersonId person) {
		return jdbc.sql("""
				SELECT MAX(completed_at) AS last_done FROM training_assignment
				WHERE org_id = ? AND course_id = ? AND person_id = ? AND status IN ('COMPLETED_SELF_REPORTED', 'CONFIRMED')""")
			.params(org.value(), course, person.value())
			.query((rs, n) -> Sql.instant(rs, "last_done"))
			.optional();
	}

	/** An assignment the caller may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public Assignment get(OrgAccess caller, String assignmentId) {
		return find(caller.orgId(), Input.id(assignmentId)).filter(a -> access.sees(caller, a))
			.orElseThrow(ProblemException::notFound);
	}

	@Transactional(readOnly = true)
	public Optional<Assignment> find(OrgId org, UUID id) {
		return jdbc.sql(SELECT + "WHERE a.org_id = ? AND a.id = ?").params(org.value(), id).query((rs, n) -> row(rs)).optional();
	}

	/**
	 * Filters of a list of assignments: one person, one course, a status, only overdue (or only not
	 * overdue), only the caller's reports.
	 */
	public record Filter(PersonId person, UUID course, AssignmentStatus status, Boolean overdue, boolean team,
			boolean completedOnly) {

		public Filter(PersonId person, UUID course, AssignmentStatus status, Boolean overdue, boolean team) {
			this(person, course, status, overdue, team, false);
		}

		/** The person's completed assignments (self-reported or confirmed). */
		public static Filter completed(PersonId person) {
			return new Filter(person, null, null, null, false, true);
		}
	}

	/** The assignments the caller may see that match, open ones first (soonest due first), then the latest. */
	@Transactional(readOnly = true)
	public Page<Assignment> list(OrgAccess caller, Filter filter, Paging paging) {
		StringBuilder where = new StringBuilder("WHERE a.org_id = ?");
		List<Object> params = new ArrayList<>(List.of(caller.orgId().value()));
		List<PersonId> reports = organizations.reportsOf(caller.orgId(), caller.personId());
		if (filter.team()) {
			where.append(" AND a.person_id IN (").append(placeholders(reports.size())).append(")");
			reports.forEach(p -> params.add(p.value()));
		}
		else if (!access.manages(caller)) {
			where.append(" AND (a.person_id = ? OR c.trainer_id = ?");
			params.add(caller.personId().value());
			params.add(caller.personId().value());
			if (!reports.isEmpty()) {
				where.append(" OR a.person_id IN (").append(placeholders(reports.size())).append(")");
				reports.forEach(p -> params.add(p.value()));
			}
			where.append(")");
		}
		if (filter.person() != null) {
			where.append(" AND a.person_id = ?");
			params.add(filter.person().value());
		}
		if (filter.course() != null) {
			where.append(" AND a.course_id = ?");
			params.add(filter.course());
		}
		if (filter.completedOnly()) {
			where.append(" AND a.status IN ('COMPLETED_SELF_REPORTED', 'CONFIRMED')");
		}
		else if (filter.status() != null) {
			where.append(" AND a.status = ?");
			params.add(filter.status().name());
		}
		else {
			where.append(" AND a.status <> 'CANCELLED'");
		}
		if (filter.overdue() != null) {
			where.append(filter.overdue() ? " AND a.status = 'OPEN' AND a.due_date < ?"
					: " AND NOT (a.status = 'OPEN' AND a.due_date < ?)");
			params.add(today());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM training_assignment a JOIN training_course c ON c.id = a.course_id AND c.org_id = a.org_id "
				+ where).params(params).query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(paging.size());
		paged.add(paging.offset());
		List<Assignment> items = jdbc.sql(SELECT + where
				+ " ORDER BY CASE WHEN a.status = 'OPEN' THEN 0 ELSE 1 END, CASE WHEN a.status = 'OPEN' THEN a.due_date END,"
				+ " a.completed_at DESC, a.assigned_at DESC, a.id LIMIT ? OFFSET ?")
			.params(paged)
			.query((rs, n) -> row(rs))
			.list();
		return paging.of(items, total);
	}

	private static String placeholders(int n) {
		return n == 0 ? "NULL" : String.join(", ", java.util.Collections.nCopies(n, "?"));
	}

	/** A completion as sent: what shows it was done, and an optional link (a certificate, a recording). */
	public record Completion(String evidence, String link) {
	}

	/** The person (or a knowledge manager or administrator for them) reports the course done. */
	@Transactional
	public Assignment complete(OrgAccess caller, String assignmentId, Completion completion) {
		Assignment assignment = get(caller, assignmentId);
		if (!access.canComplete(caller, assignment)) {
			throw ProblemException.forbidden();
		}
		String evidence = Input.text("evidence", completion.evidence(), Limits.EVIDENCE, true);
		String link = Input.text("link", completion.link(), Limits.LINK, false);
		if (!link.isEmpty() && !link.matches("(?i)https?://\\S+")) {
			throw ProblemException.invalid("link", "training.link.format");
		}
		if (assignment.status() != AssignmentStatus.OPEN) {
			throw ProblemException.conflict("status", "training.assignment.notOpen");
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE training_assignment SET status = 'COMPLETED_SELF_REPORTED', evidence = ?, evidence_link = ?, completed_by = ?,
				completed_at = ?, open_key = NULL WHERE org_id = ? AND id = ? AND status = 'OPEN'""")
			.params(evidence, link.isEmpty() ? null : link, caller.personId().value(), Sql.utc(now), caller.orgId().value(),
					assignment.id())
			.update();
		if (changed == 0) {
			throw ProblemException.conflict("status", "training.assignment.notOpen");
		}
		audit.record(caller.orgId(), "assignment.completed", "assignment", assignment.id().toString(), assignment.courseTitle());
		events.publishEvent(new TrainingCompleted(caller.orgId(), assignment.person(), assignment.id(), assignment.courseId(),
				assignment.courseTitle(), now));
		return find(caller.orgId(), assignment.id()).orElseThrow();
	}

	/** The trainer, a knowledge manager or an administrator confirms it (done, whether reported or not). */
	@Transactional
	public Assignment confirm(OrgAccess caller, String assignmentId) {
		Assignment assignment = get(caller, assignmentId);
		if (!access.canConfirm(caller, assignment)) {
			throw ProblemException.forbidden();
		}
		if (assignment.status() == AssignmentStatus.CONFIRMED) {
			throw ProblemException.conflict("status", "training.assignment.confirmed");
		}
		if (assignment.status() == AssignmentStatus.CANCELLED) {
			throw ProblemException.conflict("status", "training.assignment.cancelled");
		}
		Instant now = clock.instant();
		boolean wasOpen = assignment.status() == AssignmentStatus.OPEN;
		int changed = jdbc.sql("""
				UPDATE training_assignment SET status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ?,
				completed_at = COALESCE(completed_at, ?), completed_by = COALESCE(completed_by, ?), open_key = NULL
				WHERE org_id = ? AND id = ? AND status = ?""")
			.params(caller.personId().value(), Sql.utc(now), Sql.utc(now), caller.personId().value(), caller.orgId().value(),
					assignment.id(), assignment.status().name())
			.update();
		if (changed == 0) {
			throw ProblemException.conflict("status", "training.assignment.confirmed");
		}
		audit.record(caller.orgId(), "assignment.confirmed", "assignment", assignment.id().toString(), assignment.courseTitle());
		if (wasOpen) {
			events.publishEvent(new TrainingCompleted(caller.orgId(), assignment.person(), assignment.id(),
					assignment.courseId(), assignment.courseTitle(), now));
		}
		return find(caller.orgId(), assignment.id()).orElseThrow();
	}

	/** A person who left keeps what they completed; what was still open is cancelled. */
	@Transactional
	public int cancelOpen(OrgId org, PersonId person) {
		return jdbc.sql("UPDATE training_assignment SET status = 'CANCELLED', open_key = NULL WHERE org_id = ? AND person_id = ? AND status = 'OPEN'")
			.params(org.value(), person.value())
			.update();
	}

	/** Open assignments of these people, soonest due first (for My work), at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<Assignment> open(OrgId org, List<PersonId> people, boolean overdueOnly, int limit) {
		if (people.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>(List.of(org.value()));
		people.forEach(p -> params.add(p.value()));
		String overdue = "";
		if (overdueOnly) {
			overdue = " AND a.due_date < ?";
			params.add(today());
		}
		params.add(limit);
		return jdbc.sql(SELECT + "WHERE a.org_id = ? AND a.person_id IN (" + placeholders(people.size()) + ") AND a.status = 'OPEN'"
				+ overdue + " ORDER BY a.due_date, a.id LIMIT ?")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Every assignment of the organization that is not cancelled (for the facade's figures and status). */
	List<Assignment> all(OrgId org, String condition, List<Object> extra) {
		List<Object> params = new ArrayList<>(List.of(org.value()));
		params.addAll(extra);
		return jdbc.sql(SELECT + "WHERE a.org_id = ? AND a.status <> 'CANCELLED'" + condition + " ORDER BY a.completed_at, a.id")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
	}

	private static Assignment row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Assignment(Sql.uuid(rs, "id"), new OrgId(Sql.uuid(rs, "org_id")), Sql.uuid(rs, "course_id"),
				rs.getString("course_title"), person(rs, "course_trainer"), person(rs, "person_id"),
				rs.getObject("due_date", LocalDate.class), rs.getString("reason"), Sql.uuid(rs, "rule_id"),
				AssignmentStatus.valueOf(rs.getString("status")), person(rs, "assigned_by"), Sql.instant(rs, "assigned_at"),
				rs.getString("evidence"), rs.getString("evidence_link"), person(rs, "completed_by"),
				Sql.instant(rs, "completed_at"), person(rs, "confirmed_by"), Sql.instant(rs, "confirmed_at"));
	}

	private static PersonId person(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		UUID id = Sql.uuid(rs, column);
		return id == null ? null : new PersonId(id);
	}
}
