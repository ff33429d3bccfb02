package org.tacit.library.internal;

import org.tacit.shared.Sql;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Limits;
import org.tacit.shared.ProblemException;

/**
 * Spaces and who may do what in them. A members-only space is invisible to everyone who is not a
 * member of it: it answers "not found", and its items are left out of every list and count.
 */
@Service
public class SpaceService {

	public static final int DESCRIPTION_MAX = 2000;
	private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
	private static final Set<Role> SPACE_ROLES = Set.of(Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER);

	/** Visible spaces with the caller's space role; :me is the caller, :org the organization. */
	private static final String VISIBLE = """
			SELECT s.*, m.role AS space_role,
			  (SELECT COUNT(*) FROM library_item i WHERE i.space_id = s.id) AS item_count
			FROM library_space s
			LEFT JOIN library_space_member m ON m.space_id = s.id AND m.person_id = :me
			WHERE s.org_id = :org AND (s.members_only = FALSE OR m.person_id IS NOT NULL)""";

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Organizations organizations;
	private final Clock clock;

	SpaceService(JdbcClient jdbc, AuditLog audit, Organizations organizations, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.organizations = organizations;
		this.clock = clock;
	}

	private RowMapper<Space> mapper(OrgAccess access) {
		return (rs, n) -> {
			String spaceRole = rs.getString("space_role");
			boolean membersOnly = rs.getBoolean("members_only");
			return new Space(Sql.uuid(rs, "id"), access.orgId(), rs.getString("space_key"), rs.getString("name"),
					rs.getString("description"), membersOnly, Sql.instant(rs, "created_at"), rs.getLong("item_count"),
					effective(access.role(), spaceRole == null ? null : Role.valueOf(spaceRole), membersOnly));
		};
	}

	/** The role that counts in a space. */
	static Role effective(Role orgRole, Role spaceRole, boolean membersOnly) {
		if (membersOnly) {
			return spaceRole;
		}
		if (spaceRole == null) {
			return orgRole;
		}
		return spaceRole.atLeast(orgRole) ? spaceRole : orgRole;
	}

	@Transactional(readOnly = true)
	public List<Space> visible(OrgAccess access) {
		return jdbc.sql(VISIBLE + " ORDER BY LOWER(s.name)")
			.param("me", access.personId().value())
			.param("org", access.orgId().value())
			.query(mapper(access))
			.list();
	}

	/** A space the caller can see, by key; 404 otherwise. */
	@Transactional(readOnly = true)
	public Space get(OrgAccess access, String key) {
		return find(access, key).orElseThrow(ProblemException::notFound);
	}

	Optional<Space> find(OrgAccess access, String key) {
		if (key == null) {
			return Optional.empty();
		}
		return jdbc.sql(VISIBLE + " AND s.space_key = :key")
			.param("me", access.personId().value())
			.param("org", access.orgId().value())
			.param("key", key.strip().toUpperCase(Locale.ROOT))
			.query(mapper(access))
			.optional();
	}

