package org.tacit.library.internal;

import org.tacit.shared.Sql;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.library.FeedbackGiven;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/**
 * "This helped" and "this did not help": one vote per person and item, a new vote replaces the earlier
 * one. Every reader sees the counts; the comments are for the item's owner and its editors.
 */
@Service
public class FeedbackService {

	public static final int COMMENT_MAX = 2000;

	private final JdbcClient jdbc;
	private final ItemService items;
	private final Organizations organizations;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	FeedbackService(JdbcClient jdbc, ItemService items, Organizations organizations, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.items = items;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A person's vote. */
	public record Vote(boolean helpful, String comment, Instant at) {
	}

	/** A vote that came with a comment, as the owner and editors see it. */
	public record Comment(PersonId authorId, String authorName, boolean helpful, String comment, Instant at) {
	}

	/**
	 * The feedback on an item for the caller: counts, their own vote (or null), and the comments when they
	 * may see them (null otherwise).
	 */
	public record Feedback(long helpful, long notHelpful, Vote yours, boolean commentsVisible, Page<Comment> comments) {
	}

	@Transactional
	public Feedback vote(OrgAccess access, String itemId, Boolean helpful, String comment) {
		Item item = items.find(access, itemId).orElseThrow(ProblemException::notFound);
		if (helpful == null) {
			throw ProblemException.invalid("helpful", "problem.field.required");
		}
		String checked = Text.optional("comment", comment, COMMENT_MAX);
		String stored = checked.isEmpty() ? null : checked;
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE library_feedback SET helpful = ?, comment = ?, updated_at = ?
				WHERE item_id = ? AND person_id = ? AND org_id = ?""")
			.params(helpful, stored, Sql.utc(now), item.id().value(), access.personId().value(), access.orgId().value())
			.update();
		if (changed == 0) {
			try {
				jdbc.sql("""
						INSERT INTO library_feedback (item_id, person_id, org_id, helpful, comment, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
					.params(item.id().value(), access.personId().value(), access.orgId().value(), helpful, stored,
							Sql.utc(now), Sql.utc(now))
					.update();
			}
			catch (DuplicateKeyException e) {
				// the same person voted twice at the same moment: the other vote is kept
				throw ProblemException.conflict(null, "feedback.concurrent");
			}
		}
		audit.record(access.orgId(), "item.feedback-given", "item", item.id().toString(),
				(helpful ? "helped" : "did not help") + (stored == null ? "" : " (with a comment)"));
		events.publishEvent(new FeedbackGiven(access.orgId(), item.id(), item.ownerId(), access.personId(), helpful));
		return feedback(access, item, Paging.first());
	}

	@Transactional(readOnly = true)
	public Feedback feedback(OrgAccess access, String itemId, Paging paging) {
		return feedback(access, items.find(access, itemId).orElseThrow(ProblemException::notFound), paging);
	}

	/** Only the owner and editors read the comments: they are written to them. */
	static boolean commentsVisible(Item item) {
		return item.canReview() || item.ownerId().equals(item.viewer());
	}

	private Feedback feedback(OrgAccess access, Item item, Paging paging) {
		Map<Boolean, Long> counts = new java.util.HashMap<>();
		jdbc.sql("SELECT helpful, COUNT(*) AS votes FROM library_feedback WHERE item_id = ? AND org_id = ? GROUP BY helpful")
			.params(item.id().value(), access.orgId().value())
			.query(rs -> {
				counts.put(rs.getBoolean("helpful"), rs.getLong("votes"));
			});
		Vote yours = jdbc.sql("SELECT helpful, comment, updated_at FROM library_feedback WHERE item_id = ? AND person_id = ?")
			.params(item.id().value(), access.personId().value())
			.query((rs, n) -> new Vote(rs.getBoolean("helpful"), rs.getString("comment"), Sql.instant(rs, "updated_at")))
			.optional()
			.orElse(null);
		boolean visible = commentsVisible(item);
		return new Feedback(counts.getOrDefault(true, 0L), counts.getOrDefault(false, 0L), yours, visible,
				visible ? comments(access, item, paging) : null);
	}

	private Page<Comment> comments(OrgAccess access, Item item, Paging paging) {
		List<Comment> comments = jdbc.sql("""
				SELECT person_id, helpful, comment, updated_at FROM library_feedback
				WHERE item_id = ? AND org_id = ? AND comment IS NOT NULL
				ORDER BY updated_at DESC, person_id LIMIT ? OFFSET ?""")
			.params(item.id().value(), access.orgId().value(), paging.size(), paging.offset())
			.query((rs, n) -> new Comment(new PersonId(Sql.uuid(rs, "person_id")), "", rs.getBoolean("helpful"),
					rs.getString("comment"), Sql.instant(rs, "updated_at")))
			.list();
		long total = jdbc.sql("SELECT COUNT(*) FROM library_feedback WHERE item_id = ? AND org_id = ? AND comment IS NOT NULL")
			.params(item.id().value(), access.orgId().value())
			.query(Long.class)
			.single();
		Map<PersonId, String> names = organizations.names(comments.stream().map(Comment::authorId).toList());
		return paging.of(comments.stream()
			.map(c -> new Comment(c.authorId(), names.getOrDefault(c.authorId(), ""), c.helpful(), c.comment(), c.at()))
			.toList(), total);
	}
}
