package org.tacit.competencies.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/** Assessment cycles: knowledge managers and administrators open them; every member sees them. */
@Service
public class CycleService {

	/** The longest a cycle may run, in days. */
	public static final int DAYS_MAX = 3 * 366;

	private final JdbcClient jdbc;
	private final FrameworkService frameworks;
	private final AuditLog audit;
	private final Clock clock;

	CycleService(JdbcClient jdbc, FrameworkService frameworks, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.frameworks = frameworks;
		this.audit = audit;
		this.clock = clock;
	}

	/** A cycle as sent: its name, the framework's id, and the first and last day (ISO dates). */
	public record Input(String name, String framework, String opens, String closes) {
	}

	@Transactional
	public Cycle create(OrgAccess caller, Input input) {
		caller.require(Role.KNOWLEDGE_MANAGER);
		Input body = input == null ? new Input(null, null, null, null) : input;
		String name = FrameworkService.name(body.name());
		if (body.framework() == null || body.framework().isBlank()) {
			throw ProblemException.invalid("framework", "competencies.cycle.framework.missing");
		}
		UUID frameworkId;
		try {
			frameworkId = UUID.fromString(body.framework().strip());
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("framework", "competencies.cycle.framework.unknown");
		}
		Framework framework = frameworks.find(caller.orgId(), frameworkId)
			.orElseThrow(() -> ProblemException.invalid("framework", "competencies.cycle.framework.unknown"));
		LocalDate opens = date(body.opens(), "opens");
		LocalDate closes = date(body.closes(), "closes");
		if (closes.isBefore(opens)) {
			throw ProblemException.invalid("closes", "competencies.cycle.closes.before");
		}
		if (closes.isAfter(opens.plusDays(DAYS_MAX))) {
			throw ProblemException.invalid("closes", "competencies.cycle.closes.far", DAYS_MAX);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO competencies_cycle (id, org_id, name, framework_id, opens_on, closes_on, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.orgId().value(), name, framework.id(), opens, closes, caller.personId().value(),
					Sql.utc(clock.instant()))
			.update();
		audit.record(caller.orgId(), "competencies.cycle-created", "assessment-cycle", id.toString(), name);
		return find(caller.orgId(), id).orElseThrow();
	}

	private static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalid(field, "competencies.cycle.date.missing");
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw ProblemException.invalid(field, "competencies.cycle.date.bad");
		}
	}

	private static final String SELECT = """
			SELECT c.id, c.name, c.framework_id, f.name AS framework_name, c.opens_on, c.closes_on, c.created_at
			FROM competencies_cycle c JOIN competencies_framework f ON f.id = c.framework_id AND f.org_id = c.org_id
			WHERE c.org_id = ?""";

	private static Cycle row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Cycle(Sql.uuid(rs, "id"), rs.getString("name"), Sql.uuid(rs, "framework_id"),
				rs.getString("framework_name"), rs.getObject("opens_on", LocalDate.class),
				rs.getObject("closes_on", LocalDate.class), Sql.instant(rs, "created_at"));
	}

	/** The organization's cycles, latest opening first. */
	public Page<Cycle> list(OrgId org, Paging paging) {
		long total = jdbc.sql("SELECT COUNT(*) FROM competencies_cycle WHERE org_id = ?")
			.param(org.value())
			.query(Long.class)
			.single();
		List<Cycle> items = jdbc.sql(SELECT + " ORDER BY c.opens_on DESC, c.created_at DESC, c.id LIMIT ? OFFSET ?")
			.params(org.value(), paging.size(), paging.offset())
			.query((rs, n) -> row(rs))
			.list();
		return paging.of(items, total);
	}

	public Optional<Cycle> find(OrgId org, UUID id) {
		return jdbc.sql(SELECT + " AND c.id = ?").params(org.value(), id).query((rs, n) -> row(rs)).optional();
	}

	public Cycle get(OrgId org, String id) {
		return find(org, FrameworkService.uuid(id)).orElseThrow(ProblemException::notFound);
	}
}