	/** A space of the organization by key, whoever asks (its role is left empty). */
	Optional<Space> anyOf(OrgId org, String key) {
		if (key == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT s.*, 0 AS item_count FROM library_space s WHERE s.org_id = ? AND s.space_key = ?")
			.params(org.value(), key.strip().toUpperCase(Locale.ROOT))
			.query((rs, n) -> new Space(Sql.uuid(rs, "id"), org, rs.getString("space_key"), rs.getString("name"),
					rs.getString("description"), rs.getBoolean("members_only"), Sql.instant(rs, "created_at"), 0, null))
			.optional();
	}

	Optional<Space> byId(OrgAccess access, UUID id) {
		return jdbc.sql(VISIBLE + " AND s.id = :id")
			.param("me", access.personId().value())
			.param("org", access.orgId().value())
			.param("id", id)
			.query(mapper(access))
			.optional();
	}

	/** Knowledge managers and administrators create spaces; the creator becomes the space's editor. */
	@Transactional
	public Space create(OrgAccess access, String key, String name, String description, boolean membersOnly) {
		access.require(Role.KNOWLEDGE_MANAGER);
		return createFor(access, key, name, description, membersOnly);
	}

	/** Creates a space without the role check: for another module that has decided the caller may. */
	@Transactional
	Space createFor(OrgAccess access, String key, String name, String description, boolean membersOnly) {
		String checkedKey = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
		if (!KEY.matcher(checkedKey).matches()) {
			throw ProblemException.invalid("key", "space.key.format");
		}
		String checkedName = Text.required("name", name, Limits.NAME_LENGTH);
		String checkedDescription = Text.optional("description", description, DESCRIPTION_MAX);
		boolean taken = jdbc.sql("SELECT COUNT(*) FROM library_space WHERE org_id = ? AND space_key = ?")
			.params(access.orgId().value(), checkedKey)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw ProblemException.conflict("key", "space.key.taken", checkedKey);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO library_space (id, org_id, space_key, name, description, members_only, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, access.orgId().value(), checkedKey, checkedName, checkedDescription, membersOnly,
					access.personId().value(), Sql.utc(now))
			.update();
		addMember(id, access.personId(), Role.EDITOR, now);
		audit.record(access.orgId(), "space.created", "space", checkedKey, checkedName);
		return get(access, checkedKey);
	}

	/** Space members: who may see a members-only space, and space roles that raise organization roles. */
	public record SpaceMember(PersonId id, String name, Role role) {
	}

	@Transactional(readOnly = true)
	public List<SpaceMember> members(OrgAccess access, String key) {
		Space space = get(access, key);
		List<SpaceMember> members = jdbc.sql("SELECT person_id, role FROM library_space_member WHERE space_id = ?")
			.param(space.id())
			.query((rs, n) -> new SpaceMember(new PersonId(Sql.uuid(rs, "person_id")), "", Role.valueOf(rs.getString("role"))))
			.list();
		var names = organizations.names(members.stream().map(SpaceMember::id).toList());
		return members.stream()
			.map(m -> new SpaceMember(m.id(), names.getOrDefault(m.id(), ""), m.role()))
			.sorted(java.util.Comparator.comparing(m -> m.name().toLowerCase(Locale.ROOT)))
			.toList();
	}

	/** Adds or changes a space member; the person must belong to the organization. */
	@Transactional
	public void setMember(OrgAccess access, String key, String person, Role role) {
		Space space = requireEditor(access, key);
		if (role == null || !SPACE_ROLES.contains(role)) {
			throw ProblemException.invalid("role", "space.role.unknown");
		}
		Organizations.Member member = organizations.findMember(access.orgId(), person)
			.orElseThrow(() -> ProblemException.invalid("person", "space.person.notMember"));
		int changed = jdbc.sql("UPDATE library_space_member SET role = ? WHERE space_id = ? AND person_id = ?")
			.params(role.name(), space.id(), member.id().value())
			.update();
		if (changed == 0) {
			addMember(space.id(), member.id(), role, clock.instant());
		}
		audit.record(access.orgId(), "space.member-set", "space", space.key(), member.email() + " as " + role);
	}

	/** Sets a space role without the caller's checks (another module's own membership decides). */
	@Transactional
	void setMemberTrusted(OrgId org, String key, PersonId person, Role role) {
		if (role == null || !SPACE_ROLES.contains(role)) {
			throw ProblemException.invalid("role", "space.role.unknown");
		}
		UUID space = spaceId(org, key);
		int changed = jdbc.sql("UPDATE library_space_member SET role = ? WHERE space_id = ? AND person_id = ?")
			.params(role.name(), space, person.value())
			.update();
		if (changed == 0) {
			addMember(space, person, role, clock.instant());
		}
	}

	@Transactional
	void removeMemberTrusted(OrgId org, String key, PersonId person) {
		jdbc.sql("DELETE FROM library_space_member WHERE space_id = ? AND person_id = ?")
			.params(spaceId(org, key), person.value())
			.update();
	}

	private UUID spaceId(OrgId org, String key) {
		return jdbc.sql("SELECT id FROM library_space WHERE org_id = ? AND space_key = ?")
			.params(org.value(), key == null ? "" : key.strip().toUpperCase(Locale.ROOT))
			.query(UUID.class)
			.optional()
			.orElseThrow(ProblemException::notFound);
	}

	@Transactional
	public void removeMember(OrgAccess access, String key, String person) {
		Space space = requireEditor(access, key);
		Organizations.Member member = organizations.findMember(access.orgId(), person)
			.orElseThrow(ProblemException::notFound);
		long editors = jdbc.sql("SELECT COUNT(*) FROM library_space_member WHERE space_id = ? AND role = 'EDITOR' AND person_id <> ?")
			.params(space.id(), member.id().value())
			.query(Long.class)
			.single();
		if (space.membersOnly() && editors == 0) {
			throw ProblemException.conflict(null, "space.lastEditor");
		}
		jdbc.sql("DELETE FROM library_space_member WHERE space_id = ? AND person_id = ?")
			.params(space.id(), member.id().value())
			.update();
		audit.record(access.orgId(), "space.member-removed", "space", space.key(), member.email());
	}

	private Space requireEditor(OrgAccess access, String key) {
		Space space = get(access, key);
		if (!space.editor()) {
			throw ProblemException.forbidden();
		}
		return space;
	}

	private void addMember(UUID space, PersonId person, Role role, Instant now) {
		jdbc.sql("INSERT INTO library_space_member (space_id, person_id, role, created_at) VALUES (?, ?, ?, ?)")
			.params(space, person.value(), role.name(), Sql.utc(now))
			.update();
	}

	/** The spaces (keys) where the person's space role is editor (they see its unpublished items, {@link ItemStore}). */
	public Set<String> spacesEditedBy(UUID org, UUID person) {
		return Set.copyOf(jdbc.sql("""
				SELECT s.space_key FROM library_space s JOIN library_space_member m ON m.space_id = s.id
				WHERE s.org_id = ? AND m.person_id = ? AND m.role = 'EDITOR'""")
			.params(org, person)
			.query(String.class)
			.list());
	}

	/** Keys of the members-only spaces the person belongs to (asked on every search: one read, no transaction). */
	public Set<String> membersOnlySpacesOf(UUID org, UUID person) {
		return Set.copyOf(jdbc.sql("""
				SELECT s.space_key FROM library_space s JOIN library_space_member m ON m.space_id = s.id
				WHERE s.org_id = ? AND s.members_only = TRUE AND m.person_id = ?""")
			.params(org, person)
			.query(String.class)
			.list());
	}
}
