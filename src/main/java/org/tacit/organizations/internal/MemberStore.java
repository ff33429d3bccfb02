package org.tacit.organizations.internal;

import org.tacit.shared.Sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Paging;

/** Reads the members of one organization; every query is bound to that organization. */
@Repository
public class MemberStore {

	/** How the member list can be sorted; the SQL is fixed here, never taken from the request. */
	public enum Sort {

		NAME("LOWER(p.name)"), EMAIL("p.email"), ROLE("m.role"), JOINED("m.created_at");

		private final String column;

		Sort(String column) {
			this.column = column;
		}
	}

	private static final String SELECT = """
			SELECT p.id, p.email, p.name, p.active, m.role, m.created_at, m.manager_id, mp.name AS manager_name
			FROM organizations_membership m JOIN organizations_person p ON p.id = m.person_id
			LEFT JOIN organizations_person mp ON mp.id = m.manager_id
			WHERE m.org_id = :org""";

	private static final RowMapper<MemberRecord> MEMBER = (rs, n) -> new MemberRecord(
			new PersonId(Sql.uuid(rs, "id")), rs.getString("email"), rs.getString("name"),
			Role.valueOf(rs.getString("role")), rs.getBoolean("active"), Sql.instant(rs, "created_at"),
			Sql.uuid(rs, "manager_id") == null ? null : new PersonId(Sql.uuid(rs, "manager_id")),
			rs.getString("manager_name"));

	private final JdbcClient jdbc;

	MemberStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<MemberRecord> list(OrgId org, String query, Sort sort, boolean descending, Paging paging) {
		return jdbc.sql(SELECT + filter(query) + " ORDER BY " + sort.column + (descending ? " DESC" : " ASC")
				+ ", p.id LIMIT :limit OFFSET :offset")
			.param("org", org.value())
			.param("q", like(query))
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(MEMBER)
			.list();
	}

	public long count(OrgId org, String query) {
		return jdbc.sql("SELECT COUNT(*) FROM (" + SELECT + filter(query) + ") x")
			.param("org", org.value())
			.param("q", like(query))
			.query(Long.class)
			.single();
	}

	public Optional<MemberRecord> find(OrgId org, PersonId person) {
		return jdbc.sql(SELECT + " AND p.id = :person")
			.param("org", org.value())
			.param("person", person.value())
			.query(MEMBER)
			.optional();
	}

	/** The active members, by name. */
	List<MemberRecord> active(OrgId org) {
		return jdbc.sql(SELECT + " AND p.active = TRUE ORDER BY LOWER(p.name), p.id")
			.param("org", org.value())
			.query(MEMBER)
			.list();
	}

	Optional<MemberRecord> firstActiveAdmin(OrgId org) {
		return jdbc.sql(SELECT + " AND m.role = 'ADMIN' AND p.active = TRUE ORDER BY m.created_at, p.id")
			.param("org", org.value())
			.query(MEMBER)
			.list()
			.stream()
			.findFirst();
	}

	public Optional<MemberRecord> findByEmail(OrgId org, String email) {
		return jdbc.sql(SELECT + " AND p.email = :email")
			.param("org", org.value())
			.param("email", email.toLowerCase(Locale.ROOT))
			.query(MEMBER)
			.optional();
	}

	/** The members whose manager is {@code manager}, by name. */
	List<PersonId> reportsOf(OrgId org, PersonId manager) {
		return jdbc.sql("""
				SELECT m.person_id FROM organizations_membership m JOIN organizations_person p ON p.id = m.person_id
				WHERE m.org_id = ? AND m.manager_id = ? ORDER BY LOWER(p.name), p.id""")
			.params(org.value(), manager.value())
			.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
			.list();
	}

	long activeCount(OrgId org) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM organizations_membership m JOIN organizations_person p ON p.id = m.person_id
				WHERE m.org_id = ? AND p.active = TRUE""")
			.params(org.value())
			.query(Long.class)
			.single();
	}

	private static String filter(String query) {
		return query == null || query.isBlank() ? ""
				: " AND (LOWER(p.name) LIKE :q ESCAPE '\\' OR p.email LIKE :q ESCAPE '\\')";
	}

	private static String like(String query) {
		if (query == null || query.isBlank()) {
			return "";
		}
		String escaped = query.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}
}
