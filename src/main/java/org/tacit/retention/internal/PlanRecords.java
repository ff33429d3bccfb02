package org.tacit.retention.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.RecordLookup;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Sql;

/**
 * Knowledge transfer plans as other modules link to them (type {@code plan}, for example a KM initiative
 * that runs them). A plan is seen by those who see its risk entry: knowledge managers and administrators,
 * the person's manager, and the person.
 */
@Component
class PlanRecords implements RecordLookup {

	static final String TYPE = "plan";

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final RiskAccess access;

	PlanRecords(JdbcClient jdbc, Organizations organizations, RiskAccess access) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.access = access;
	}

	@Override
	public Set<String> types() {
		return Set.of(TYPE);
	}

	private record Row(UUID id, UUID person, String position) {
	}

	@Override
	public Optional<RecordRef> find(UUID org, String type, String id, UUID viewer) {
		UUID plan;
		try {
			plan = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		Optional<Row> row = jdbc.sql("""
				SELECT p.id, r.person_id, r.position_title FROM retention_plan p JOIN retention_risk r ON r.id = p.risk_id
				WHERE p.org_id = ? AND p.id = ?""")
			.param(org)
			.param(plan)
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), Sql.uuid(rs, "person_id"), rs.getString("position_title")))
			.optional();
		return row.filter(r -> viewer == null || organizations.memberAccess(new OrgId(org), new PersonId(viewer))
			.map(caller -> r.person() == null ? access.seesAll(caller) : access.canSee(caller, new PersonId(r.person())))
			.orElse(false))
			.map(r -> new RecordRef(TYPE, r.id().toString(), r.position(), "plans/" + r.id()));
	}
}
