package org.tacit.competencies.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.competencies.AssessmentSignedOff;
import org.tacit.competencies.internal.Assessment.Rater;
import org.tacit.competencies.internal.Assessment.Rating;
import org.tacit.competencies.internal.Assessment.Status;
import org.tacit.organizations.AuditLog;
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
 * Assessments: knowledge managers and administrators assess a person in a cycle against a job profile;
 * the person rates each competency (self-assessment), their manager rates each one, and the manager or
 * a knowledge manager signs it off. An assessment is visible to the person, their manager, knowledge
 * managers and administrators; to everyone else it does not exist.
 */
@Service
public class AssessmentService {

	public static final int EVIDENCE_MAX = 2000;

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final CycleService cycles;
	private final FrameworkService frameworks;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AssessmentService(JdbcClient jdbc, Organizations organizations, CycleService cycles, FrameworkService frameworks,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.cycles = cycles;
		this.frameworks = frameworks;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A new assessment: the cycle's id, the person (id or email) and a job profile of the cycle's framework. */
	public record Input(String cycle, String person, String profile) {
	}

	/** One rating as sent. */
	public record RatingInput(String competency, Integer level, String evidence) {
	}

	/** Whether the caller sees every assessment (knowledge managers and administrators). */
	public static boolean seesAll(OrgAccess caller) {
		return caller.can(Role.KNOWLEDGE_MANAGER);
	}

	@Transactional
	public Assessment create(OrgAccess caller, Input input) {
		caller.require(Role.KNOWLEDGE_MANAGER);
		Input body = input == null ? new Input(null, null, null) : input;
		if (body.cycle() == null || body.cycle().isBlank()) {
			throw ProblemException.invalid("cycle", "competencies.assessment.cycle.missing");
		}
		Cycle cycle;
		try {
			cycle = cycles.find(caller.orgId(), UUID.fromString(body.cycle().strip()))
				.orElseThrow(() -> ProblemException.invalid("cycle", "competencies.assessment.cycle.unknown"));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("cycle", "competencies.assessment.cycle.unknown");
		}
		if (body.person() == null || body.person().isBlank()) {
			throw ProblemException.invalid("person", "competencies.assessment.person.missing");
		}
		Organizations.Member person = organizations.findMember(caller.orgId(), body.person().strip())
			.filter(Organizations.Member::active)
			.orElseThrow(() -> ProblemException.invalid("person", "competencies.assessment.person.unknown"));
		Framework framework = frameworks.find(caller.orgId(), cycle.frameworkId()).orElseThrow();
		String profile = body.profile() == null ? "" : body.profile().strip();
		if (framework.profile(profile).isEmpty()) {
			throw ProblemException.invalid("profile", "competencies.assessment.profile.unknown");
		}
		boolean taken = jdbc.sql("SELECT COUNT(*) FROM competencies_assessment WHERE org_id = ? AND cycle_id = ? AND person_id = ?")
			.params(caller.orgId().value(), cycle.id(), person.id().value())
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw ProblemException.conflict("person", "competencies.assessment.person.taken");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO competencies_assessment (id, org_id, cycle_id, person_id, profile, status, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.orgId().value(), cycle.id(), person.id().value(), profile, Status.OPEN.name(),
					caller.personId().value(), Sql.utc(clock.instant()))
			.update();
		audit.record(caller.orgId(), "competencies.assessment-created", "assessment", id.toString(),
				"for " + person.id() + " in " + cycle.id());
		return load(caller.orgId(), id).orElseThrow();
	}

	/** An assessment the caller may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public Assessment get(OrgAccess caller, String id) {
		Assessment assessment = load(caller.orgId(), FrameworkService.uuid(id)).orElseThrow(ProblemException::notFound);
		if (!canSee(caller, assessment)) {
			throw ProblemException.notFound();
		}
		return assessment;
	}

	public static boolean canSee(OrgAccess caller, Assessment assessment) {
		return seesAll(caller) || caller.personId().equals(assessment.person())
				|| caller.personId().equals(assessment.manager());
	}

	/** Whether the caller may rate as the manager and sign off: the manager, or a knowledge manager who is not the person. */
	public static boolean canManage(OrgAccess caller, Assessment assessment) {
		if (caller.personId().equals(assessment.person())) {
			return false;
		}
		return seesAll(caller) || caller.personId().equals(assessment.manager());
	}

	/** The framework the assessment is made against (its cycle's). */
	public Framework frameworkOf(OrgId org, Assessment assessment) {
		return frameworks.find(org, assessment.cycle().frameworkId()).orElseThrow();
	}

	/** Filters of the list; nulls do not filter. */
	public record Filter(String cycle, String person, String status) {
	}

	/** The assessments the caller may see: all (knowledge managers), else their own and their reports'. */
	@Transactional(readOnly = true)
	public Page<Assessment> list(OrgAccess caller, Filter filter, Paging paging) {
		StringBuilder where = new StringBuilder(" WHERE a.org_id = ?");
		List<Object> params = new ArrayList<>();
		params.add(caller.orgId().value());
		if (!seesAll(caller)) {
			List<PersonId> visible = new ArrayList<>(organizations.reportsOf(caller.orgId(), caller.personId()));
			visible.add(caller.personId());
			where.append(" AND a.person_id IN (").append(String.join(", ", visible.stream().map(p -> "?").toList()))
				.append(")");
			visible.forEach(p -> params.add(p.value()));
		}
		if (filter != null && filter.cycle() != null && !filter.cycle().isBlank()) {
			where.append(" AND a.cycle_id = ?");
			params.add(uuidParam(filter.cycle(), "cycle"));
		}
		if (filter != null && filter.person() != null && !filter.person().isBlank()) {
			where.append(" AND a.person_id = ?");
			params.add(uuidParam(filter.person(), "person"));
		}
		if (filter != null && filter.status() != null && !filter.status().isBlank()) {
			where.append(" AND a.status = ?");
			params.add(status(filter.status()).name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM competencies_assessment a" + where).params(params).query(Long.class)
			.single();
		List<UUID> ids = jdbc.sql("SELECT a.id FROM competencies_assessment a JOIN competencies_cycle c ON c.id = a.cycle_id"
				+ where + " ORDER BY c.opens_on DESC, a.created_at DESC, a.id LIMIT ? OFFSET ?")
			.params(params)
			.param(paging.size())
			.param(paging.offset())
			.query((rs, n) -> Sql.uuid(rs, "id"))
			.list();
		return paging.of(loadAll(caller.orgId(), ids), total);
	}

	private static UUID uuidParam(String value, String field) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(field, "competencies.filter.id");
		}
	}

	private static Status status(String value) {
		try {
			return Status.valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("status", "competencies.filter.status");
		}
	}

	/** Ratings of one assessment by the caller: as the person (SELF) or as the manager; null: by who the caller is. */
	@Transactional
	public Assessment rate(OrgAccess caller, String id, List<RatingInput> ratings, String as) {
		Assessment assessment = get(caller, id);
		Rater rater;
		if (as == null || as.isBlank()) {
			rater = caller.personId().equals(assessment.person()) ? Rater.SELF : Rater.MANAGER;
		}
		else {
			try {
				rater = Rater.valueOf(as.strip());
			}
			catch (IllegalArgumentException e) {
				throw ProblemException.invalid("as", "competencies.rating.as");
			}
		}
		if (rater == Rater.SELF && !caller.personId().equals(assessment.person())) {
			throw ProblemException.forbidden();
		}
		if (rater == Rater.MANAGER && !canManage(caller, assessment)) {
			throw ProblemException.forbidden();
		}
		if (assessment.status() == Status.SIGNED_OFF) {
			throw ProblemException.conflict(null, "competencies.assessment.signedOff");
		}
		Framework framework = frameworkOf(caller.orgId(), assessment);
		if (ratings == null || ratings.isEmpty()) {
			throw ProblemException.invalid("ratings", "competencies.ratings.missing");
		}
		if (ratings.size() > Framework.COMPETENCIES_MAX) {
			throw ProblemException.invalid("ratings", "competencies.ratings.many", Framework.COMPETENCIES_MAX);
		}
		Map<String, RatingInput> checked = new LinkedHashMap<>();
		for (int i = 0; i < ratings.size(); i++) {
			RatingInput rating = ratings.get(i);
			String field = "ratings[" + i + "]";
			String code = rating == null || rating.competency() == null ? "" : rating.competency().strip();
			if (framework.competency(code).isEmpty()) {
				throw ProblemException.invalid(field + ".competency", "competencies.rating.competency");
			}
			if (checked.containsKey(code)) {
				throw ProblemException.invalid(field + ".competency", "competencies.rating.twice");
			}
			if (rating.level() == null || rating.level() < 1 || rating.level() > framework.top()) {
				throw ProblemException.invalid(field + ".level", "competencies.rating.level", framework.top());
			}
			String evidence = rating.evidence() == null ? "" : rating.evidence().strip();
			if (evidence.length() > EVIDENCE_MAX) {
				throw ProblemException.invalid(field + ".evidence", "competencies.rating.evidence.long", EVIDENCE_MAX);
			}
			checked.put(code, new RatingInput(code, rating.level(), evidence));
		}
		Instant now = clock.instant();
		for (RatingInput rating : checked.values()) {
			jdbc.sql("DELETE FROM competencies_rating WHERE assessment_id = ? AND org_id = ? AND competency = ? AND rater = ?")
				.params(assessment.id(), caller.orgId().value(), rating.competency(), rater.name())
				.update();
			jdbc.sql("""
					INSERT INTO competencies_rating (assessment_id, org_id, competency, rater, rated_level, evidence,
					  rated_by, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(assessment.id(), caller.orgId().value(), rating.competency(), rater.name(), rating.level(),
						rating.evidence(), caller.personId().value(), Sql.utc(now))
				.update();
		}
		Assessment rated = load(caller.orgId(), assessment.id()).orElseThrow();
		Set<String> needed = new HashSet<>();
		framework.competenciesFor(rated.profile()).forEach(c -> needed.add(c.code()));
		boolean selfDone = rated.self().keySet().containsAll(needed);
		boolean managerDone = rated.byManager().keySet().containsAll(needed);
		Status status = managerDone ? Status.MANAGER_ASSESSED : selfDone ? Status.SELF_ASSESSED : Status.OPEN;
		jdbc.sql("""
				UPDATE competencies_assessment SET status = ?,
				  self_at = CASE WHEN ? AND self_at IS NULL THEN ? ELSE self_at END,
				  manager_at = CASE WHEN ? AND manager_at IS NULL THEN ? ELSE manager_at END
				WHERE org_id = ? AND id = ?""")
			.params(status.name(), selfDone, Sql.utc(now), managerDone, Sql.utc(now), caller.orgId().value(),
					assessment.id())
			.update();
		audit.record(caller.orgId(), "competencies.assessment-rated", "assessment", assessment.id().toString(),
				rater.name() + " rated " + checked.size());
		return load(caller.orgId(), assessment.id()).orElseThrow();
	}

	/** Signs an assessment off (its manager, or a knowledge manager): its levels become final. */
	@Transactional
	public Assessment signOff(OrgAccess caller, String id) {
		Assessment assessment = get(caller, id);
		if (!canManage(caller, assessment)) {
			throw ProblemException.forbidden();
		}
		if (assessment.status() != Status.MANAGER_ASSESSED) {
			throw ProblemException.conflict(null, assessment.status() == Status.SIGNED_OFF
					? "competencies.assessment.signedOff" : "competencies.assessment.notAssessed");
		}
		jdbc.sql("UPDATE competencies_assessment SET status = ?, signed_off_at = ?, signed_off_by = ? WHERE org_id = ? AND id = ?")
			.params(Status.SIGNED_OFF.name(), Sql.utc(clock.instant()), caller.personId().value(), caller.orgId().value(),
					assessment.id())
			.update();
		audit.record(caller.orgId(), "competencies.assessment-signed-off", "assessment", assessment.id().toString(), null);
		events.publishEvent(new AssessmentSignedOff(caller.orgId(), assessment.id(), assessment.person()));
		return load(caller.orgId(), assessment.id()).orElseThrow();
	}

	/** Row of the assessment table, before names and ratings are added. */
	private record Row(UUID id, UUID cycle, PersonId person, String profile, Status status, Instant createdAt,
			Instant selfAt, Instant managerAt, Instant signedOffAt, PersonId signedOffBy) {
	}

	Optional<Assessment> load(OrgId org, UUID id) {
		return loadAll(org, List.of(id)).stream().findFirst();
	}

	/** Assessments by id, in the order of the ids (unknown ones are left out). */
	List<Assessment> loadAll(OrgId org, List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String marks = String.join(", ", ids.stream().map(i -> "?").toList());
		List<Object> params = new ArrayList<>();
		params.add(org.value());
		params.addAll(ids);
		Map<UUID, Row> rows = new HashMap<>();
		jdbc.sql("SELECT * FROM competencies_assessment WHERE org_id = ? AND id IN (" + marks + ")")
			.params(params)
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), Sql.uuid(rs, "cycle_id"), new PersonId(Sql.uuid(rs, "person_id")),
					rs.getString("profile"), Status.valueOf(rs.getString("status")), Sql.instant(rs, "created_at"),
					Sql.instant(rs, "self_at"), Sql.instant(rs, "manager_at"), Sql.instant(rs, "signed_off_at"),
					Sql.uuid(rs, "signed_off_by") == null ? null : new PersonId(Sql.uuid(rs, "signed_off_by"))))
			.list()
			.forEach(row -> rows.put(row.id(), row));
		Map<UUID, Map<String, Rating>> self = new HashMap<>();
		Map<UUID, Map<String, Rating>> manager = new HashMap<>();
		jdbc.sql("SELECT * FROM competencies_rating WHERE org_id = ? AND assessment_id IN (" + marks + ") ORDER BY competency")
			.params(params)
			.query(rs -> {
				UUID assessment = Sql.uuid(rs, "assessment_id");
				Rating rating = new Rating(rs.getString("competency"), rs.getInt("rated_level"), rs.getString("evidence"),
						new PersonId(Sql.uuid(rs, "rated_by")), Sql.instant(rs, "rated_at"));
				(Rater.valueOf(rs.getString("rater")) == Rater.SELF ? self : manager)
					.computeIfAbsent(assessment, k -> new LinkedHashMap<>())
					.put(rating.competency(), rating);
			});
		Map<UUID, Cycle> cycleById = new HashMap<>();
		Map<PersonId, Optional<PersonId>> managers = new HashMap<>();
		Set<PersonId> people = new HashSet<>();
		for (Row row : rows.values()) {
			people.add(row.person());
			managers.computeIfAbsent(row.person(), p -> organizations.managerOf(org, p)).ifPresent(people::add);
		}
		Map<PersonId, String> names = organizations.names(people);
		List<Assessment> result = new ArrayList<>();
		for (UUID id : ids) {
			Row row = rows.get(id);
			if (row == null) {
				continue;
			}
			Cycle cycle = cycleById.computeIfAbsent(row.cycle(), c -> cycles.find(org, c).orElseThrow());
			PersonId boss = managers.get(row.person()).orElse(null);
			result.add(new Assessment(row.id(), cycle, row.person(), names.get(row.person()), boss,
					boss == null ? null : names.get(boss), row.profile(), row.status(), row.createdAt(), row.selfAt(),
					row.managerAt(), row.signedOffAt(), row.signedOffBy(), self.getOrDefault(id, Map.of()),
					manager.getOrDefault(id, Map.of())));
		}
		return result;
	}

	/** Ids of the latest assessment of each person of the organization that has at least one rating. */
	List<UUID> latestRated(OrgId org) {
		Map<UUID, UUID> latest = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT a.id, a.person_id FROM competencies_assessment a JOIN competencies_cycle c ON c.id = a.cycle_id
				WHERE a.org_id = ? AND EXISTS (SELECT 1 FROM competencies_rating r WHERE r.assessment_id = a.id)
				ORDER BY c.opens_on DESC, a.created_at DESC, a.id""")
			.param(org.value())
			.query(rs -> {
				latest.putIfAbsent(Sql.uuid(rs, "person_id"), Sql.uuid(rs, "id"));
			});
		return List.copyOf(latest.values());
	}

	/** The latest assessment of a person (any status), if any. */
	Optional<UUID> latestOf(OrgId org, PersonId person) {
		return jdbc.sql("""
				SELECT a.id FROM competencies_assessment a JOIN competencies_cycle c ON c.id = a.cycle_id
				WHERE a.org_id = ? AND a.person_id = ? ORDER BY c.opens_on DESC, a.created_at DESC, a.id LIMIT 1""")
			.params(org.value(), person.value())
			.query((rs, n) -> Sql.uuid(rs, "id"))
			.optional();
	}

	/** The latest assessment of a person that has at least one rating, if any. */
	Optional<UUID> latestRatedOf(OrgId org, PersonId person) {
		return jdbc.sql("""
				SELECT a.id FROM competencies_assessment a JOIN competencies_cycle c ON c.id = a.cycle_id
				WHERE a.org_id = ? AND a.person_id = ?
				  AND EXISTS (SELECT 1 FROM competencies_rating r WHERE r.assessment_id = a.id)
				ORDER BY c.opens_on DESC, a.created_at DESC, a.id LIMIT 1""")
			.params(org.value(), person.value())
			.query((rs, n) -> Sql.uuid(rs, "id"))
			.optional();
	}

	/** Counts for the facade's figures: signed off in the period, and not signed off and created before its end. */
	long[] counts(OrgId org, Instant from, Instant to) {
		long signedOff = jdbc.sql("SELECT COUNT(*) FROM competencies_assessment WHERE org_id = ? AND signed_off_at >= ? "
				+ "AND signed_off_at < ?")
			.params(org.value(), Sql.utc(from), Sql.utc(to))
			.query(Long.class)
			.single();
		long open = jdbc.sql("SELECT COUNT(*) FROM competencies_assessment WHERE org_id = ? AND status <> ? AND created_at < ?")
			.params(org.value(), Status.SIGNED_OFF.name(), Sql.utc(to))
			.query(Long.class)
			.single();
		return new long[] {signedOff, open};
	}

	/** Assessments waiting for the person's own rating: not yet self-assessed, in cycles that have not closed. */
	public List<Assessment> waitingForSelf(OrgAccess caller, int limit) {
		List<UUID> ids = jdbc.sql("""
				SELECT a.id FROM competencies_assessment a JOIN competencies_cycle c ON c.id = a.cycle_id
				WHERE a.org_id = ? AND a.person_id = ? AND a.self_at IS NULL AND a.status <> ?
				ORDER BY c.closes_on, a.id LIMIT ?""")
			.params(caller.orgId().value(), caller.personId().value(), Status.SIGNED_OFF.name(), limit)
			.query((rs, n) -> Sql.uuid(rs, "id"))
			.list();
		return loadAll(caller.orgId(), ids);
	}

	/** Assessments of the caller's reports waiting for the manager: to rate, or to sign off. */
	public List<Assessment> waitingForManager(OrgAccess caller, int limit) {
		List<PersonId> reports = organizations.reportsOf(caller.orgId(), caller.personId());
		if (reports.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(caller.orgId().value());
		params.add(Status.SIGNED_OFF.name());
		reports.forEach(p -> params.add(p.value()));
		params.add(limit);
		List<UUID> ids = jdbc.sql("SELECT a.id FROM competencies_assessment a JOIN competencies_cycle c ON c.id = a.cycle_id "
				+ "WHERE a.org_id = ? AND a.status <> ? AND a.person_id IN ("
				+ String.join(", ", reports.stream().map(p -> "?").toList()) + ") ORDER BY c.closes_on, a.id LIMIT ?")
			.params(params)
			.query((rs, n) -> Sql.uuid(rs, "id"))
			.list();
		return loadAll(caller.orgId(), ids);
	}
}
