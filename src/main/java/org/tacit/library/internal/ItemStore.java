package org.tacit.library.internal;

import org.tacit.shared.Sql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tacit.library.ItemId;
import org.tacit.library.ItemStatus;
import org.tacit.library.Kind;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;

/**
 * Reads and writes items, versions and transitions. Every read is bound to the caller: members-only
 * spaces they are not in, and unpublished items they may not see, are excluded in the query itself.
 */
@Repository
public class ItemStore {

	/**
	 * Items the caller may see. :me is the caller, :org their organization, :orgEditor whether their
	 * organization role lets them see unpublished items in spaces open to the organization.
	 */
	private static final String VISIBLE = """
			SELECT i.*, s.space_key, s.name AS space_name, s.members_only, m.role AS space_role
			FROM library_item i
			JOIN library_space s ON s.id = i.space_id
			LEFT JOIN library_space_member m ON m.space_id = s.id AND m.person_id = :me
			WHERE i.org_id = :org
			  AND (s.members_only = FALSE OR m.person_id IS NOT NULL)
			  AND (i.status = 'PUBLISHED' OR i.owner_id = :me OR m.role = 'EDITOR'
			       OR (s.members_only = FALSE AND :orgEditor = TRUE))""";

	/** How lists can be sorted; the SQL is fixed here, never taken from the request. */
	public enum Sort {

		UPDATED("i.updated_at DESC"), TITLE("LOWER(i.title) ASC"), REVIEW_BY("i.review_by ASC");

		private final String order;

		Sort(String order) {
			this.order = order;
		}
	}

