package org.tacit.retention.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.retention.PlanId;
import org.tacit.retention.RiskAssessed;
import org.tacit.retention.RiskBand;
import org.tacit.retention.RiskId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/**
 * The knowledge-loss risk register: entries, their scores (attrition × position), the organization's
 * scoring method, and the daily recomputation as departures come closer. Who sees what is decided by
 * {@link RiskAccess}, inside every query.
 */
@Service
public class RiskService {

	public static final int AREAS_MAX = 20;
	public static final int AREA_MAX = 1000;
	public static final int AREA_TAGS_MAX = 10;
	public static final int POSITION_MAX = 200;
	public static final int REASON_MAX = 1000;
	public static final int NOTES_MAX = 4000;

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final RiskAccess access;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	RiskService(JdbcClient jdbc, Organizations organizations, RiskAccess access, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.access = access;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Today, in UTC, as the scores count days. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/** What a form or request asks an entry to be; {@code departureDate} as YYYY-MM-DD. */
	public record RiskChange(String person, String position, List<AreaInput> knowledgeAreas, String departureType,
			String departureDate, String departureReason, Integer attritionRisk, Integer criticality, Integer uniqueness,
			Integer documentationGap, Integer positionRisk, String notes, String status) {
	}

	/** A knowledge area as typed. */
	public record AreaInput(String description, List<String> tags) {
	}

	/** How the register is sorted; the SQL is fixed here, never taken from the request. */
	public enum Sort {

		TOTAL("r.total"), ATTRITION("r.attrition_risk"), POSITION("r.position_risk"), DEPARTURE("r.departure_date"),
		UPDATED("r.updated_at");

		private final String column;

		Sort(String column) {
			this.column = column;
		}
	}

	/** What the register can be narrowed to; null fields do not narrow. */
	public record Filter(RiskBand band, Risk.Status status, Risk.DepartureType departureType, Boolean planned,
			PersonId person, Sort sort, boolean descending) {

		public static Filter open() {
			return new Filter(null, Risk.Status.OPEN, null, null, null, Sort.TOTAL, true);
		}
	}

	// ---- the scoring method of an organization

	@Transactional(readOnly = true)
	public RiskMethod method(OrgId org) {
		return jdbc.sql("SELECT * FROM retention_settings WHERE org_id = ?")
			.param(org.value())
			.query((rs, n) -> new RiskMethod(rs.getInt("attrition5_months"), rs.getInt("attrition4_months"),
					rs.getInt("attrition3_months"), rs.getInt("attrition2_months"), rs.getInt("high_from"),
					rs.getInt("medium_from")))
			.optional()
			.orElse(RiskMethod.DEFAULTS);
	}

	/** Sets the organization's method (knowledge managers and administrators); every open entry is scored again. */
	@Transactional
	public RiskMethod saveMethod(OrgAccess caller, RiskMethod method) {
		if (!access.seesAll(caller)) {
			throw ProblemException.forbidden();
		}
		RiskMethod checked = method.checked();
		jdbc.sql("DELETE FROM retention_settings WHERE org_id = ?").param(caller.orgId().value()).update();
		jdbc.sql("""
				INSERT INTO retention_settings (org_id, attrition5_months, attrition4_months, attrition3_months,
				  attrition2_months, high_from, medium_from, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caller.orgId().value(), checked.attrition5Months(), checked.attrition4Months(),
					checked.attrition3Months(), checked.attrition2Months(), checked.highFrom(), checked.mediumFrom(),
					Sql.utc(clock.instant()))
			.update();
		audit.record(caller.orgId(), "retention.method-changed", "organization", caller.orgId().toString(),
				checked.toString());
		rescore(caller.orgId(), "1 = 1", List.of());
		return checked;
	}

	// ---- entries

	@Transactional
	public Risk create(OrgAccess caller, RiskChange change) {
		PersonId person = person(caller, change.person());
		if (person == null ? !access.seesAll(caller) : !access.canManage(caller, person)) {
			throw ProblemException.forbidden();
		}
		Checked checked = check(caller.orgId(), change, person, null);
		RiskId id = RiskId.random();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO retention_risk (id, org_id, person_id, position_title, departure_type, departure_date,
				  departure_reason, attrition_given, criticality, uniqueness, documentation_gap, position_risk,
				  attrition_risk, total, band, computed_on, status, notes, created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id.value(), caller.orgId().value(), person == null ? null : person.value(), checked.position,
					checked.departure.type().name(), checked.departure.date(), checked.departure.reason(),
					checked.attritionGiven, checked.criticality, checked.uniqueness, checked.documentationGap,
					checked.positionRisk, checked.attrition, checked.total(), checked.band.name(), today(),
					checked.status.name(), checked.notes, caller.personId().value(), Sql.utc(now), Sql.utc(now))
			.update();
		writeAreas(id, checked.areas);
		audit.record(caller.orgId(), "risk.created", "risk", id.toString(), checked.position + " " + checked.total());
		events.publishEvent(new RiskAssessed(caller.orgId(), id, person, checked.total(), checked.band));
		return get(caller, id.toString());
	}

	@Transactional
	public Risk update(OrgAccess caller, String id, RiskChange change) {
		Risk risk = get(caller, id);
		if (!access.canManage(caller, risk.person())) {
			throw ProblemException.forbidden();
		}
		if (change.person() != null && !change.person().isBlank()
				&& !Objects.equals(person(caller, change.person()), risk.person())) {
			throw ProblemException.invalid("person", "retention.risk.personFixed");
		}
		Checked checked = check(caller.orgId(), change, risk.person(), risk);
		jdbc.sql("""
				UPDATE retention_risk SET position_title = ?, departure_type = ?, departure_date = ?, departure_reason = ?,
				  attrition_given = ?, criticality = ?, uniqueness = ?, documentation_gap = ?, position_risk = ?,
				  attrition_risk = ?, total = ?, band = ?, computed_on = ?, status = ?, notes = ?, updated_at = ?
				WHERE id = ? AND org_id = ?""")
			.params(checked.position, checked.departure.type().name(), checked.departure.date(),
					checked.departure.reason(), checked.attritionGiven, checked.criticality, checked.uniqueness,
					checked.documentationGap, checked.positionRisk, checked.attrition, checked.total(),
					checked.band.name(), today(), checked.status.name(), checked.notes, Sql.utc(clock.instant()),
					risk.id().value(), caller.orgId().value())
			.update();
		jdbc.sql("DELETE FROM retention_risk_area WHERE risk_id = ?").param(risk.id().value()).update();
		writeAreas(risk.id(), checked.areas);
		audit.record(caller.orgId(), checked.status == risk.status() ? "risk.updated" : "risk." + checked.status.name().toLowerCase(java.util.Locale.ROOT),
				"risk", risk.id().toString(), risk.subject() + " " + checked.total());
		events.publishEvent(new RiskAssessed(caller.orgId(), risk.id(), risk.person(), checked.total(), checked.band));
		return get(caller, risk.id().toString());
	}

	private void writeAreas(RiskId id, List<Risk.KnowledgeArea> areas) {
		for (int i = 0; i < areas.size(); i++) {
			jdbc.sql("INSERT INTO retention_risk_area (risk_id, sort_order, description, tags) VALUES (?, ?, ?, ?)")
				.params(id.value(), i, areas.get(i).description(), String.join(",", areas.get(i).tags()))
				.update();
		}
	}

	/** An entry the caller may see; 404 otherwise (whether it exists is not revealed). */
	@Transactional(readOnly = true)
	public Risk get(OrgAccess caller, String id) {
		Risk risk = find(caller.orgId(), parse(id)).orElseThrow(ProblemException::notFound);
		if (risk.person() == null ? !access.seesAll(caller) : !access.canSee(caller, risk.person())) {
			throw ProblemException.notFound();
		}
		return risk;
	}

	/** An entry of the organization, whoever asks: for checks inside this module. */
	@Transactional(readOnly = true)
	public Optional<Risk> find(OrgId org, RiskId id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM retention_risk WHERE org_id = ? AND id = ?")
			.params(org.value(), id.value())
			.query(this::row)
			.optional()
			.map(this::complete);
	}

	static RiskId parse(String id) {
		try {
			return id == null ? null : new RiskId(UUID.fromString(id.strip()));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The entries the caller may see, narrowed and sorted; refreshed first if a day has passed. */
	@Transactional
	public Page<Risk> list(OrgAccess caller, Filter filter, Paging paging) {
		refresh(caller.orgId());
		StringBuilder where = new StringBuilder("r.org_id = :org");
		Map<String, Object> params = new HashMap<>();
		params.put("org", caller.orgId().value());
		if (!access.seesAll(caller)) {
			where.append(" AND (r.person_id = :me OR r.person_id IN (:reports))");
			params.put("me", caller.personId().value());
			params.put("reports", access.reportIds(caller));
		}
		if (filter.band() != null) {
			where.append(" AND r.band = :band");
			params.put("band", filter.band().name());
		}
		if (filter.status() != null) {
			where.append(" AND r.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.departureType() != null) {
			where.append(" AND r.departure_type = :departureType");
			params.put("departureType", filter.departureType().name());
		}
		if (filter.person() != null) {
			where.append(" AND r.person_id = :person");
			params.put("person", filter.person().value());
		}
		if (filter.planned() != null) {
			where.append(filter.planned() ? " AND " : " AND NOT ").append(COVERED);
		}
		Sort sort = filter.sort() == null ? Sort.TOTAL : filter.sort();
		String direction = filter.descending() ? " DESC" : " ASC";
		// entries without a date come last either way (the databases disagree on where NULL sorts)
		String order = (sort == Sort.DEPARTURE ? "CASE WHEN r.departure_date IS NULL THEN 1 ELSE 0 END, " : "")
				+ sort.column + direction;
		long total = jdbc.sql("SELECT COUNT(*) FROM retention_risk r WHERE " + where).params(params).query(Long.class).single();
		List<Risk> rows = jdbc.sql("SELECT r.* FROM retention_risk r WHERE " + where + " ORDER BY " + order
				+ ", r.total DESC, r.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(this::row)
			.list();
		return paging.of(named(rows).stream().map(this::complete).toList(), total);
	}

	/** An entry is covered when it has a plan in progress or completed. */
	static final String COVERED = """
			EXISTS (SELECT 1 FROM retention_plan p WHERE p.risk_id = r.id AND p.status <> 'CANCELLED')""";

	// ---- scores as time passes

	/** Once an hour: entries last scored before today are scored again (the departure came a day closer). */
	@Scheduled(fixedDelay = 60, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
	@Transactional
	public int refreshDue() {
		return rescore(null, "status = 'OPEN' AND computed_on < ?", List.of(today()));
	}

	/** Scores the organization's entries again if a day has passed since they were scored. */
	@Transactional
	public int refresh(OrgId org) {
		return rescore(org, "status = 'OPEN' AND computed_on < ?", List.of(today()));
	}

	/** Scores entries again with their organization's method; announces those whose total or band moved. */
	private int rescore(OrgId org, String condition, List<Object> params) {
		record Due(RiskId id, OrgId org, PersonId person, LocalDate date, Integer given, int position, int total,
				RiskBand band) {
		}
		List<Due> due = jdbc.sql("SELECT id, org_id, person_id, departure_date, attrition_given, position_risk, total, band"
				+ " FROM retention_risk WHERE " + (org == null ? "" : "org_id = ? AND ") + condition)
			.params(org == null ? params : prepend(org.value(), params))
			.query((rs, n) -> new Due(new RiskId(Sql.uuid(rs, "id")), new OrgId(Sql.uuid(rs, "org_id")),
					personOf(rs), rs.getObject("departure_date", LocalDate.class), integer(rs, "attrition_given"),
					rs.getInt("position_risk"), rs.getInt("total"), RiskBand.valueOf(rs.getString("band"))))
			.list();
		Map<OrgId, RiskMethod> methods = new HashMap<>();
		LocalDate today = today();
		int moved = 0;
		for (Due d : due) {
			RiskMethod method = methods.computeIfAbsent(d.org(), this::method);
			int attrition = attrition(method, d.date(), d.given(), today);
			int total = attrition * d.position();
			RiskBand band = method.band(total);
			jdbc.sql("UPDATE retention_risk SET attrition_risk = ?, total = ?, band = ?, computed_on = ? WHERE id = ?")
				.params(attrition, total, band.name(), today, d.id().value())
				.update();
			if (total != d.total() || band != d.band()) {
				events.publishEvent(new RiskAssessed(d.org(), d.id(), d.person(), total, band));
				moved++;
			}
		}
		return moved;
	}

	private static List<Object> prepend(Object first, List<Object> rest) {
		List<Object> all = new ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

	/** From the date when there is one; else the assessor's value; else 1 (no departure expected). */
	static int attrition(RiskMethod method, LocalDate date, Integer given, LocalDate today) {
		if (date != null) {
			return method.attrition(date, today);
		}
		return given == null ? 1 : given;
	}

	// ---- checks

	private record Checked(String position, List<Risk.KnowledgeArea> areas, Risk.Departure departure,
			Integer attritionGiven, Integer criticality, Integer uniqueness, Integer documentationGap, int positionRisk,
			int attrition, RiskBand band, Risk.Status status, String notes) {

		int total() {
			return attrition * positionRisk;
		}
	}

	private PersonId person(OrgAccess caller, String idOrEmail) {
		if (idOrEmail == null || idOrEmail.isBlank()) {
			return null;
		}
		return organizations.findMember(caller.orgId(), idOrEmail)
			.filter(Organizations.Member::active)
			.map(Organizations.Member::id)
			.orElseThrow(() -> ProblemException.invalid("person", "retention.person.unknown"));
	}

	private Checked check(OrgId org, RiskChange change, PersonId person, Risk before) {
		String position = Input.text("position", change.position(), POSITION_MAX, person == null);
		List<AreaInput> rawAreas = Input.limited("knowledgeAreas", change.knowledgeAreas(), AREAS_MAX);
		List<Risk.KnowledgeArea> areas = new ArrayList<>();
		for (int i = 0; i < rawAreas.size(); i++) {
			AreaInput area = rawAreas.get(i);
			if (area == null) {
				continue;
			}
			String description = Input.text("knowledgeAreas[" + i + "].description", area.description(), AREA_MAX, true);
			areas.add(new Risk.KnowledgeArea(description,
					Input.tags("knowledgeAreas[" + i + "].tags", area.tags(), AREA_TAGS_MAX)));
		}
		if (areas.isEmpty()) {
			throw ProblemException.invalid("knowledgeAreas", "retention.risk.areas.required");
		}
		Risk.DepartureType type = Input.choice("departure.type", change.departureType(), Risk.DepartureType.class);
		if (type == null) {
			throw ProblemException.invalid("departure.type", "problem.field.required");
		}
		LocalDate today = today();
		LocalDate date = Input.date("departure.date", change.departureDate());
		// a planned departure lies ahead; an entry kept past its date keeps that date
		if (before == null || !Objects.equals(date, before.departure().date())) {
			Input.notPast("departure.date", date, today);
		}
		String reason = Input.text("departure.reason", change.departureReason(), REASON_MAX, false);
		if (date == null && reason.isEmpty()) {
			throw ProblemException.invalid("departure.date", "retention.risk.departure.required");
		}
		Integer given = date == null ? Input.score("attritionRisk", change.attritionRisk(), false) : null;
		Integer criticality = Input.score("criticality", change.criticality(), false);
		Integer uniqueness = Input.score("uniqueness", change.uniqueness(), false);
		Integer gap = Input.score("documentationGap", change.documentationGap(), false);
		Integer positionRisk = Input.score("positionRisk", change.positionRisk(), false);
		if (positionRisk == null) {
			if (criticality == null || uniqueness == null || gap == null) {
				throw ProblemException.invalid("positionRisk", "retention.risk.position.required");
			}
			positionRisk = suggestedPositionRisk(criticality, uniqueness, gap);
		}
		Risk.Status status = Input.choice("status", change.status(), Risk.Status.class);
		String notes = Input.text("notes", change.notes(), NOTES_MAX, false);
		RiskMethod method = method(org);
		int attrition = attrition(method, date, given, today);
		return new Checked(position, areas, new Risk.Departure(type, date, reason), given, criticality, uniqueness, gap,
				positionRisk, attrition, method.band(attrition * positionRisk),
				status == null ? before == null ? Risk.Status.OPEN : before.status() : status, notes);
	}

	/** The position risk the three aspects suggest: their mean, rounded half up. */
	public static int suggestedPositionRisk(int criticality, int uniqueness, int documentationGap) {
		return (int) Math.round((criticality + uniqueness + documentationGap) / 3.0);
	}

	// ---- reading rows

	private Risk row(ResultSet rs, int n) throws SQLException {
		return new Risk(new RiskId(Sql.uuid(rs, "id")), personOf(rs), null, rs.getString("position_title"), List.of(),
				new Risk.Departure(Risk.DepartureType.valueOf(rs.getString("departure_type")),
						rs.getObject("departure_date", LocalDate.class), rs.getString("departure_reason")),
				integer(rs, "attrition_given"), integer(rs, "criticality"), integer(rs, "uniqueness"),
				integer(rs, "documentation_gap"), rs.getInt("position_risk"), rs.getInt("attrition_risk"),
				rs.getInt("total"), RiskBand.valueOf(rs.getString("band")), Risk.Status.valueOf(rs.getString("status")),
				rs.getString("notes"), new PersonId(Sql.uuid(rs, "created_by")), Sql.instant(rs, "created_at"),
				Sql.instant(rs, "updated_at"), null);
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static PersonId personOf(ResultSet rs) throws SQLException {
		UUID person = Sql.uuid(rs, "person_id");
		return person == null ? null : new PersonId(person);
	}

	/** Names of the people of a page of entries, in one look-up. */
	private List<Risk> named(List<Risk> risks) {
		Map<PersonId, String> names = organizations.names(risks.stream().map(Risk::person).filter(Objects::nonNull).toList());
		return risks.stream().map(r -> r.person() == null ? r : with(r, names.getOrDefault(r.person(), ""), r.areas(), r.plan())).toList();
	}

	private Risk complete(Risk risk) {
		String name = risk.personName();
		if (name == null && risk.person() != null) {
			name = organizations.names(List.of(risk.person())).getOrDefault(risk.person(), "");
		}
		List<Risk.KnowledgeArea> areas = jdbc.sql("SELECT description, tags FROM retention_risk_area WHERE risk_id = ? ORDER BY sort_order")
			.param(risk.id().value())
			.query((rs, n) -> new Risk.KnowledgeArea(rs.getString("description"), Input.split(rs.getString("tags"))))
			.list();
		Risk.PlanRef plan = jdbc.sql("""
				SELECT id, status FROM retention_plan WHERE risk_id = ? AND status <> 'CANCELLED'
				ORDER BY CASE WHEN status = 'ACTIVE' THEN 0 ELSE 1 END, created_at DESC""")
			.param(risk.id().value())
			.query((rs, n) -> new Risk.PlanRef(new PlanId(Sql.uuid(rs, "id")), Plan.Status.valueOf(rs.getString("status"))))
			.list()
			.stream()
			.findFirst()
			.orElse(null);
		return with(risk, name, areas, plan);
	}

	private static Risk with(Risk r, String name, List<Risk.KnowledgeArea> areas, Risk.PlanRef plan) {
		return new Risk(r.id(), r.person(), name, r.position(), areas, r.departure(), r.attritionGiven(), r.criticality(),
				r.uniqueness(), r.documentationGap(), r.positionRisk(), r.attritionRisk(), r.total(), r.band(), r.status(),
				r.notes(), r.createdBy(), r.createdAt(), r.updatedAt(), plan);
	}
}
