package org.tacit.lessons.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tacit.lessons.ActionAssigned;
import org.tacit.lessons.ActionId;
import org.tacit.lessons.LessonId;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.HandoverSource;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Sql;

/**
 * A leaver's open actions (open or in progress) pass to their successor, who is told as any new owner
 * is; finished actions keep who did them.
 */
@Component
@Order(30)
class ActionHandover implements HandoverSource {

	/** The handover list shows at most this many; all of them move. */
	static final int LISTED = 300;

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final java.time.Clock clock;

	ActionHandover(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	private record Open(UUID id, UUID lesson, String title, LocalDate due) {
	}

	private List<Open> open(OrgId org, PersonId person, int limit) {
		return jdbc.sql("""
				SELECT id, lesson_id, title, due_on FROM lessons_action
				WHERE org_id = ? AND owner_id = ? AND status IN ('OPEN', 'IN_PROGRESS') ORDER BY due_on, id""")
			.params(org.value(), person.value())
			.query((rs, n) -> new Open(Sql.uuid(rs, "id"), Sql.uuid(rs, "lesson_id"), rs.getString("title"),
					rs.getObject("due_on", LocalDate.class)))
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	@Override
	public List<Held> heldBy(OrgId org, PersonId person) {
		return open(org, person, LISTED).stream()
			.map(a -> new Held("handover.actions", a.title(), "lessons/" + a.lesson(), "handover.actions.due",
					a.due().toString()))
			.toList();
	}

	@Override
	public int handOver(OrgAccess caller, PersonId from, PersonId to) {
		List<Open> moving = open(caller.orgId(), from, Integer.MAX_VALUE);
		for (Open action : moving) {
			jdbc.sql("UPDATE lessons_action SET owner_id = ?, updated_at = ? WHERE id = ?")
				.params(to.value(), Sql.utc(clock.instant()), action.id())
				.update();
			audit.record(caller.orgId(), "action.handedOver", "lesson", action.lesson().toString(),
					action.title() + ": " + from + " → " + to);
			events.publishEvent(new ActionAssigned(caller.orgId(), new LessonId(action.lesson()),
					new ActionId(action.id()), to, action.due(), caller.personId()));
		}
		return moving.size();
	}
}
