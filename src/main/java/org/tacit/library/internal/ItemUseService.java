package org.tacit.library.internal;

import org.tacit.shared.Sql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.library.ItemReused;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.shared.ProblemException;

/**
 * "I used this" on templates, checklists and work samples. Every use counts and credits the item's
 * owner (through {@link ItemReused}); a second use by the same person within a minute is taken for a
 * double click and refused.
 */
@Service
public class ItemUseService {

	public static final int NOTE_MAX = 2000;
	public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final ItemService items;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ActivityCounts activity;

	ItemUseService(JdbcClient jdbc, ItemService items, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			ActivityCounts activity) {
		this.jdbc = jdbc;
		this.activity = activity;
		this.items = items;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** How often an item was used, and how often and when last by the caller. */
	public record Uses(long total, long yours, Instant yourLast) {
	}

	@Transactional
	public Uses use(OrgAccess access, String itemId, String note) {
		Item item = items.find(access, itemId).orElseThrow(ProblemException::notFound);
		if (!item.kind().reusable()) {
			throw ProblemException.conflict(null, "use.notReusable");
		}
		String checked = Text.optional("note", note, NOTE_MAX);
		// one use at a time per item, so that two clicks cannot both pass the check below
		jdbc.sql("SELECT id FROM library_item WHERE id = ? FOR UPDATE").param(item.id().value()).query(Object.class).list();
		Instant now = clock.instant();
		Uses before = uses(access, item);
		if (before.yourLast() != null && before.yourLast().isAfter(now.minus(MIN_INTERVAL))) {
			throw ProblemException.conflict(null, "use.tooSoon");
		}
		jdbc.sql("INSERT INTO library_use (org_id, item_id, person_id, note, used_at) VALUES (?, ?, ?, ?, ?)")
			.params(access.orgId().value(), item.id().value(), access.personId().value(),
					checked.isEmpty() ? null : checked, Sql.utc(now))
			.update();
		activity.reused(access.orgId(), item.spaceId(), item.kind(), now);
		audit.record(access.orgId(), "item.used", "item", item.id().toString(),
				item.title() + (checked.isEmpty() ? "" : ": " + checked));
		events.publishEvent(new ItemReused(access.orgId(), item.id(), item.ownerId(), access.personId()));
		return uses(access, item);
	}

	@Transactional(readOnly = true)
	public Uses uses(OrgAccess access, String itemId) {
		return uses(access, items.find(access, itemId).orElseThrow(ProblemException::notFound));
	}

	private Uses uses(OrgAccess access, Item item) {
		long total = jdbc.sql("SELECT COUNT(*) FROM library_use WHERE item_id = ? AND org_id = ?")
			.params(item.id().value(), access.orgId().value())
			.query(Long.class)
			.single();
		return jdbc.sql("""
				SELECT COUNT(*) AS uses, MAX(used_at) AS last_used FROM library_use
				WHERE item_id = ? AND org_id = ? AND person_id = ?""")
			.params(item.id().value(), access.orgId().value(), access.personId().value())
			.query((rs, n) -> new Uses(total, rs.getLong("uses"), Sql.instant(rs, "last_used")))
			.single();
	}
}
