package org.tacit.organizations.internal;

import org.tacit.shared.Sql;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tacit.organizations.PersonId;

/** The organizations_person table. */
@Repository
public class AccountStore {

	static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(new PersonId(Sql.uuid(rs, "id")),
			rs.getString("email"), rs.getString("name"), rs.getString("password_hash"), rs.getBoolean("site_admin"),
			rs.getBoolean("active"), Sql.uuid(rs, "security_stamp"), rs.getInt("failed_sign_ins"),
			Sql.instant(rs, "locked_until"), Sql.instant(rs, "created_at"));

	private final JdbcClient jdbc;

	AccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Account> byId(PersonId id) {
		return jdbc.sql("SELECT * FROM organizations_person WHERE id = ?").param(id.value()).query(ACCOUNT).optional();
	}

	public Optional<Account> byEmail(String email) {
		return jdbc.sql("SELECT * FROM organizations_person WHERE email = ?").param(email).query(ACCOUNT).optional();
	}

	/** Names by id; at most a few hundred ids at a time (one page of records). */
	java.util.Map<PersonId, String> names(java.util.Collection<PersonId> ids) {
		java.util.Map<PersonId, String> names = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		java.util.List<UUID> values = ids.stream().map(PersonId::value).distinct().toList();
		jdbc.sql("SELECT id, name FROM organizations_person WHERE id IN (:ids)")
			.param("ids", values)
			.query((rs, n) -> names.put(new PersonId(Sql.uuid(rs, "id")), rs.getString("name")))
			.list();
		return names;
	}

	public boolean any() {
		return jdbc.sql("SELECT COUNT(*) FROM organizations_person").query(Long.class).single() > 0;
	}

	void insert(Account a) {
		jdbc.sql("""
				INSERT INTO organizations_person (id, email, name, password_hash, site_admin, active, security_stamp,
				  failed_sign_ins, locked_until, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)""")
			.params(a.id().value(), a.email(), a.name(), a.passwordHash(), a.siteAdmin(), a.active(), a.securityStamp(),
					Sql.utc(a.createdAt()))
			.update();
	}

	void rename(PersonId id, String name) {
		jdbc.sql("UPDATE organizations_person SET name = ? WHERE id = ?").params(name, id.value()).update();
	}

	/** A new password ends every session of the person (a new security stamp). */
	void setPassword(PersonId id, String hash) {
		jdbc.sql("""
				UPDATE organizations_person SET password_hash = ?, security_stamp = ?, failed_sign_ins = 0,
				  locked_until = NULL WHERE id = ?""")
			.params(hash, UUID.randomUUID(), id.value())
			.update();
	}

	void setActive(PersonId id, boolean active) {
		jdbc.sql("UPDATE organizations_person SET active = ?, security_stamp = ? WHERE id = ?")
			.params(active, UUID.randomUUID(), id.value())
			.update();
	}

	public void recordFailedSignIn(PersonId id, int failures, Instant lockedUntil) {
		jdbc.sql("UPDATE organizations_person SET failed_sign_ins = ?, locked_until = ? WHERE id = ?")
			.params(failures, Sql.utc(lockedUntil), id.value())
			.update();
	}

	public void recordSuccessfulSignIn(PersonId id) {
		jdbc.sql("UPDATE organizations_person SET failed_sign_ins = 0, locked_until = NULL WHERE id = ? AND failed_sign_ins > 0")
			.param(id.value())
			.update();
	}
}
