package org.tacit.library.internal;

import org.tacit.shared.Sql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.library.ItemChanged;
import org.tacit.library.ItemId;
import org.tacit.library.ItemPublished;
import org.tacit.library.ItemUpdated;
import org.tacit.library.ItemVerified;
import org.tacit.library.ItemsImported;
import org.tacit.library.ItemStatus;
import org.tacit.library.Kind;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/**
 * Knowledge items: every save is a new immutable version, a save based on an older version is refused
 * (409), and the workflow DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED is enforced and recorded.
 */
@Service
public class ItemService {

	public static final int TITLE_MAX = 200;
	public static final int SUMMARY_MAX = 1000;
	public static final int BODY_MAX = 200_000;
	public static final int MESSAGE_MAX = 500;
	public static final int COMMENT_MAX = 2000;
	public static final int TAGS_MAX = 20;
	public static final int TAG_MAX = 64;
	public static final int REVIEW_DAYS_MAX = 3650;
	public static final int DEFAULT_REVIEW_DAYS = 90;

	private final JdbcClient jdbc;
	private final org.springframework.jdbc.core.JdbcTemplate batch;
	private final ItemStore store;
	private final ActivityCounts activity;
	private final SpaceService spaces;
	private final Organizations organizations;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ItemService(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, ItemStore store, SpaceService spaces,
			Organizations organizations, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			ActivityCounts activity) {
		this.jdbc = jdbc;
		this.activity = activity;
		this.batch = batch;
		this.store = store;
		this.spaces = spaces;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What a new item or a new version says. Null owner or review days keep the current ones. */
	public record Content(String kind, String title, String summary, String body, List<String> tags, String owner,
			Integer reviewDays, String message) {
	}

	@Transactional
	public Item create(OrgAccess access, String spaceKey, Content content) {
		if (spaceKey == null || spaceKey.isBlank()) {
			throw ProblemException.invalid("space", "problem.field.required");
		}
		Space space = spaces.find(access, spaceKey).orElseThrow(() -> ProblemException.invalid("space", "item.space.unknown"));
		if (!space.contributor()) {
			throw ProblemException.forbidden();
		}
		Checked checked = check(access, space, content, access.personId());
		ItemId id = ItemId.random();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO library_item (id, org_id, space_id, kind, status, title, summary, body, tags, owner_id, version,
				  review_days, review_by, verified_at, verified_by, views, created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, 1, ?, NULL, NULL, NULL, 0, ?, ?, ?)""")
			.params(id.value(), access.orgId().value(), space.id(), checked.kind.name(), checked.title, checked.summary,
					checked.body, String.join(",", checked.tags), checked.owner.value(), checked.reviewDays,
					access.personId().value(), Sql.utc(now), Sql.utc(now))
			.update();
		store.writeTags(id, checked.tags);
		store.writeVersion(id, 1, checked, access.personId(), now);
		activity.saved(access.orgId(), space.id(), checked.kind, access.personId(), now, 1);
		audit.record(access.orgId(), "item.created", "item", id.toString(), checked.title);
		events.publishEvent(new ItemChanged(access.orgId(), id));
		return get(access, id);
	}

	/** A new item of a folder import: its id, what it says and the file it came from. */
	record Imported(ItemId id, Checked content, String sourceKey) {
	}

	/**
	 * Checks the content of a new item of an import as {@link #create} would, without writing anything.
	 *
	 * @throws ProblemException when the content is not valid
	 */
	Checked checkNew(OrgAccess access, Space space, Content content) {
		return check(access, space, content, access.personId());
	}

	/**
	 * Creates the items of one import batch in the caller's transaction, with one JDBC batch per table:
	 * each item as {@link #create} followed by submitting and approving would leave it (version 1; when
	 * published, the two transitions, verified now; one audit entry {@code item.imported} per item), and the
	 * events: one
	 * {@link ItemsImported} for the batch instead of an {@link ItemChanged} per step and an
	 * {@link ItemPublished} per published item. The space must allow the acting person to contribute
	 * (and to approve, to publish).
	 */
	@Transactional
	List<ItemId> createImported(OrgAccess access, Space space, List<Imported> items, boolean publish) {
		if (!space.contributor() || publish && !space.editor()) {
			throw ProblemException.forbidden();
		}
		Instant now = clock.instant();
		Integer orgDays = items.stream().anyMatch(i -> i.content().reviewDays() == null) ? defaultReviewDays(access.orgId())
				: null;
		List<ItemId> ids = new ArrayList<>(items.size());
		List<Object[]> rows = new ArrayList<>(items.size());
		List<Object[]> tags = new ArrayList<>();
		List<Object[]> versions = new ArrayList<>(items.size());
		List<Object[]> transitions = new ArrayList<>();
		List<org.tacit.organizations.AuditLog.Entry> entries = new ArrayList<>();
		UUID me = access.personId().value();
		for (Imported item : items) {
			Checked c = item.content();
			ItemId id = item.id();
			ids.add(id);
			int days = c.reviewDays() != null ? c.reviewDays() : orgDays;
			rows.add(new Object[] { id.value(), access.orgId().value(), space.id(), c.kind().name(),
					(publish ? ItemStatus.PUBLISHED : ItemStatus.DRAFT).name(), c.title(), c.summary(), c.body(),
					String.join(",", c.tags()), c.owner().value(), c.reviewDays(),
					publish ? Sql.utc(now.plus(Duration.ofDays(days))) : null, publish ? Sql.utc(now) : null,
					publish ? me : null, me, Sql.utc(now), Sql.utc(now), item.sourceKey() });
			c.tags().forEach(tag -> tags.add(new Object[] { id.value(), tag }));
			versions.add(new Object[] { id.value(), 1, c.kind().name(), c.title(), c.summary(), c.body(),
					String.join(",", c.tags()), c.owner().value(), me, c.message(), Sql.utc(now) });
			// one audit entry says it all: imported (from where, in the version message) and whether published
			entries.add(new org.tacit.organizations.AuditLog.Entry("item.imported", "item", id.toString(),
					c.title() + (publish ? " (" + ItemStatus.PUBLISHED + ")" : "")));
			if (publish) {
				transitions.add(new Object[] { id.value(), ItemStatus.DRAFT.name(), ItemStatus.IN_REVIEW.name(), me,
						Sql.utc(now) });
				transitions.add(new Object[] { id.value(), ItemStatus.IN_REVIEW.name(), ItemStatus.PUBLISHED.name(), me,
						Sql.utc(now) });
			}
		}
		batch.batchUpdate("""
				INSERT INTO library_item (id, org_id, space_id, kind, status, title, summary, body, tags, owner_id, version,
				  review_days, review_by, verified_at, verified_by, views, created_by, created_at, updated_at, source_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 0, ?, ?, ?, ?)""", rows);
		batch.batchUpdate("INSERT INTO library_item_tag (item_id, tag) VALUES (?, ?)", tags);
		store.writeVersions(versions);
		items.stream()
			.collect(java.util.stream.Collectors.groupingBy(i -> i.content().kind(), java.util.stream.Collectors.counting()))
			.forEach((kind, n) -> activity.saved(access.orgId(), space.id(), kind, access.personId(), now, n));
		batch.batchUpdate("""
				INSERT INTO library_transition (item_id, from_status, to_status, actor_id, comment, at)
				VALUES (?, ?, ?, ?, NULL, ?)""", transitions);
		audit.recordAll(access.orgId(), entries);
		// one event for the batch, not one per item: every event is a row of the publication registry per
		// listener, and a hundred thousand of them kept an import busy for many minutes after its last file
		events.publishEvent(new ItemsImported(access.orgId(), List.copyOf(ids)));
		return ids;
	}

	/** Saves a new version; {@code basedOn} is the version the editor started from. */
	@Transactional
	public Item update(OrgAccess access, ItemId id, Integer basedOn, Content content) {
		Item item = get(access, id);
		if (!item.canEdit()) {
			throw ProblemException.forbidden();
		}
		if (basedOn == null) {
			throw ProblemException.invalid("version", "problem.field.required");
		}
		Space space = spaces.byId(access, item.spaceId()).orElseThrow(ProblemException::notFound);
		Content merged = new Content(content.kind() == null ? item.kind().name() : content.kind(), content.title(),
				content.summary(), content.body(), content.tags(),
				content.owner() == null ? item.ownerId().toString() : content.owner(),
				content.reviewDays() == null ? item.reviewDays() : content.reviewDays(), content.message());
		Checked checked = check(access, space, merged, item.ownerId());
		Instant now = clock.instant();
		int next = basedOn + 1;
		int changed = jdbc.sql("""
				UPDATE library_item SET kind = ?, title = ?, summary = ?, body = ?, tags = ?, owner_id = ?, version = ?,
				  review_days = ?, review_by = ?, updated_at = ?
				WHERE id = ? AND version = ?""")
			.params(checked.kind.name(), checked.title, checked.summary, checked.body, String.join(",", checked.tags),
					checked.owner.value(), next, checked.reviewDays,
					Sql.utc(reviewBy(access.orgId(), item.verifiedAt(), checked.reviewDays)), Sql.utc(now), id.value(),
					basedOn)
			.update();
		if (changed == 0) {
			throw new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "item.version.conflict",
					List.of(new ProblemException.FieldProblem("version", "item.version.conflict", item.version())),
					item.version());
		}
		store.writeTags(id, checked.tags);
		store.writeVersion(id, next, checked, access.personId(), now);
		activity.saved(access.orgId(), item.spaceId(), checked.kind, access.personId(), now, 1);
		audit.record(access.orgId(), "item.updated", "item", id.toString(), "version " + next);
		events.publishEvent(new ItemChanged(access.orgId(), id));
		events.publishEvent(new ItemUpdated(access.orgId(), id, next, checked.owner, access.personId(),
				item.status() == ItemStatus.PUBLISHED, checked.message));
		return get(access, id);
	}

	/** Restores an old version as a new one. */
	@Transactional
	public Item restore(OrgAccess access, ItemId id, int version, Integer basedOn) {
		Item item = get(access, id);
		ItemStore.Version old = store.version(id, version).orElseThrow(ProblemException::notFound);
		return update(access, id, basedOn == null ? item.version() : basedOn,
				new Content(old.kind(), old.title(), old.summary(), old.body(), old.tags(), null, null,
						"Restored version " + version));
	}

	@Transactional
	public Item transition(OrgAccess access, ItemId id, String to, String comment) {
		Item item = get(access, id);
		ItemStatus next = parseStatus(to);
		if (!item.status().canGoTo(next)) {
			throw ProblemException.conflict("to", "item.transition.notAllowed", item.status(), next);
		}
		if (!item.mayGoTo(next)) {
			throw ProblemException.forbidden();
		}
		String checkedComment = Text.optional("comment", comment, COMMENT_MAX);
		boolean sendBack = item.status() == ItemStatus.IN_REVIEW && next == ItemStatus.DRAFT;
		if (sendBack && checkedComment.isEmpty()) {
			throw ProblemException.invalid("comment", "item.sendBack.comment");
		}
		Instant now = clock.instant();
		if (next == ItemStatus.PUBLISHED) {
			// approving is a check of the content: the review clock starts now
			markVerified(access, item, now);
		}
		jdbc.sql("UPDATE library_item SET status = ?, updated_at = ? WHERE id = ?")
			.params(next.name(), Sql.utc(now), id.value())
			.update();
		jdbc.sql("""
				INSERT INTO library_transition (item_id, from_status, to_status, actor_id, comment, at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id.value(), item.status().name(), next.name(), access.personId().value(),
					checkedComment.isEmpty() ? null : checkedComment, Sql.utc(now))
			.update();
		audit.record(access.orgId(), "item.transitioned", "item", id.toString(),
				item.status() + " → " + next + (checkedComment.isEmpty() ? "" : ": " + checkedComment));
		events.publishEvent(new ItemChanged(access.orgId(), id));
		if (next == ItemStatus.PUBLISHED) {
			events.publishEvent(new ItemPublished(access.orgId(), id, item.ownerId(), access.personId()));
		}
		return get(access, id);
	}

	/** The owner or an editor confirms the item is still right: its review-by date starts again. */
	@Transactional
	public Item verify(OrgAccess access, ItemId id) {
		Item item = get(access, id);
		if (item.status() != ItemStatus.PUBLISHED) {
			throw ProblemException.conflict(null, "item.verify.unpublished");
		}
		if (!item.canVerify()) {
			throw ProblemException.forbidden();
		}
		markVerified(access, item, clock.instant());
		audit.record(access.orgId(), "item.verified", "item", id.toString(), item.title());
		events.publishEvent(new ItemChanged(access.orgId(), id));
		events.publishEvent(new ItemVerified(access.orgId(), id, item.ownerId(), access.personId()));
		return get(access, id);
	}

	private void markVerified(OrgAccess access, Item item, Instant now) {
		jdbc.sql("UPDATE library_item SET verified_at = ?, verified_by = ?, review_by = ? WHERE id = ?")
			.params(Sql.utc(now), access.personId().value(), Sql.utc(reviewBy(access.orgId(), now, item.reviewDays())),
					item.id().value())
			.update();
	}

	private Instant reviewBy(OrgId org, Instant verifiedAt, Integer reviewDays) {
		if (verifiedAt == null) {
			return null;
		}
		return verifiedAt.plus(Duration.ofDays(reviewDays != null ? reviewDays : defaultReviewDays(org)));
	}

	/** An item the caller may see; 404 for anything else, including items of members-only spaces. */
	@Transactional(readOnly = true)
	public Item get(OrgAccess access, ItemId id) {
		return store.find(access, id, clock.instant()).orElseThrow(ProblemException::notFound);
	}

	public Optional<Item> find(OrgAccess access, String id) {
		try {
			return store.find(access, new ItemId(UUID.fromString(id)), clock.instant());
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** One more view of the item, in its total and in the day's counts. */
	@Transactional
	public void recordView(Item item) {
		jdbc.sql("UPDATE library_item SET views = views + 1 WHERE id = ?").param(item.id().value()).update();
		activity.viewed(item.org(), item.spaceId(), item.kind(), clock.instant());
	}

	@Transactional(readOnly = true)
	public Page<Item> list(OrgAccess access, ItemStore.Filter filter, Paging paging) {
		return store.list(access, filter, paging, clock.instant());
	}

	@Transactional(readOnly = true)
	public List<ItemStore.VersionInfo> versions(OrgAccess access, ItemId id) {
		get(access, id);
		List<ItemStore.VersionInfo> versions = store.versions(id);
		Map<PersonId, String> names = organizations.names(versions.stream().map(ItemStore.VersionInfo::authorId).toList());
		return versions.stream().map(v -> v.withAuthorName(names.getOrDefault(v.authorId(), ""))).toList();
	}

	@Transactional(readOnly = true)
	public ItemStore.Version version(OrgAccess access, ItemId id, int version) {
		get(access, id);
		return store.version(id, version).orElseThrow(ProblemException::notFound);
	}

	@Transactional(readOnly = true)
	public List<ItemStore.Transition> transitions(OrgAccess access, ItemId id) {
		get(access, id);
		List<ItemStore.Transition> transitions = store.transitions(id);
		Map<PersonId, String> names = organizations.names(transitions.stream().map(ItemStore.Transition::actorId).toList());
		return transitions.stream().map(t -> t.withActorName(names.getOrDefault(t.actorId(), ""))).toList();
	}

	@Transactional(readOnly = true)
	public int defaultReviewDays(OrgId org) {
		return jdbc.sql("SELECT review_days FROM library_settings WHERE org_id = ?")
			.param(org.value())
			.query(Integer.class)
			.optional()
			.orElse(DEFAULT_REVIEW_DAYS);
	}

	@Transactional
	public int setDefaultReviewDays(OrgAccess access, Integer days) {
		access.require(Role.KNOWLEDGE_MANAGER);
		if (days == null || days < 1 || days > REVIEW_DAYS_MAX) {
			throw ProblemException.invalid("reviewDays", "item.reviewDays.range", REVIEW_DAYS_MAX);
		}
		if (jdbc.sql("UPDATE library_settings SET review_days = ? WHERE org_id = ?").params(days, access.orgId().value()).update() == 0) {
			jdbc.sql("INSERT INTO library_settings (org_id, review_days) VALUES (?, ?)").params(access.orgId().value(), days).update();
		}
		audit.record(access.orgId(), "library.review-days-set", "organization", access.orgId().toString(), days + " days");
		return days;
	}

	record Checked(Kind kind, String title, String summary, String body, List<String> tags, PersonId owner,
			Integer reviewDays, String message) implements ItemStore.VersionContent {
	}

	private Checked check(OrgAccess access, Space space, Content content, PersonId defaultOwner) {
		Kind kind = parseKind(content.kind());
		String title = Text.required("title", content.title(), TITLE_MAX);
		String summary = Text.optional("summary", content.summary(), SUMMARY_MAX);
		String body = content.body() == null ? "" : content.body();
		if (body.length() > BODY_MAX) {
			throw ProblemException.invalid("body", "problem.field.tooLong", BODY_MAX);
		}
		List<String> tags = tags(content.tags());
		PersonId owner = defaultOwner;
		if (content.owner() != null && !content.owner().isBlank()) {
			owner = organizations.findMember(access.orgId(), content.owner())
				.filter(Organizations.Member::active)
				.map(Organizations.Member::id)
				.orElseThrow(() -> ProblemException.invalid("owner", "item.owner.unknown"));
			if (space.membersOnly() && !spaces.membersOnlySpacesOf(access.orgId().value(), owner.value()).contains(space.key())) {
				throw ProblemException.invalid("owner", "item.owner.notInSpace");
			}
		}
		Integer reviewDays = content.reviewDays();
		if (reviewDays != null && (reviewDays < 1 || reviewDays > REVIEW_DAYS_MAX)) {
			throw ProblemException.invalid("reviewDays", "item.reviewDays.range", REVIEW_DAYS_MAX);
		}
		String message = Text.optional("message", content.message(), MESSAGE_MAX);
		return new Checked(kind, title, summary, body, tags, owner, reviewDays, message.isEmpty() ? null : message);
	}

	static Kind parseKind(String value) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalid("kind", "problem.field.required");
		}
		try {
			return Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("kind", "item.kind.unknown", Arrays.toString(Kind.values()));
		}
	}

	static ItemStatus parseStatus(String value) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalid("to", "problem.field.required");
		}
		try {
			return ItemStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("to", "item.status.unknown", Arrays.toString(ItemStatus.values()));
		}
	}

	/** Tags are lower case words joined by hyphens; duplicates are dropped, order kept. */
	static List<String> tags(List<String> raw) {
		if (raw == null) {
			return List.of();
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : raw) {
			if (tag == null) {
				continue;
			}
			String normal = tag.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-").replaceAll("[^\\p{L}\\p{N}.+#-]", "");
			if (normal.length() > TAG_MAX) {
				throw ProblemException.invalid("tags", "item.tag.tooLong", TAG_MAX);
			}
			if (!normal.isEmpty()) {
				tags.add(normal);
			}
		}
		if (tags.size() > TAGS_MAX) {
			throw ProblemException.invalid("tags", "item.tags.tooMany", TAGS_MAX);
		}
		return new ArrayList<>(tags);
	}

	/** Splits the comma-separated tags of a form field. */
	public static List<String> splitTags(String field) {
		return field == null ? List.of() : Arrays.stream(field.split(",")).map(String::strip).filter(t -> !t.isEmpty())
			.collect(Collectors.toList());
	}
}
