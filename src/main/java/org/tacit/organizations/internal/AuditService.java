package org.tacit.organizations.internal;

import org.tacit.shared.Sql;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.organizations.security.TacitUser;
import org.tacit.shared.Paging;

/** Writes and reads the audit log. Entries join the caller's transaction: no change goes unrecorded. */
@Service
public class AuditService implements AuditLog {

	private static final int DETAIL_MAX = 1000;
	private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getLong("id"),
			rs.getString("actor_email"), rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
			rs.getString("detail"), Sql.instant(rs, "at"));

	private final JdbcClient jdbc;
	private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
	private final Clock clock;

	AuditService(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(OrgId org, String action, String targetType, String targetId, String detail) {
		TacitUser actor = CurrentUser.get().orElse(null);
		String shortDetail = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX);
		jdbc.sql("""
				INSERT INTO organizations_audit (org_id, actor_id, actor_email, action, target_type, target_id, detail, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(org == null ? null : org.value(), actor == null ? null : actor.personId().value(),
					actor == null ? null : actor.email(), action, targetType, targetId, shortDetail,
					Sql.utc(clock.instant()))
			.update();
	}

	/** The same rows as {@link #record} writes, in one JDBC batch. */
	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(OrgId org, List<Entry> entries) {
		TacitUser actor = CurrentUser.get().orElse(null);
		java.time.OffsetDateTime at = Sql.utc(clock.instant());
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			String detail = e.detail() == null || e.detail().length() <= DETAIL_MAX ? e.detail()
					: e.detail().substring(0, DETAIL_MAX);
			rows.add(new Object[] { org == null ? null : org.value(), actor == null ? null : actor.personId().value(),
					actor == null ? null : actor.email(), e.action(), e.targetType(), e.targetId(), detail, at });
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO organizations_audit (org_id, actor_id, actor_email, action, target_type, target_id, detail, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	/** What the audit list can be narrowed to; every field is optional. */
	public record Filter(String actor, String action, Instant from, Instant to) {

		public static Filter none() {
			return new Filter(null, null, null, null);
		}
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> list(OrgId org, Filter filter, Paging paging) {
		Query query = query(org, filter);
		return jdbc.sql("SELECT * FROM organizations_audit WHERE " + query.where
				+ " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
			.params(query.params)
			.param(paging.size())
			.param(paging.offset())
			.query(ENTRY)
			.list();
	}

	@Transactional(readOnly = true)
	public long count(OrgId org, Filter filter) {
		Query query = query(org, filter);
		return jdbc.sql("SELECT COUNT(*) FROM organizations_audit WHERE " + query.where)
			.params(query.params)
			.query(Long.class)
			.single();
	}

	private record Query(String where, List<Object> params) {
	}

	private static Query query(OrgId org, Filter filter) {
		// entries of no organization (installation set-up, tokens, own password) are the site administrators'
		StringBuilder where = new StringBuilder(org == null ? "org_id IS NULL" : "org_id = ?");
		List<Object> params = new ArrayList<>();
		if (org != null) {
			params.add(org.value());
		}
		if (filter.actor() != null && !filter.actor().isBlank()) {
			where.append(" AND actor_email = ?");
			params.add(filter.actor().strip().toLowerCase(Locale.ROOT));
		}
		if (filter.action() != null && !filter.action().isBlank()) {
			where.append(" AND action = ?");
			params.add(filter.action().strip());
		}
		if (filter.from() != null) {
			where.append(" AND at >= ?");
			params.add(Sql.utc(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" AND at < ?");
			params.add(Sql.utc(filter.to()));
		}
		return new Query(where.toString(), params);
	}
}
