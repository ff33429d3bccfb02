package org.tacit.library.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.library.ItemChanged;
import org.tacit.library.ItemId;
import org.tacit.library.ItemStatus;
import org.tacit.library.Kind;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/** The library's facade for other modules ({@link KnowledgeLibrary}). */
@Service
class LibraryFacade implements KnowledgeLibrary {

	private final JdbcClient jdbc;
	private final ItemService items;
	private final SpaceService spaces;
	private final Organizations organizations;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	LibraryFacade(JdbcClient jdbc, ItemService items, SpaceService spaces, Organizations organizations, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.items = items;
		this.spaces = spaces;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ItemRef> item(OrgAccess caller, ItemId id) {
		return items.find(caller, id.toString()).map(LibraryFacade::ref);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ItemRef> itemOf(OrgId org, ItemId id) {
		return jdbc.sql("""
				SELECT i.id, i.title, i.summary, i.kind, i.status, i.owner_id, i.review_by, i.tags, s.space_key, s.name AS space_name,
				  s.members_only
				FROM library_item i JOIN library_space s ON s.id = i.space_id
				WHERE i.org_id = ? AND i.id = ?""")
			.params(org.value(), id.value())
			.query((rs, n) -> refOf(rs))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> checklistSteps(OrgAccess caller, ItemId id) {
		return items.find(caller, id.toString())
			.filter(item -> item.kind() == Kind.CHECKLIST)
			.map(item -> ChecklistSteps.of(item.body()).stream().map(ChecklistSteps.Step::text).toList())
			.orElse(List.of());
	}

	@Override
	@Transactional(readOnly = true)
	public List<ItemRef> ownedBy(OrgId org, PersonId owner) {
		return jdbc.sql("""
				SELECT i.id, i.title, i.summary, i.kind, i.status, i.owner_id, i.review_by, i.tags, s.space_key, s.name AS space_name,
				  s.members_only
				FROM library_item i JOIN library_space s ON s.id = i.space_id
				WHERE i.org_id = ? AND i.owner_id = ? ORDER BY LOWER(i.title), i.id""")
			.params(org.value(), owner.value())
			.query((rs, n) -> refOf(rs))
			.list();
	}

	private ItemRef refOf(java.sql.ResultSet rs) throws java.sql.SQLException {
		ItemStatus status = ItemStatus.valueOf(rs.getString("status"));
		UUID id = Sql.uuid(rs, "id");
		return new ItemRef(new ItemId(id), rs.getString("title"), rs.getString("summary"), Kind.valueOf(rs.getString("kind")),
				status, rs.getString("space_key"), rs.getString("space_name"), new PersonId(Sql.uuid(rs, "owner_id")),
				ItemStore.isStale(status, Sql.instant(rs, "review_by"), clock.instant()), "items/" + id,
				tagList(rs.getString("tags")), rs.getBoolean("members_only"));
	}

	private static List<String> tagList(String tags) {
		return tags == null || tags.isEmpty() ? List.of() : List.of(tags.split(","));
	}

	@Override
	@Transactional(readOnly = true)
	public List<PublishedItem> publishedItems(OrgId org, int offset, int limit) {
		return jdbc.sql("""
				SELECT i.id, i.tags, i.owner_id, i.verified_by, i.verified_at, s.members_only,
				  COALESCE((SELECT MAX(t.at) FROM library_transition t WHERE t.item_id = i.id AND t.to_status = 'PUBLISHED'),
				    i.created_at) AS published_at
				FROM library_item i JOIN library_space s ON s.id = i.space_id
				WHERE i.org_id = ? AND i.status = 'PUBLISHED' ORDER BY i.id LIMIT ? OFFSET ?""")
			.params(org.value(), Math.max(1, Math.min(limit, 1000)), Math.max(0, offset))
			.query((rs, n) -> new PublishedItem(new ItemId(Sql.uuid(rs, "id")), tagList(rs.getString("tags")),
					new PersonId(Sql.uuid(rs, "owner_id")), Sql.instant(rs, "published_at"),
					Sql.uuid(rs, "verified_by") == null ? null : new PersonId(Sql.uuid(rs, "verified_by")),
					Sql.instant(rs, "verified_at"), rs.getBoolean("members_only")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public LibraryFigures figures(OrgId org, java.time.Instant from, java.time.Instant to) {
		record Row(UUID space, String key, String name, boolean membersOnly) {
		}
		List<Row> spaceRows = jdbc.sql("SELECT id, space_key, name, members_only FROM library_space WHERE org_id = ? ORDER BY LOWER(name), space_key")
			.params(org.value())
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), rs.getString("space_key"), rs.getString("name"),
					rs.getBoolean("members_only")))
			.list();
		// whole UTC days, from the daily counts (ActivityCounts), not from the versions themselves
		java.time.LocalDate fromDay = ActivityCounts.day(from);
		java.time.LocalDate toDay = ActivityCounts.day(to);
		java.util.Map<UUID, java.util.Map<Kind, Long>> contributions = new java.util.HashMap<>();
		java.util.Map<UUID, Long> reuses = new java.util.HashMap<>();
		java.util.Map<UUID, Long> views = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT space_id, kind, SUM(contributions) AS c, SUM(reuses) AS r, SUM(views) AS v FROM library_activity_daily
				WHERE org_id = ? AND on_day >= ? AND on_day < ? GROUP BY space_id, kind""")
			.params(org.value(), fromDay, toDay)
			.query(rs -> {
				UUID space = Sql.uuid(rs, "space_id");
				if (rs.getLong("c") > 0) {
					contributions.computeIfAbsent(space, k -> new java.util.EnumMap<>(Kind.class))
						.merge(Kind.valueOf(rs.getString("kind")), rs.getLong("c"), Long::sum);
				}
				reuses.merge(space, rs.getLong("r"), Long::sum);
				views.merge(space, rs.getLong("v"), Long::sum);
			});
		// who contributed where: one pass over the period's rows gives both the spaces' and the overall count
		java.util.Map<UUID, Long> contributors = new java.util.HashMap<>();
		java.util.Set<UUID> people = new java.util.HashSet<>();
		jdbc.sql("""
				SELECT DISTINCT space_id, person_id FROM library_contributor_daily WHERE org_id = ? AND on_day >= ? AND on_day < ?""")
			.params(org.value(), fromDay, toDay)
			.query(rs -> {
				contributors.merge(Sql.uuid(rs, "space_id"), 1L, Long::sum);
				people.add(Sql.uuid(rs, "person_id"));
			});
		long distinct = people.size();
		// published and stale items in one pass over the index (org_id, status, space_id, review_by)
		java.util.Map<UUID, Long> published = new java.util.HashMap<>();
		java.util.Map<UUID, Long> stale = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT space_id, COUNT(*) AS n, SUM(CASE WHEN review_by < ? THEN 1 ELSE 0 END) AS stale FROM library_item
				WHERE org_id = ? AND status = 'PUBLISHED' GROUP BY space_id""")
			.params(Sql.utc(clock.instant()), org.value())
			.query(rs -> {
				published.put(Sql.uuid(rs, "space_id"), rs.getLong("n"));
				stale.put(Sql.uuid(rs, "space_id"), rs.getLong("stale"));
			});
		List<SpaceFigures> figures = spaceRows.stream()
			.map(s -> new SpaceFigures(s.key(), s.name(), s.membersOnly(),
					java.util.Map.copyOf(contributions.getOrDefault(s.space(), java.util.Map.of())),
					contributors.getOrDefault(s.space(), 0L), views.getOrDefault(s.space(), 0L),
					reuses.getOrDefault(s.space(), 0L), published.getOrDefault(s.space(), 0L),
					stale.getOrDefault(s.space(), 0L)))
			.toList();
		return new LibraryFigures(figures, distinct);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Map<PersonId, Long> contributionsByPerson(OrgId org, java.time.Instant from, java.time.Instant to) {
		java.util.Map<PersonId, Long> versions = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT person_id, SUM(versions) AS n FROM library_contributor_daily
				WHERE org_id = ? AND on_day >= ? AND on_day < ? GROUP BY person_id""")
			.params(org.value(), ActivityCounts.day(from), ActivityCounts.day(to))
			.query(rs -> {
				versions.put(new PersonId(Sql.uuid(rs, "person_id")), rs.getLong("n"));
			});
		return versions;
	}

	@Override
	public SpaceRef createSpace(OrgAccess caller, String key, String name, String description, boolean membersOnly) {
		Space space = spaces.createFor(caller, key, name, description, membersOnly);
		return new SpaceRef(space.key(), space.name(), space.membersOnly(), "spaces/" + space.key());
	}

	@Override
	public void setSpaceMember(OrgId org, String spaceKey, PersonId person, Role role) {
		spaces.setMemberTrusted(org, spaceKey, person, role);
	}

	@Override
	public void removeSpaceMember(OrgId org, String spaceKey, PersonId person) {
		spaces.removeMemberTrusted(org, spaceKey, person);
	}

	@Override
	@Transactional
	public ItemRef createItem(OrgAccess caller, NewItem item) {
		Item created = items.create(caller, item.spaceKey(),
				new ItemService.Content(item.kind() == null ? null : item.kind().name(), item.title(), item.summary(),
						item.body(), item.tags(), item.owner() == null ? null : item.owner().toString(), null,
						item.message()));
		if (item.publish()) {
			items.transition(caller, created.id(), ItemStatus.IN_REVIEW.name(), null);
			created = items.transition(caller, created.id(), ItemStatus.PUBLISHED.name(), null);
		}
		return ref(created);
	}

	@Override
	@Transactional
	public int reassignOwner(OrgAccess caller, PersonId from, PersonId to) {
		Organizations.Member successor = organizations.findMember(caller.orgId(), to.toString())
			.filter(Organizations.Member::active)
			.orElseThrow(() -> ProblemException.invalid("to", "item.owner.unknown"));
		List<ItemRef> owned = ownedBy(caller.orgId(), from);
		java.util.Set<String> readable = spaces.membersOnlySpacesOf(caller.orgId().value(), successor.id().value());
		boolean unreadable = owned.stream()
			.anyMatch(ref -> isMembersOnly(caller.orgId(), ref.spaceKey()) && !readable.contains(ref.spaceKey()));
		if (unreadable) {
			// an owner must be able to read what they own
			throw ProblemException.invalid("to", "item.owner.notInSpace");
		}
		for (ItemRef ref : owned) {
			jdbc.sql("UPDATE library_item SET owner_id = ?, updated_at = ? WHERE id = ? AND org_id = ?")
				.params(successor.id().value(), Sql.utc(clock.instant()), ref.id().value(), caller.orgId().value())
				.update();
			audit.record(caller.orgId(), "item.owner-changed", "item", ref.id().toString(),
					"handed over to " + successor.email());
			events.publishEvent(new ItemChanged(caller.orgId(), ref.id()));
		}
		return owned.size();
	}

	private boolean isMembersOnly(OrgId org, String spaceKey) {
		return jdbc.sql("SELECT members_only FROM library_space WHERE org_id = ? AND space_key = ?")
			.params(org.value(), spaceKey)
			.query(Boolean.class)
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public CreditPage credits(OrgId org, List<ItemId> items, ItemId after, int limit) {
		record Row(UUID id, Kind kind, PersonId owner, boolean membersOnly, ItemStatus status, Instant created) {
		}
		int size = Math.max(1, Math.min(limit, 1000));
		List<Row> rows;
		String select = """
				SELECT i.id, i.kind, i.owner_id, i.status, i.created_at, s.members_only FROM library_item i JOIN library_space s ON s.id = i.space_id
				WHERE i.org_id = ? """;
		RowMapper<Row> mapper = (rs, n) -> new Row(Sql.uuid(rs, "id"),
				Kind.valueOf(rs.getString("kind")), new PersonId(Sql.uuid(rs, "owner_id")), rs.getBoolean("members_only"),
				ItemStatus.valueOf(rs.getString("status")), Sql.instant(rs, "created_at"));
		if (items != null) {
			if (items.isEmpty()) {
				return new CreditPage(List.of(), null);
			}
			List<ItemId> wanted = items.subList(0, Math.min(items.size(), 1000));
			rows = jdbc.sql(select + " AND i.id IN (" + String.join(", ", java.util.Collections.nCopies(wanted.size(), "?"))
					+ ") ORDER BY i.id")
				.param(org.value())
				.params(wanted.stream().map(ItemId::value).toList())
				.query(mapper)
				.list();
		}
		else {
			rows = after == null
					? jdbc.sql(select + " ORDER BY i.id LIMIT ?").params(org.value(), size).query(mapper).list()
					: jdbc.sql(select + " AND i.id > ? ORDER BY i.id LIMIT ?")
						.params(org.value(), after.value(), size)
						.query(mapper)
						.list();
		}
		List<Credit> credits = new java.util.ArrayList<>();
		for (Row row : rows) {
			ItemId id = new ItemId(row.id());
			var published = jdbc.sql("""
					SELECT actor_id, at FROM library_transition WHERE item_id = ? AND to_status = 'PUBLISHED'
					ORDER BY at, id LIMIT 1""")
				.param(row.id())
				.query((rs, n) -> new Credit(CreditKind.PUBLISHED, id, row.kind(), row.owner(),
						new PersonId(Sql.uuid(rs, "actor_id")), Sql.instant(rs, "at"), row.membersOnly()))
				.optional();
			if (published.isEmpty() && row.status() == ItemStatus.PUBLISHED) {
				// an import publishes without a review step
				published = Optional.of(new Credit(CreditKind.PUBLISHED, id, row.kind(), row.owner(), null, row.created(),
						row.membersOnly()));
			}
			published.ifPresent(credits::add);
			if (published.isPresent()) {
				Instant first = published.get().at();
				jdbc.sql("SELECT verified_by, verified_at FROM library_item WHERE id = ? AND verified_by IS NOT NULL")
					.param(row.id())
					.query((rs, n) -> new Credit(CreditKind.VERIFIED, id, row.kind(),
							new PersonId(Sql.uuid(rs, "verified_by")), null, Sql.instant(rs, "verified_at"), row.membersOnly()))
					.optional()
					.filter(credit -> credit.at().isAfter(first))
					.ifPresent(credits::add);
			}
			jdbc.sql("SELECT person_id, used_at FROM library_use WHERE item_id = ? AND person_id <> ? ORDER BY used_at, id")
				.params(row.id(), row.owner().value())
				.query((rs, n) -> new Credit(CreditKind.REUSED, id, row.kind(), row.owner(),
						new PersonId(Sql.uuid(rs, "person_id")), Sql.instant(rs, "used_at"), row.membersOnly()))
				.list()
				.forEach(credits::add);
			jdbc.sql("""
					SELECT person_id, created_at FROM library_feedback WHERE item_id = ? AND helpful = TRUE AND person_id <> ?
					ORDER BY created_at, person_id""")
				.params(row.id(), row.owner().value())
				.query((rs, n) -> new Credit(CreditKind.HELPFUL, id, row.kind(), row.owner(),
						new PersonId(Sql.uuid(rs, "person_id")), Sql.instant(rs, "created_at"), row.membersOnly()))
				.list()
				.forEach(credits::add);
		}
		ItemId last = items != null || rows.size() < size ? null : new ItemId(rows.get(rows.size() - 1).id());
		return new CreditPage(credits, last);
	}

	private static ItemRef ref(Item item) {
		return new ItemRef(item.id(), item.title(), item.summary(), item.kind(), item.status(), item.spaceKey(),
				item.spaceName(), item.ownerId(), item.stale(), "items/" + item.id(), item.tags(), item.membersOnly());
	}
}
