package org.tacit.communities.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tacit.communities.CharterRole;
import org.tacit.communities.CommunityId;
import org.tacit.communities.CommunityStatus;
import org.tacit.library.ItemId;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.search.SearchAccess;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.Sql;

/**
 * Reads communities and their charters. A community's visibility is its space's: a community whose
 * space is open to the organization is seen by every member of it; one with a members-only space
 * only by those who may read that space (and by the people invited to it, to answer the invitation).
 * The rule is part of every query.
 */
@Repository
public class CommunityStore {

	/** The visibility rule; :org is the organization, :me the viewer, :readable the members-only spaces they read. */
	static final String VISIBLE = " (" + """
			c.org_id = :org AND (c.members_only = FALSE OR c.space_key IN (:readable)
			  OR EXISTS (SELECT 1 FROM communities_member v WHERE v.community_id = c.id AND v.person_id = :me
			             AND v.status = 'INVITED'))""" + ") ";

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final ObjectProvider<SearchAccess> spaces;

	CommunityStore(JdbcClient jdbc, Organizations organizations, ObjectProvider<SearchAccess> spaces) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.spaces = spaces;
	}

	/** The members-only spaces the viewer reads, never empty (an empty IN list is no valid SQL). */
	Set<String> readable(OrgAccess viewer) {
		SearchAccess access = spaces.getIfUnique();
		Set<String> readable = access == null ? Set.of()
				: access.readableMembersOnlySpaces(viewer.orgId().value(), viewer.personId().value());
		return readable == null || readable.isEmpty() ? Set.of("") : readable;
	}

	JdbcClient.StatementSpec visible(OrgAccess viewer, String sql) {
		return jdbc.sql(sql)
			.param("org", viewer.orgId().value())
			.param("me", viewer.personId().value())
			.param("readable", readable(viewer));
	}

	/** Whether the viewer may see the community; a check for the records of a community (threads, posts). */
	boolean visibleTo(OrgAccess viewer, CommunityId id) {
		return visible(viewer, "SELECT COUNT(*) FROM communities_community c WHERE c.id = :id AND " + VISIBLE)
			.param("id", id.value())
			.query(Long.class)
			.single() > 0;
	}

	/** The community as the viewer sees it; empty if it is not visible to them. */
	public Optional<Community> find(OrgAccess viewer, CommunityId id) {
		return visible(viewer, "SELECT c.* FROM communities_community c WHERE c.id = :id AND " + VISIBLE)
			.param("id", id.value())
			.query((rs, n) -> CommunityRow.of(rs))
			.optional()
			.map(row -> community(row, viewer));
	}

	/** The community with the viewer's standing in it. */
	Community community(CommunityRow row, OrgAccess viewer) {
		MemberStatus membership = membership(row.id(), viewer.personId()).orElse(null);
		return new Community(row.id(), row.org(), row.name(), row.description(), row.tags(), row.status(),
				row.joinPolicy(), row.membersOnly(), row.spaceKey(), charter(row), row.charterVersion(), row.createdBy(),
				row.createdAt(), row.updatedAt(), row.launchedAt(), row.statusChangedAt(), row.lastActivityAt(),
				memberCount(row.id()), viewer.personId(), viewer.role(), membership);
	}

	/** A community of the organization, whoever asks. */
	Optional<CommunityRow> row(OrgId org, CommunityId id) {
		return jdbc.sql("SELECT * FROM communities_community WHERE org_id = ? AND id = ?")
			.params(org.value(), id.value())
			.query((rs, n) -> CommunityRow.of(rs))
			.optional();
	}

	Optional<CommunityRow> row(UUID id) {
		return jdbc.sql("SELECT * FROM communities_community WHERE id = ?")
			.param(id)
			.query((rs, n) -> CommunityRow.of(rs))
			.optional();
	}

	List<CommunityRow> rows(OrgId org) {
		return jdbc.sql("SELECT * FROM communities_community WHERE org_id = ? ORDER BY name_key, id")
			.param(org.value())
			.query((rs, n) -> CommunityRow.of(rs))
			.list();
	}

	Optional<MemberStatus> membership(CommunityId community, PersonId person) {
		return jdbc.sql("SELECT status FROM communities_member WHERE community_id = ? AND person_id = ?")
			.params(community.value(), person.value())
			.query(String.class)
			.optional()
			.map(MemberStatus::valueOf);
	}

	long memberCount(CommunityId community) {
		return jdbc.sql("SELECT COUNT(*) FROM communities_member WHERE community_id = ? AND status = 'MEMBER'")
			.param(community.value())
			.query(Long.class)
			.single();
	}

	/** The current charter, with the names of the people in its roles. */
	Charter charter(CommunityRow row) {
		List<Charter.Role> roles = roles(row.id());
		return new Charter(row.purpose(), roles, deliverables(row.id()), row.capabilityIntent(), row.rhythm());
	}

	private List<Charter.Role> roles(CommunityId community) {
		record Raw(UUID id, CharterRole role, PersonId person, String responsibilities) {
		}
		List<Raw> raw = jdbc.sql("SELECT id, role, person_id, responsibilities FROM communities_role WHERE community_id = ? ORDER BY position")
			.param(community.value())
			.query((rs, n) -> new Raw(Sql.uuid(rs, "id"), CharterRole.valueOf(rs.getString("role")),
					new PersonId(Sql.uuid(rs, "person_id")), rs.getString("responsibilities")))
			.list();
		Map<PersonId, Organizations.Member> people = new HashMap<>();
		OrgId org = raw.isEmpty() ? null : orgOf(community);
		for (Raw r : raw) {
			people.computeIfAbsent(r.person(), p -> organizations.findMember(org, p.toString()).orElse(null));
		}
		Map<PersonId, String> names = organizations.names(people.keySet());
		return raw.stream().map(r -> {
			Organizations.Member member = people.get(r.person());
			return new Charter.Role(r.id(), r.role(), r.person(), names.getOrDefault(r.person(), ""),
					member == null ? "" : member.email(), member != null && member.active(), r.responsibilities());
		}).toList();
	}

	private OrgId orgOf(CommunityId community) {
		return new OrgId(jdbc.sql("SELECT org_id FROM communities_community WHERE id = ?")
			.param(community.value())
			.query(UUID.class)
			.single());
	}

	private List<Charter.Deliverable> deliverables(CommunityId community) {
		Map<UUID, List<ItemId>> items = new HashMap<>();
		jdbc.sql("""
				SELECT l.deliverable_id, l.item_id FROM communities_deliverable_item l
				JOIN communities_deliverable d ON d.id = l.deliverable_id
				WHERE d.community_id = ? ORDER BY l.position""")
			.param(community.value())
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "deliverable_id"), new ItemId(Sql.uuid(rs, "item_id"))))
			.list()
			.forEach(e -> items.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return jdbc.sql("SELECT * FROM communities_deliverable WHERE community_id = ? ORDER BY position")
			.param(community.value())
			.query((rs, n) -> {
				UUID id = Sql.uuid(rs, "id");
				return new Charter.Deliverable(id, rs.getString("description"),
						rs.getObject("target_date", java.time.LocalDate.class), DeliverableStatus.valueOf(rs.getString("status")),
						rs.getObject("delivered_on", java.time.LocalDate.class),
						List.copyOf(items.getOrDefault(id, List.of())));
			})
			.list();
	}

	/** What the directory can be narrowed to; null means any. */
	public record Filter(String domain, CommunityStatus status, String text, boolean mine) {

		public static final int TEXT_MAX = 200;

		/** The filters as the API and the pages receive them; 400 on an unknown status or a long text. */
		public static Filter of(String domain, String status, String text, boolean mine) {
			CommunityStatus checked = status == null || status.isBlank() ? null
					: Checks.choice("status", status, CommunityStatus.class, "community.status.unknown");
			if (text != null && text.length() > TEXT_MAX) {
				throw org.tacit.shared.ProblemException.invalid("q", "problem.field.tooLong", TEXT_MAX);
			}
			return new Filter(domain == null || domain.isBlank() ? null : domain.strip().toLowerCase(java.util.Locale.ROOT),
					checked, text == null || text.isBlank() ? null : text.strip(), mine);
		}
	}

	/** A community in the directory, with the viewer's standing in it. */
	public record Listing(CommunityId id, String name, String description, List<String> tags, CommunityStatus status,
			JoinPolicy joinPolicy, boolean membersOnly, long members, MemberStatus membership,
			java.time.Instant lastActivityAt) {
	}

	/** The communities the viewer sees, by name; the filters and the visibility rule are in the query. */
	public Page<Listing> list(OrgAccess viewer, Filter filter, Paging paging) {
		StringBuilder where = new StringBuilder(VISIBLE);
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.domain() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM communities_tag t WHERE t.community_id = c.id AND t.tag = :domain)");
			params.put("domain", filter.domain());
		}
		if (filter.status() != null) {
			where.append(" AND c.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.text() != null) {
			where.append(" AND (LOWER(c.name) LIKE :text OR LOWER(c.description) LIKE :text)");
			params.put("text", "%" + filter.text().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
				.replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (filter.mine()) {
			where.append(" AND m.person_id IS NOT NULL");
		}
		String from = " FROM communities_community c LEFT JOIN communities_member m ON m.community_id = c.id AND m.person_id = :me WHERE ";
		long total = visible(viewer, "SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
		List<Listing> listings = visible(viewer, """
				SELECT c.*, m.status AS my_status,
				  (SELECT COUNT(*) FROM communities_member x WHERE x.community_id = c.id AND x.status = 'MEMBER') AS member_count
				""" + from + where + " ORDER BY c.name_key, c.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> {
				CommunityRow row = CommunityRow.of(rs);
				String mine = rs.getString("my_status");
				return new Listing(row.id(), row.name(), row.description(), row.tags(), row.status(), row.joinPolicy(),
						row.membersOnly(), rs.getLong("member_count"), mine == null ? null : MemberStatus.valueOf(mine),
						row.lastActivityAt());
			})
			.list();
		return paging.of(listings, total);
	}

	/** The domain tags of the communities the viewer sees, for the directory's filter. */
	public List<String> domains(OrgAccess viewer) {
		return visible(viewer, """
				SELECT DISTINCT t.tag FROM communities_tag t JOIN communities_community c ON c.id = t.community_id
				WHERE """ + VISIBLE + " ORDER BY t.tag")
			.query(String.class)
			.list();
	}

	/** One version of the charter as recorded at launch or after a change. */
	public record Version(int version, String snapshot, String note, PersonId changedBy, String changedByName,
			java.time.Instant changedAt) {
	}

	List<Version> versions(CommunityId community) {
		List<Version> versions = jdbc.sql("SELECT * FROM communities_charter_version WHERE community_id = ? ORDER BY version DESC")
			.param(community.value())
			.query((rs, n) -> new Version(rs.getInt("version"), rs.getString("snapshot"), rs.getString("note"),
					new PersonId(Sql.uuid(rs, "changed_by")), "", Sql.instant(rs, "changed_at")))
			.list();
		Map<PersonId, String> names = organizations.names(versions.stream().map(Version::changedBy).toList());
		return versions.stream()
			.map(v -> new Version(v.version(), v.snapshot(), v.note(), v.changedBy(),
					names.getOrDefault(v.changedBy(), ""), v.changedAt()))
			.toList();
	}
}
