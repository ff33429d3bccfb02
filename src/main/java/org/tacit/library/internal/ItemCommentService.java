package org.tacit.library.internal;

import org.tacit.shared.Sql;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.library.CommentText;
import org.tacit.library.ItemChanged;
import org.tacit.library.ItemId;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Markdown;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/**
 * Comments on items, in Markdown, rendered through the shared sanitizer. Every reader of an item may
 * comment; a comment is removed by its author or an editor. Adding or removing one changes the item
 * for search ({@link ItemChanged}).
 */
@Service
public class ItemCommentService {

	public static final int BODY_MAX = 10_000;

	private final JdbcClient jdbc;
	private final ItemService items;
	private final Organizations organizations;
	private final Markdown markdown;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ItemCommentService(JdbcClient jdbc, ItemService items, Organizations organizations, Markdown markdown,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.items = items;
		this.organizations = organizations;
		this.markdown = markdown;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A comment as the caller sees it: {@code html} is the sanitized rendering of {@code body}. */
	public record Comment(UUID id, PersonId authorId, String authorName, String body, String html, Instant createdAt,
			boolean canDelete) {
	}

	private record Row(UUID id, PersonId authorId, String body, Instant createdAt) {
	}

	@Transactional
	public Comment add(OrgAccess access, String itemId, String body) {
		Item item = readable(access, itemId);
		// not stripped at the start: indentation means something in Markdown
		Text.required("body", body, BODY_MAX);
		String checked = body.stripTrailing();
		if (checked.length() > BODY_MAX) {
			throw ProblemException.invalid("body", "problem.field.tooLong", BODY_MAX);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO library_comment (id, org_id, item_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, access.orgId().value(), item.id().value(), access.personId().value(), checked, Sql.utc(now))
			.update();
		audit.record(access.orgId(), "comment.added", "item", item.id().toString(), "comment " + id);
		events.publishEvent(new ItemChanged(access.orgId(), item.id()));
		return get(access, itemId, id.toString());
	}

	/** The comments on an item, oldest first. */
	@Transactional(readOnly = true)
	public Page<Comment> list(OrgAccess access, String itemId, Paging paging) {
		Item item = readable(access, itemId);
		List<Row> rows = jdbc.sql("""
				SELECT id, author_id, body, created_at FROM library_comment WHERE item_id = ? AND org_id = ?
				ORDER BY created_at, id LIMIT ? OFFSET ?""")
			.params(item.id().value(), access.orgId().value(), paging.size(), paging.offset())
			.query((rs, n) -> row(rs))
			.list();
		long total = jdbc.sql("SELECT COUNT(*) FROM library_comment WHERE item_id = ? AND org_id = ?")
			.params(item.id().value(), access.orgId().value())
			.query(Long.class)
			.single();
		return paging.of(views(item, rows), total);
	}

	@Transactional(readOnly = true)
	public Comment get(OrgAccess access, String itemId, String commentId) {
		Item item = readable(access, itemId);
		return views(item, List.of(row(access, item, commentId))).get(0);
	}

	/** Removes a comment: its author or an editor of the item. */
	@Transactional
	public void delete(OrgAccess access, String itemId, String commentId) {
		Item item = readable(access, itemId);
		Row row = row(access, item, commentId);
		if (!mayDelete(item, row.authorId())) {
			throw ProblemException.forbidden();
		}
		jdbc.sql("DELETE FROM library_comment WHERE id = ?").param(row.id()).update();
		audit.record(access.orgId(), "comment.deleted", "item", item.id().toString(), "comment " + row.id());
		events.publishEvent(new ItemChanged(access.orgId(), item.id()));
	}

	/** Every comment on an item as plain text, oldest first, for the search index (no permission check). */
	@Transactional(readOnly = true)
	public List<CommentText> commentsOf(ItemId item) {
		return commentsOf(List.of(item)).getOrDefault(item, List.of());
	}

	/** {@link #commentsOf(ItemId)} of many items (a batch of the search index) in one query. */
	@Transactional(readOnly = true)
	public Map<ItemId, List<CommentText>> commentsOf(java.util.Collection<ItemId> items) {
		Map<ItemId, List<CommentText>> byItem = new java.util.HashMap<>();
		if (items.isEmpty()) {
			return byItem;
		}
		Map<ItemId, List<Row>> rows = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				SELECT item_id, id, author_id, body, created_at FROM library_comment WHERE item_id IN (:items)
				ORDER BY created_at, id""")
			.param("items", items.stream().map(ItemId::value).distinct().toList())
			.query((rs, n) -> rows.computeIfAbsent(new ItemId(Sql.uuid(rs, "item_id")), k -> new java.util.ArrayList<>())
				.add(row(rs)))
			.list();
		Map<PersonId, String> names = organizations
			.names(rows.values().stream().flatMap(List::stream).map(Row::authorId).distinct().toList());
		rows.forEach((item, list) -> byItem.put(item, list.stream()
			.map(r -> new CommentText(r.id(), names.getOrDefault(r.authorId(), ""), org.tacit.shared.Markdown.plainText(r.body())))
			.toList()));
		return byItem;
	}

	private Item readable(OrgAccess access, String itemId) {
		return items.find(access, itemId).orElseThrow(ProblemException::notFound);
	}

	private static boolean mayDelete(Item item, PersonId author) {
		return item.canReview() || author.equals(item.viewer());
	}

	private Row row(OrgAccess access, Item item, String commentId) {
		UUID id;
		try {
			id = UUID.fromString(commentId);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw ProblemException.notFound();
		}
		return jdbc.sql("SELECT id, author_id, body, created_at FROM library_comment WHERE id = ? AND item_id = ? AND org_id = ?")
			.params(id, item.id().value(), access.orgId().value())
			.query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(ProblemException::notFound);
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(Sql.uuid(rs, "id"), new PersonId(Sql.uuid(rs, "author_id")), rs.getString("body"),
				Sql.instant(rs, "created_at"));
	}

	private List<Comment> views(Item item, List<Row> rows) {
		Map<PersonId, String> names = organizations.names(rows.stream().map(Row::authorId).distinct().toList());
		return rows.stream()
			.map(r -> new Comment(r.id(), r.authorId(), names.getOrDefault(r.authorId(), ""), r.body(),
					markdown.toHtml(r.body()), r.createdAt(), mayDelete(item, r.authorId())))
			.toList();
	}
}
