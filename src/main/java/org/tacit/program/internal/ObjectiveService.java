package org.tacit.program.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

/** Strategy objectives: knowledge managers and administrators write them, every member reads them. */
@Service
public class ObjectiveService {

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final ProgramAccess access;
	private final AuditLog audit;
	private final Clock clock;

	ObjectiveService(JdbcClient jdbc, Organizations organizations, ProgramAccess access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** What is sent: every field optional on a change (null keeps it); owner by id or email, blank for none. */
	public record Input(String title, String description, String owner) {
	}

	@Transactional
	public Objective create(OrgAccess caller, Input input) {
		access.requireManager(caller);
		Input in = input == null ? new Input(null, null, null) : input;
		String title = Inputs.title(in.title(), "title");
		String description = Inputs.description(in.description(), "description");
		PersonId owner = in.owner() == null || in.owner().isBlank() ? caller.personId()
				: access.member(caller, in.owner(), "owner").id();
		long count = jdbc.sql("SELECT COUNT(*) FROM program_objective WHERE org_id = ?")
			.param(caller.orgId().value())
			.query(Long.class)
			.single();
		if (count >= ProgramLimits.OBJECTIVES_MAX) {
			throw ProblemException.conflict("title", "program.objective.tooMany", ProgramLimits.OBJECTIVES_MAX);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO program_objective (id, org_id, title, description, owner_id, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.orgId().value(), title, description, owner == null ? null : owner.value(), Sql.utc(now),
					Sql.utc(now))
			.update();
		audit.record(caller.orgId(), "program.objective-created", "objective", id.toString(), title);
		return get(caller, id);
	}

	@Transactional
	public Objective update(OrgAccess caller, UUID id, Input input) {
		access.requireManager(caller);
		Objective current = get(caller, id);
		Input in = input == null ? new Input(null, null, null) : input;
		String title = in.title() == null ? current.title() : Inputs.title(in.title(), "title");
		String description = in.description() == null ? current.description()
				: Inputs.description(in.description(), "description");
		PersonId owner = current.owner() == null ? null : current.owner().id();
		if (in.owner() != null) {
			owner = in.owner().isBlank() ? null : access.member(caller, in.owner(), "owner").id();
		}
		jdbc.sql("""
				UPDATE program_objective SET title = ?, description = ?, owner_id = ?, updated_at = ?
				WHERE org_id = ? AND id = ?""")
			.params(title, description, owner == null ? null : owner.value(), Sql.utc(clock.instant()),
					caller.orgId().value(), id)
			.update();
		audit.record(caller.orgId(), "program.objective-updated", "objective", id.toString(), title);
		return get(caller, id);
	}

	@Transactional(readOnly = true)
	public Objective get(OrgAccess caller, UUID id) {
		return query(caller.orgId(), "AND id = ?", List.of(id), 1, 0).stream()
			.findFirst()
			.orElseThrow(ProblemException::notFound);
	}

	/** The objective with this id (for a link from an initiative); 400 on {@code field} if not in the organization. */
	public Objective require(OrgAccess caller, String id, String field) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(field, "program.objective.unknown");
		}
		return query(caller.orgId(), "AND id = ?", List.of(uuid), 1, 0).stream()
			.findFirst()
			.orElseThrow(() -> ProblemException.invalid(field, "program.objective.unknown"));
	}

	@Transactional(readOnly = true)
	public Page<Objective> list(OrgAccess caller, Paging paging) {
		long total = jdbc.sql("SELECT COUNT(*) FROM program_objective WHERE org_id = ?")
			.param(caller.orgId().value())
			.query(Long.class)
			.single();
		return paging.of(query(caller.orgId(), "", List.of(), paging.size(), paging.offset()), total);
	}

	/** Every objective of the organization, by title (at most {@link ProgramLimits#OBJECTIVES_MAX}). */
	@Transactional(readOnly = true)
	public List<Objective> all(OrgId org) {
		return query(org, "", List.of(), ProgramLimits.OBJECTIVES_MAX, 0);
	}

	private List<Objective> query(OrgId org, String condition, List<?> params, int limit, long offset) {
		record Row(UUID id, String title, String description, UUID owner, Instant created, Instant updated) {
		}
		List<Row> rows = jdbc.sql("SELECT * FROM program_objective WHERE org_id = ? " + condition
				+ " ORDER BY LOWER(title), id LIMIT ? OFFSET ?")
			.param(org.value())
			.params(params)
			.param(limit)
			.param(offset)
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), rs.getString("title"), rs.getString("description"),
					Sql.uuid(rs, "owner_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")))
			.list();
		Set<PersonId> people = new HashSet<>();
		rows.stream().filter(r -> r.owner() != null).forEach(r -> people.add(new PersonId(r.owner())));
		Map<PersonId, String> names = organizations.names(people);
		return rows.stream().map(r -> new Objective(r.id(), r.title(), r.description(),
				r.owner() == null ? null : new Person(new PersonId(r.owner()), names.get(new PersonId(r.owner()))),
				r.created(), r.updated())).toList();
	}
}
