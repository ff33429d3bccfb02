package org.tacit.organizations.internal;

import org.tacit.shared.Sql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Paging;

/** The organizations_org and organizations_membership tables. */
@Repository
public class OrgStore {

	private static final String LISTED = """
			SELECT o.id, o.slug, o.name, o.created_at, m.role,
			  (SELECT COUNT(*) FROM organizations_membership c WHERE c.org_id = o.id) AS members
			FROM organizations_org o
			LEFT JOIN organizations_membership m ON m.org_id = o.id AND m.person_id = :person
			""";

	private static final RowMapper<OrgRecord> ORG = (rs, n) -> new OrgRecord(new OrgId(Sql.uuid(rs, "id")),
			rs.getString("slug"), rs.getString("name"), Sql.instant(rs, "created_at"),
			rs.getString("role") == null ? null : Role.valueOf(rs.getString("role")), rs.getLong("members"));

	private final JdbcClient jdbc;

	OrgStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OrgRecord> bySlug(String slug, PersonId viewer) {
		return jdbc.sql(LISTED + " WHERE o.slug = :slug")
			.param("person", viewer.value())
			.param("slug", slug)
			.query(ORG)
			.optional();
	}

	/** An organization's id, slug and name with the viewer's role there (null when not a member). */
	record Access(OrgId id, String slug, String name, Role role) {
	}

	/** What every request to an organization's pages and API asks: one indexed read, no counting. */
	Optional<Access> accessOf(String slug, PersonId viewer) {
		return jdbc.sql("""
				SELECT o.id, o.slug, o.name, m.role FROM organizations_org o
				LEFT JOIN organizations_membership m ON m.org_id = o.id AND m.person_id = ?
				WHERE o.slug = ?""")
			.params(viewer.value(), slug)
			.query((rs, n) -> new Access(new OrgId(Sql.uuid(rs, "id")), rs.getString("slug"), rs.getString("name"),
					rs.getString("role") == null ? null : Role.valueOf(rs.getString("role"))))
			.optional();
	}

	Optional<String> slugOf(OrgId id) {
		return jdbc.sql("SELECT slug FROM organizations_org WHERE id = ?").param(id.value()).query(String.class).optional();
	}

	/** Slug and name of an organization. */
	record Names(String slug, String name) {
	}

	Optional<Names> namesOf(OrgId id) {
		return jdbc.sql("SELECT slug, name FROM organizations_org WHERE id = ?")
			.param(id.value())
			.query((rs, n) -> new Names(rs.getString("slug"), rs.getString("name")))
			.optional();
	}

	public boolean slugTaken(String slug) {
		return jdbc.sql("SELECT COUNT(*) FROM organizations_org WHERE slug = ?").param(slug).query(Long.class).single() > 0;
	}

	/** Organizations the person belongs to, or every organization for a site administrator. */
	public List<OrgRecord> visibleTo(PersonId person, boolean all, Paging paging) {
		return jdbc.sql(LISTED + (all ? "" : " WHERE m.role IS NOT NULL")
				+ " ORDER BY LOWER(o.name), o.slug LIMIT :limit OFFSET :offset")
			.param("person", person.value())
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(ORG)
			.list();
	}

	public long countVisibleTo(PersonId person, boolean all) {
		if (all) {
			return jdbc.sql("SELECT COUNT(*) FROM organizations_org").query(Long.class).single();
		}
		return jdbc.sql("SELECT COUNT(*) FROM organizations_membership WHERE person_id = ?")
			.param(person.value())
			.query(Long.class)
			.single();
	}

	void insert(OrgId id, String slug, String name, Instant now) {
		jdbc.sql("INSERT INTO organizations_org (id, slug, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(id.value(), slug, name, Sql.utc(now), Sql.utc(now))
			.update();
	}

	void rename(OrgId id, String name, Instant now) {
		jdbc.sql("UPDATE organizations_org SET name = ?, updated_at = ? WHERE id = ?")
			.params(name, Sql.utc(now), id.value())
			.update();
	}

	public Optional<Role> role(OrgId org, PersonId person) {
		return jdbc.sql("SELECT role FROM organizations_membership WHERE org_id = ? AND person_id = ?")
			.params(org.value(), person.value())
			.query(String.class)
			.optional()
			.map(Role::valueOf);
	}

	void addMember(OrgId org, PersonId person, Role role, Instant now) {
		jdbc.sql("INSERT INTO organizations_membership (org_id, person_id, role, created_at) VALUES (?, ?, ?, ?)")
			.params(org.value(), person.value(), role.name(), Sql.utc(now))
			.update();
	}

	void changeRole(OrgId org, PersonId person, Role role) {
		jdbc.sql("UPDATE organizations_membership SET role = ? WHERE org_id = ? AND person_id = ?")
			.params(role.name(), org.value(), person.value())
			.update();
	}

	void removeMember(OrgId org, PersonId person) {
		// whoever had the leaver as manager has none in this organization from now on
		jdbc.sql("UPDATE organizations_membership SET manager_id = NULL WHERE org_id = ? AND manager_id = ?")
			.params(org.value(), person.value())
			.update();
		jdbc.sql("DELETE FROM organizations_membership WHERE org_id = ? AND person_id = ?")
			.params(org.value(), person.value())
			.update();
	}

	void setManager(OrgId org, PersonId person, PersonId manager) {
		jdbc.sql("UPDATE organizations_membership SET manager_id = ? WHERE org_id = ? AND person_id = ?")
			.params(manager == null ? null : manager.value(), org.value(), person.value())
			.update();
	}

	Optional<PersonId> managerOf(OrgId org, PersonId person) {
		return jdbc.sql("SELECT manager_id FROM organizations_membership WHERE org_id = ? AND person_id = ?")
			.params(org.value(), person.value())
			.query((rs, n) -> Optional.ofNullable(Sql.uuid(rs, "manager_id")).map(PersonId::new))
			.optional()
			.flatMap(found -> found);
	}

	long activeAdmins(OrgId org) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM organizations_membership m JOIN organizations_person p ON p.id = m.person_id
				WHERE m.org_id = ? AND m.role = 'ADMIN' AND p.active = TRUE""")
			.param(org.value())
			.query(Long.class)
			.single();
	}

	/** Organizations of a person with their role there, for the switcher and for account rules. */
	public List<OrgRecord> membershipsOf(PersonId person) {
		return jdbc.sql(LISTED + " WHERE m.role IS NOT NULL ORDER BY LOWER(o.name), o.slug")
			.param("person", person.value())
			.query(ORG)
			.list();
	}
}
