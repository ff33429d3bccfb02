package org.tacit.distribution.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/** A person's notifications: the feed, the unread count, marking them read. */
@Service
public class Feed {

	static final String COLUMNS = "id, kind, record_type, record_id, title, path, note, actor_id, reason, channel, created_at, read_at";

	static final RowMapper<Notification> NOTIFICATION = (rs, n) -> {
		String[] reason = rs.getString("reason").split("\\|", 2);
		return new Notification(Sql.uuid(rs, "id"), NotificationKind.valueOf(rs.getString("kind")),
				rs.getString("record_type"), rs.getString("record_id"), rs.getString("title"), rs.getString("path"),
				rs.getString("note"), Sql.uuid(rs, "actor_id"), reason[0], reason.length > 1 ? reason[1] : "",
				Channel.valueOf(rs.getString("channel")), Sql.instant(rs, "created_at"), Sql.instant(rs, "read_at"));
	};

	/** The most notifications marked read by id in one request. */
	public static final int MARK_MAX = 100;

	private final JdbcClient jdbc;
	private final Clock clock;

	Feed(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<Notification> list(OrgAccess access, boolean unreadOnly, Paging paging) {
		String where = " WHERE org_id = :org AND person_id = :person" + (unreadOnly ? " AND read_at IS NULL" : "");
		long total = jdbc.sql("SELECT COUNT(*) FROM distribution_notification" + where)
			.param("org", access.orgId().value())
			.param("person", access.personId().value())
			.query(Long.class)
			.single();
		List<Notification> items = jdbc.sql("SELECT " + COLUMNS + " FROM distribution_notification" + where
				+ " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("org", access.orgId().value())
			.param("person", access.personId().value())
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(NOTIFICATION)
			.list();
		return paging.of(items, total);
	}

	@Transactional(readOnly = true)
	public long unread(OrgAccess access) {
		return jdbc.sql("SELECT COUNT(*) FROM distribution_notification WHERE org_id = ? AND person_id = ? AND read_at IS NULL")
			.params(access.orgId().value(), access.personId().value())
			.query(Long.class)
			.single();
	}

	/**
	 * Marks the caller's notifications read: the ones named (ids of others' or unknown notifications are
	 * ignored), or every one with {@code all}. Returns how many changed. 400 on {@code ids}.
	 */
	@Transactional
	public int markRead(OrgAccess access, List<String> ids, boolean all) {
		if (all) {
			return jdbc.sql("UPDATE distribution_notification SET read_at = ? WHERE org_id = ? AND person_id = ? AND read_at IS NULL")
				.params(Sql.utc(clock.instant()), access.orgId().value(), access.personId().value())
				.update();
		}
		if (ids == null || ids.isEmpty()) {
			throw ProblemException.invalid("ids", "distribution.read.required");
		}
		if (ids.size() > MARK_MAX) {
			throw ProblemException.invalid("ids", "distribution.read.tooMany", MARK_MAX);
		}
		List<UUID> parsed;
		try {
			parsed = ids.stream().map(id -> UUID.fromString(id == null ? "" : id.strip())).toList();
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("ids", "distribution.read.invalid");
		}
		return jdbc.sql("UPDATE distribution_notification SET read_at = :now WHERE org_id = :org AND person_id = :person AND read_at IS NULL AND id IN (:ids)")
			.param("now", Sql.utc(clock.instant()))
			.param("org", access.orgId().value())
			.param("person", access.personId().value())
			.param("ids", parsed)
			.update();
	}
}
