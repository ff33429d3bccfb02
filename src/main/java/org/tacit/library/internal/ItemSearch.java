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
import org.tacit.library.ItemChanged;
import org.tacit.library.ItemId;
import org.tacit.library.ItemStatus;
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
	private final Clock clock;

	ItemSearch(JdbcClient jdbc, SearchIndex index, Organizations organizations, SpaceService spaces,
			ItemCommentService comments, AttachmentService attachments, Markdown markdown,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.index = index;
		this.organizations = organizations;
		this.spaces = spaces;
		this.comments = comments;
		this.attachments = attachments;
		this.markdown = markdown;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ItemChanged event) {
		Optional<SearchDocument> document = document(event.item().value(), new Links());
		// the item's parts (comments) are replaced as a whole: simpler than tracking each one's change
		index.removeChildren(event.org().value(), event.item().toString());
		if (document.isPresent()) {
			index.put(document.get());
			children(document.get()).forEach(index::put);
		}
		else {
			index.remove(event.org().value(), TYPE, event.item().toString());
		}
	}

	/**
	 * Comments are found as records of their own that lead to the item and share its visibility, so a
	 * comment on a draft is seen by exactly those who see the draft.
	 */
	private List<SearchDocument> children(SearchDocument item) {
		ItemId id = new ItemId(UUID.fromString(item.id()));
		List<SearchDocument> children = new java.util.ArrayList<>();
		comments.commentsOf(id).forEach(c -> children.add(child(item, "comment", c.id(), item.title(), c.text())));
		// an attachment is found by its file name and its extracted text, and leads to its item
		attachments.textsOf(id).forEach(a -> children.add(child(item, "attachment", a.id(),
				a.fileName() + " — " + item.title(), a.fileName() + "\n" + a.text())));
		return children;
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
		for (int offset = 0;; offset += BATCH) {
			List<UUID> ids = jdbc.sql("SELECT id FROM library_item ORDER BY id LIMIT ? OFFSET ?")
				.params(BATCH, offset)
				.query(UUID.class)
				.list();
			ids.forEach(id -> document(id, links).ifPresent(item -> {
				sink.accept(item);
				children(item).forEach(sink);
			}));
			if (ids.size() < BATCH) {
				return;
			}
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
		return jdbc.sql("""
				SELECT i.*, s.space_key, s.name AS space_name, s.members_only
				FROM library_item i JOIN library_space s ON s.id = i.space_id WHERE i.id = ?""")
			.param(id)
			.query((rs, n) -> {
				OrgId org = new OrgId(Sql.uuid(rs, "org_id"));
				PersonId owner = new PersonId(Sql.uuid(rs, "owner_id"));
				ItemStatus status = ItemStatus.valueOf(rs.getString("status"));
				Instant reviewBy = Sql.instant(rs, "review_by");
				String tags = rs.getString("tags");
				String text = rs.getString("summary") + "\n\n" + markdown.toText(rs.getString("body"));
				return new SearchDocument(org.value(), TYPE, id.toString(), null, "items/" + id, rs.getString("title"),
						text, tags == null || tags.isEmpty() ? List.of() : List.of(tags.split(",")), rs.getString("kind"),
						status.name(), rs.getString("space_key"), rs.getString("space_name"), owner.value(), null,
						status == ItemStatus.PUBLISHED, rs.getBoolean("members_only"),
						ItemStore.isStale(status, reviewBy, clock.instant()), Sql.instant(rs, "verified_at"),
						Sql.instant(rs, "updated_at"));
			})
			.optional()
			.map(links::apply);
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
