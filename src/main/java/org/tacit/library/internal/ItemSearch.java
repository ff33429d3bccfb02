package org.tacit.library.internal;

import org.tacit.shared.Sql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.library.CommentText;
import org.tacit.library.ItemChanged;
import org.tacit.library.ItemId;
import org.tacit.library.ItemStatus;
import org.tacit.library.ItemsImported;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.search.SearchAccess;
import org.tacit.search.SearchDocument;
import org.tacit.search.SearchIndex;
import org.tacit.search.SearchSource;
import org.tacit.shared.Markdown;

/**
 * Keeps the search index in step with the library: every {@link ItemChanged} is applied after its
 * transaction commits (the event publication registry replays it after a crash); the whole library
 * can be offered for a rebuild; and who may read which space is answered for the search module.
 */
@Component
class ItemSearch implements SearchSource, SearchAccess {

	static final String TYPE = "item";
	private static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final SearchIndex index;
	private final Organizations organizations;
	private final SpaceService spaces;
	private final ItemCommentService comments;
	private final AttachmentService attachments;
	private final Markdown markdown;
	private final ApplicationEventPublisher events;
	private final ImportIndexing importIndexing;
	private final Clock clock;

	ItemSearch(JdbcClient jdbc, SearchIndex index, Organizations organizations, SpaceService spaces,
			ItemCommentService comments, AttachmentService attachments, Markdown markdown,
			ApplicationEventPublisher events, ImportIndexing importIndexing, Clock clock) {
		this.jdbc = jdbc;
		this.index = index;
		this.organizations = organizations;
		this.spaces = spaces;
		this.comments = comments;
		this.attachments = attachments;
		this.markdown = markdown;
		this.events = events;
		this.importIndexing = importIndexing;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ItemChanged event) {
		index.inStep(event.org().value(), event.item().toString(), () -> {
			Optional<SearchDocument> document = document(event.item().value(), new Links());
			// the item's parts (comments) are replaced as a whole: simpler than tracking each one's change
			index.removeChildren(event.org().value(), event.item().toString());
			if (document.isPresent()) {
				index.putAll(withChildren(List.of(document.get())));
			}
			else {
				index.remove(event.org().value(), TYPE, event.item().toString());
			}
		});
	}

	/** A batch of an import: new items (and the attachments their files linked to), indexed together. */
	@ApplicationModuleListener
	void on(ItemsImported event) {
		try {
			index.putAll(withChildren(documents(event.items().stream().map(ItemId::value).toList(), new Links())));
		}
		finally {
			importIndexing.done(event.items());
		}
	}

