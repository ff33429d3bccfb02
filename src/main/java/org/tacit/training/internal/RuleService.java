package org.tacit.training.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.MembershipChanged;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/**
 * Training rules: "every EDITOR completes the upkeep course within 30 days, and every 365 days". A rule
 * assigns its course to every member with the role when it is made, to members who get the role later,
 * and again (a daily job) when a person's last completion is older than the period. Never two open
 * assignments of a course for a person. Removing a rule stops future assignments only.
 */
@Service
public class RuleService {

	private static final Logger log = LoggerFactory.getLogger(RuleService.class);

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final CourseService courses;
	private final AssignmentService assignments;
	private final TrainingAccess access;
	private final AuditLog audit;
	private final Clock clock;

	RuleService(JdbcClient jdbc, Organizations organizations, CourseService courses, AssignmentService assignments,
			TrainingAccess access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.courses = courses;
		this.assignments = assignments;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** A rule as sent: the role, the course, within how many days, and (optional) again every how many days. */
	public record NewRule(String role, String course, Integer withinDays, Integer everyDays) {
	}

	/** A rule made, and how many assignments it made at once. */
	public record Created(Rule rule, int assigned) {
	}

	@Transactional
	public Created create(OrgAccess caller, NewRule request) {
		requireManager(caller);
		Role role = Input.choice("role", request.role(), Role.class);
		if (role == null) {
			throw ProblemException.invalid("role", "problem.field.required");
		}
		if (request.course() == null || request.course().isBlank()) {
			throw ProblemException.invalid("course", "problem.field.required");
		}
		Course course;
		try {
			course = courses.get(caller, request.course().strip());
		}
		catch (ProblemException e) {
			throw ProblemException.invalid("course", "training.course.unknown");
		}
		int within = Input.days("withinDays", request.withinDays(), Limits.DAYS, true);
		Integer every = Input.days("everyDays", request.everyDays(), Limits.DAYS, false);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO training_rule (id, org_id, course_id, member_role, within_days, every_days, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.orgId().value(), course.id(), role.name(), within, every, caller.personId().value(),
					Sql.utc(clock.instant()))
			.update();
		audit.record(caller.orgId(), "training-rule.created", "training-rule", id.toString(),
				role + " → " + course.title());
		Rule rule = find(caller.orgId(), id).orElseThrow();
		int assigned = 0;
		for (Organizations.Member member : organizations.activeMembers(caller.orgId())) {
			if (member.role() == role && apply(rule, member.id(), today())) {
				assigned++;
			}
		}
		return new Created(rule, assigned);
	}

	private void requireManager(OrgAccess caller) {
		if (!access.manages(caller)) {
			throw ProblemException.forbidden();
		}
	}

	/**
	 * Assigns the rule's course to the person unless they have it open, or completed it (for a rule
	 * without a period), or completed it within the period. Whether it assigned.
	 */
	boolean apply(Rule rule, PersonId person, LocalDate today) {
		Optional<Instant> last = assignments.lastCompletion(rule.org(), rule.courseId(), person);
		if (last.isPresent()) {
			if (rule.everyDays() == null) {
				return false;
			}
			LocalDate completedOn = LocalDate.ofInstant(last.get(), ZoneOffset.UTC);
			if (completedOn.plusDays(rule.everyDays()).isAfter(today)) {
				return false;
			}
		}
		return assignments.assignByRule(rule.org(), rule.courseId(), person, today.plusDays(rule.withinDays()), rule.id());
	}

	/** A member who joins or gets a role gets the courses of that role's rules; one who leaves has their open ones cancelled. */
	@ApplicationModuleListener
	void on(MembershipChanged event) {
		if (event.role() == null) {
			assignments.cancelOpen(event.orgId(), event.personId());
			return;
		}
		if (organizations.memberAccess(event.orgId(), event.personId()).map(a -> a.role() != event.role()).orElse(true)) {
			// an older change delivered late: the person no longer has this role, or is gone
			return;
		}
		LocalDate today = today();
		for (Rule rule : rules(event.orgId(), event.role())) {
			apply(rule, event.personId(), today);
		}
	}

	/** The daily recurrence job (cron {@code tacit.training.recurrence-cron}, UTC). */
	@Scheduled(cron = "${tacit.training.recurrence-cron:0 15 4 * * *}", zone = "UTC")
	void daily() {
		int assigned = recur(today());
		if (assigned > 0) {
			log.info("Training rules assigned {} courses again", assigned);
		}
	}

	/**
	 * Applies every rule of every organization as of {@code today}: assigns again where the last
	 * completion is older than the rule's period, and to members the rule missed. Returns how many
	 * assignments it made.
	 */
	@Transactional
	public int recur(LocalDate today) {
		List<OrgId> orgs = jdbc.sql("SELECT DISTINCT org_id FROM training_rule WHERE removed_at IS NULL")
			.query((rs, n) -> new OrgId(Sql.uuid(rs, "org_id")))
			.list();
		int assigned = 0;
		for (OrgId org : orgs) {
			List<Organizations.Member> members = organizations.activeMembers(org);
			for (Rule rule : rules(org, null)) {
				for (Organizations.Member member : members) {
					if (member.role() == rule.role() && apply(rule, member.id(), today)) {
						assigned++;
					}
				}
			}
		}
		return assigned;
	}

	/** The organization's rules in force (of one role, or all). */
	List<Rule> rules(OrgId org, Role role) {
		return jdbc.sql("SELECT r.*, c.title FROM training_rule r JOIN training_course c ON c.id = r.course_id AND c.org_id = r.org_id "
				+ "WHERE r.org_id = ? AND r.removed_at IS NULL" + (role == null ? "" : " AND r.member_role = ?")
				+ " ORDER BY r.created_at, r.id")
			.params(role == null ? List.of(org.value()) : List.of(org.value(), role.name()))
			.query((rs, n) -> row(org, rs))
			.list();
	}

	@Transactional(readOnly = true)
	public Page<Rule> list(OrgAccess caller, Paging paging) {
		return paging.slice(rules(caller.orgId(), null));
	}

	/** A rule in force; 404 otherwise (removed rules are gone). */
	@Transactional(readOnly = true)
	public Rule get(OrgAccess caller, String ruleId) {
		return find(caller.orgId(), Input.id(ruleId)).orElseThrow(ProblemException::notFound);
	}

	private Optional<Rule> find(OrgId org, UUID id) {
		return jdbc.sql("SELECT r.*, c.title FROM training_rule r JOIN training_course c ON c.id = r.course_id AND c.org_id = r.org_id "
				+ "WHERE r.org_id = ? AND r.id = ? AND r.removed_at IS NULL")
			.params(org.value(), id)
			.query((rs, n) -> row(org, rs))
			.optional();
	}

	/** Stops the rule: no more assignments from it; what it assigned stays. */
	@Transactional
	public void remove(OrgAccess caller, String ruleId) {
		Rule rule = get(caller, ruleId);
		requireManager(caller);
		jdbc.sql("UPDATE training_rule SET removed_at = ? WHERE org_id = ? AND id = ? AND removed_at IS NULL")
			.params(Sql.utc(clock.instant()), caller.orgId().value(), rule.id())
			.update();
		audit.record(caller.orgId(), "training-rule.removed", "training-rule", rule.id().toString(),
				rule.role() + " → " + rule.courseTitle());
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	private static Rule row(OrgId org, java.sql.ResultSet rs) throws java.sql.SQLException {
		int every = rs.getInt("every_days");
		Integer everyDays = rs.wasNull() ? null : every;
		return new Rule(Sql.uuid(rs, "id"), org, Sql.uuid(rs, "course_id"), rs.getString("title"),
				Role.valueOf(rs.getString("member_role")), rs.getInt("within_days"), everyDays,
				Sql.instant(rs, "created_at"));
	}
}