	/** What a list of items can be narrowed to; null means any. */
	public record Filter(String space, Kind kind, ItemStatus status, String tag, PersonId owner, Boolean stale, Sort sort) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null, Sort.UPDATED);
		}
	}

	/** The content of one saved version. */
	interface VersionContent {

		Kind kind();

		String title();

		String summary();

		String body();

		List<String> tags();

		PersonId owner();

		String message();
	}

	public record Version(int version, String kind, String title, String summary, String body, List<String> tags,
			PersonId authorId, String message, Instant createdAt) {
	}

	public record VersionInfo(int version, String title, PersonId authorId, String authorName, String message,
			Instant createdAt) {

		VersionInfo withAuthorName(String name) {
			return new VersionInfo(version, title, authorId, name, message, createdAt);
		}
	}

	public record Transition(ItemStatus from, ItemStatus to, PersonId actorId, String actorName, String comment,
			Instant at) {

		Transition withActorName(String name) {
			return new Transition(from, to, actorId, name, comment, at);
		}
	}

	private final JdbcClient jdbc;
	private final org.springframework.jdbc.core.JdbcTemplate batch;
	private final Organizations organizations;

	ItemStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, Organizations organizations) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.organizations = organizations;
	}

	private RowMapper<Item> mapper(OrgAccess access, Instant now) {
		return (rs, n) -> {
			ItemStatus status = ItemStatus.valueOf(rs.getString("status"));
			Instant reviewBy = Sql.instant(rs, "review_by");
			String spaceRole = rs.getString("space_role");
			boolean membersOnly = rs.getBoolean("members_only");
			Integer reviewDays = rs.getObject("review_days", Integer.class);
			return new Item(new ItemId(Sql.uuid(rs, "id")), access.orgId(), Sql.uuid(rs, "space_id"),
					rs.getString("space_key"), rs.getString("space_name"), membersOnly, Kind.valueOf(rs.getString("kind")),
					status, rs.getString("title"), rs.getString("summary"), rs.getString("body"),
					splitTags(rs.getString("tags")), new PersonId(Sql.uuid(rs, "owner_id")), "", rs.getInt("version"),
					reviewDays, reviewBy, Sql.instant(rs, "verified_at"), rs.getLong("views"), Sql.instant(rs, "created_at"),
					Sql.instant(rs, "updated_at"), isStale(status, reviewBy, now),
					SpaceService.effective(access.role(), spaceRole == null ? null : Role.valueOf(spaceRole), membersOnly),
					access.personId());
		};
	}

	static boolean isStale(ItemStatus status, Instant reviewBy, Instant now) {
		return status == ItemStatus.PUBLISHED && reviewBy != null && reviewBy.isBefore(now);
	}

	private static List<String> splitTags(String tags) {
		return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
	}

	Optional<Item> find(OrgAccess access, ItemId id, Instant now) {
		return withOwnerNames(jdbc.sql(VISIBLE + " AND i.id = :id")
			.param("me", access.personId().value())
			.param("org", access.orgId().value())
			.param("orgEditor", access.can(Role.EDITOR))
			.param("id", id.value())
			.query(mapper(access, now))
			.list()).stream().findFirst();
	}

	Page<Item> list(OrgAccess access, Filter filter, Paging paging, Instant now) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("me", access.personId().value());
		params.put("org", access.orgId().value());
		params.put("orgEditor", access.can(Role.EDITOR));
		if (filter.space() != null) {
			where.append(" AND s.space_key = :space");
			params.put("space", filter.space().strip().toUpperCase(java.util.Locale.ROOT));
		}
		if (filter.kind() != null) {
			where.append(" AND i.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.status() != null) {
			where.append(" AND i.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.tag() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM library_item_tag t WHERE t.item_id = i.id AND t.tag = :tag)");
			params.put("tag", filter.tag().strip().toLowerCase(java.util.Locale.ROOT));
		}
		if (filter.owner() != null) {
			where.append(" AND i.owner_id = :owner");
			params.put("owner", filter.owner().value());
		}
		if (filter.stale() != null) {
			String stale = "(i.status = 'PUBLISHED' AND i.review_by < :now)";
			where.append(filter.stale() ? " AND " + stale : " AND NOT " + stale);
			params.put("now", Sql.utc(now));
		}
		Sort sort = filter.sort() == null ? Sort.UPDATED : filter.sort();
		List<Item> items = withOwnerNames(jdbc.sql(VISIBLE + where + " ORDER BY " + sort.order + ", i.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(mapper(access, now))
			.list());
		long total = jdbc.sql("SELECT COUNT(*) FROM (" + VISIBLE + where + ") x")
			.params(params)
			.query(Long.class)
			.single();
		return paging.of(items, total);
	}

	private List<Item> withOwnerNames(List<Item> items) {
		Map<PersonId, String> names = organizations.names(items.stream().map(Item::ownerId).toList());
		List<Item> named = new ArrayList<>(items.size());
		for (Item i : items) {
			named.add(new Item(i.id(), i.org(), i.spaceId(), i.spaceKey(), i.spaceName(), i.membersOnly(), i.kind(),
					i.status(), i.title(), i.summary(), i.body(), i.tags(), i.ownerId(),
					names.getOrDefault(i.ownerId(), ""), i.version(), i.reviewDays(), i.reviewBy(), i.verifiedAt(),
					i.views(), i.createdAt(), i.updatedAt(), i.stale(), i.role(), i.viewer()));
		}
		return named;
	}

	void writeTags(ItemId id, List<String> tags) {
		jdbc.sql("DELETE FROM library_item_tag WHERE item_id = ?").param(id.value()).update();
		for (String tag : tags) {
			jdbc.sql("INSERT INTO library_item_tag (item_id, tag) VALUES (?, ?)").params(id.value(), tag).update();
		}
	}

	void writeVersion(ItemId id, int version, VersionContent content, PersonId author, Instant now) {
		jdbc.sql("""
				INSERT INTO library_version (item_id, version, kind, title, summary, body, tags, owner_id, author_id, message,
				  created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id.value(), version, content.kind().name(), content.title(), content.summary(), content.body(),
					String.join(",", content.tags()), content.owner().value(), author.value(), content.message(),
					Sql.utc(now))
			.update();
	}

	/** Rows of {@link #writeVersion}'s columns, in one JDBC batch. */
	void writeVersions(List<Object[]> rows) {
		batch.batchUpdate("""
				INSERT INTO library_version (item_id, version, kind, title, summary, body, tags, owner_id, author_id, message,
				  created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	List<VersionInfo> versions(ItemId id) {
		return jdbc.sql("""
				SELECT version, title, author_id, message, created_at FROM library_version WHERE item_id = ?
				ORDER BY version DESC""")
			.param(id.value())
			.query((rs, n) -> new VersionInfo(rs.getInt("version"), rs.getString("title"),
					new PersonId(Sql.uuid(rs, "author_id")), "", rs.getString("message"), Sql.instant(rs, "created_at")))
			.list();
	}

	Optional<Version> version(ItemId id, int version) {
		return jdbc.sql("SELECT * FROM library_version WHERE item_id = ? AND version = ?")
			.params(id.value(), version)
			.query((rs, n) -> new Version(rs.getInt("version"), rs.getString("kind"), rs.getString("title"),
					rs.getString("summary"), rs.getString("body"), splitTags(rs.getString("tags")),
					new PersonId(Sql.uuid(rs, "author_id")), rs.getString("message"), Sql.instant(rs, "created_at")))
			.optional();
	}

	List<Transition> transitions(ItemId id) {
		return jdbc.sql("SELECT * FROM library_transition WHERE item_id = ? ORDER BY at DESC, id DESC")
			.param(id.value())
			.query((rs, n) -> new Transition(ItemStatus.valueOf(rs.getString("from_status")),
					ItemStatus.valueOf(rs.getString("to_status")), new PersonId(Sql.uuid(rs, "actor_id")), "",
					rs.getString("comment"), Sql.instant(rs, "at")))
			.list();
	}
}