	/**
	 * Each item followed by its comments and attachments, read for all the items at once. Comments are
	 * found as records of their own that lead to the item and share its visibility, so a comment on a
	 * draft is seen by exactly those who see the draft.
	 */
	private List<SearchDocument> withChildren(List<SearchDocument> items) {
		List<ItemId> ids = items.stream().map(d -> new ItemId(UUID.fromString(d.id()))).toList();
		Map<ItemId, List<CommentText>> commentTexts = comments.commentsOf(ids);
		Map<ItemId, List<AttachmentText>> attachmentTexts = attachments.textsOf(ids);
		List<SearchDocument> all = new java.util.ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			SearchDocument item = items.get(i);
			all.add(item);
			commentTexts.getOrDefault(ids.get(i), List.of())
				.forEach(c -> all.add(child(item, "comment", c.id(), item.title(), c.text())));
			// an attachment is found by its file name and its extracted text, and leads to its item
			attachmentTexts.getOrDefault(ids.get(i), List.of())
				.forEach(a -> all.add(child(item, "attachment", a.id(), a.fileName() + " — " + item.title(),
						a.fileName() + "\n" + a.text())));
		}
		return all;
	}

	private static SearchDocument child(SearchDocument item, String type, UUID id, String title, String text) {
		return new SearchDocument(item.org(), type, id.toString(), item.id(), item.url(), title, text, item.tags(),
				item.kind(), item.status(), item.spaceKey(), item.spaceName(), item.ownerId(), item.ownerName(), item.published(),
				item.membersOnly(), item.stale(), item.verifiedAt(), item.updatedAt());
	}

	/**
	 * Items turn stale by the passing of time, not by a change: once an hour, the items whose review-by
	 * date passed since the last look are indexed again, so their stale flag is right in search.
	 */
	@Scheduled(fixedDelay = 60, initialDelay = 5, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
	@Transactional
	public void refreshNewlyStale() {
		Instant now = clock.instant();
		jdbc.sql("""
				SELECT id, org_id FROM library_item
				WHERE status = 'PUBLISHED' AND review_by >= ? AND review_by < ?""")
			.params(Sql.utc(now.minus(Duration.ofMinutes(130))), Sql.utc(now))
			.query((rs, n) -> new ItemChanged(new OrgId(Sql.uuid(rs, "org_id")), new ItemId(Sql.uuid(rs, "id"))))
			.list()
			.forEach(events::publishEvent);
	}

	@Override
	public String name() {
		return "library items";
	}

	@Override
	public long count() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM library_item) + (SELECT COUNT(*) FROM library_comment)
				  + (SELECT COUNT(*) FROM library_attachment)""").query(Long.class).single();
	}

	@Override
	public void forEach(Consumer<SearchDocument> sink) {
		Links links = new Links();
		UUID after = null;
		while (true) {
			// keyset paging: each batch starts where the last ended, at the same cost however deep
			List<UUID> ids = (after == null ? jdbc.sql("SELECT id FROM library_item ORDER BY id LIMIT ?").param(BATCH)
					: jdbc.sql("SELECT id FROM library_item WHERE id > ? ORDER BY id LIMIT ?").params(after, BATCH))
				.query(UUID.class)
				.list();
			if (ids.isEmpty()) {
				return;
			}
			withChildren(documents(ids, links)).forEach(sink);
			if (ids.size() < BATCH) {
				return;
			}
			after = ids.get(ids.size() - 1);
		}
	}

	@Override
	public Set<String> readableMembersOnlySpaces(UUID org, UUID person) {
		return spaces.membersOnlySpacesOf(org, person);
	}

	@Override
	public Set<String> spacesEdited(UUID org, UUID person) {
		return spaces.spacesEditedBy(org, person);
	}

	@Override
	public boolean seesUnpublished(UUID org, UUID person) {
		return organizations.findMember(new OrgId(org), person.toString())
			.map(member -> member.active() && member.role().atLeast(Role.EDITOR))
			.orElse(false);
	}

	/** The index entry of an item, read without any caller's permissions (the search applies them). */
	Optional<SearchDocument> document(UUID id, Links links) {
		return documents(List.of(id), links).stream().findFirst();
	}

	/** A database row of an item, before its Markdown is turned into text. */
	private record Row(UUID id, UUID org, UUID owner, ItemStatus status, Instant reviewBy, String tags, String summary,
			String body, String title, String kind, String spaceKey, String spaceName, boolean membersOnly,
			Instant verifiedAt, Instant updatedAt) {
	}

	/**
	 * The index entries of items that exist, in the order of {@code ids}, read in one query. The Markdown of
	 * a batch is turned into text on every core.
	 */
	List<SearchDocument> documents(List<UUID> ids, Links links) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, Row> rows = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT i.id, i.org_id, i.owner_id, i.status, i.review_by, i.tags, i.summary, i.body, i.title, i.kind,
				  i.verified_at, i.updated_at, s.space_key, s.name AS space_name, s.members_only
				FROM library_item i JOIN library_space s ON s.id = i.space_id WHERE i.id IN (:ids)""")
			.param("ids", ids)
			.query((rs, n) -> rows.put(Sql.uuid(rs, "id"), new Row(Sql.uuid(rs, "id"), Sql.uuid(rs, "org_id"),
					Sql.uuid(rs, "owner_id"), ItemStatus.valueOf(rs.getString("status")), Sql.instant(rs, "review_by"),
					rs.getString("tags"), rs.getString("summary"), rs.getString("body"), rs.getString("title"),
					rs.getString("kind"), rs.getString("space_key"), rs.getString("space_name"),
					rs.getBoolean("members_only"), Sql.instant(rs, "verified_at"), Sql.instant(rs, "updated_at"))))
			.list();
		Instant now = clock.instant();
		List<Row> found = ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
		List<String> texts = found.parallelStream().map(r -> r.summary() + "\n\n" + markdown.toText(r.body())).toList();
		List<SearchDocument> documents = new java.util.ArrayList<>(found.size());
		for (int i = 0; i < found.size(); i++) {
			Row r = found.get(i);
			documents.add(links.apply(new SearchDocument(r.org(), TYPE, r.id().toString(), null, "items/" + r.id(),
					r.title(), texts.get(i), r.tags() == null || r.tags().isEmpty() ? List.of() : List.of(r.tags().split(",")),
					r.kind(), r.status().name(), r.spaceKey(), r.spaceName(), r.owner(), null,
					r.status() == ItemStatus.PUBLISHED, r.membersOnly(), ItemStore.isStale(r.status(), r.reviewBy(), now),
					r.verifiedAt(), r.updatedAt())));
		}
		return documents;
	}

	/**
	 * Owner names and page addresses, which come from the organizations module; remembered for the
	 * length of one rebuild, so thousands of items of a few organizations and owners cost a few look-ups.
	 */
	private final class Links {

		private final Map<UUID, String> slugs = new java.util.HashMap<>();
		private final Map<UUID, String> names = new java.util.HashMap<>();

		SearchDocument apply(SearchDocument d) {
			String slug = slugs.computeIfAbsent(d.org(), org -> organizations.slug(new OrgId(org)).orElse(""));
			String url = slug.isEmpty() ? "/" + d.url() : "/o/" + slug + "/" + d.url();
			String owner = names.computeIfAbsent(d.ownerId(),
					id -> organizations.names(List.of(new PersonId(id))).getOrDefault(new PersonId(id), ""));
			return new SearchDocument(d.org(), d.type(), d.id(), d.parentId(), url, d.title(), d.text(), d.tags(),
					d.kind(), d.status(), d.spaceKey(), d.spaceName(), d.ownerId(), owner, d.published(), d.membersOnly(), d.stale(),
					d.verifiedAt(), d.updatedAt());
		}
	}
}
