package org.tacit.communities.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.communities.CharterRole;
import org.tacit.communities.CommunityId;
import org.tacit.communities.CommunityLaunched;
import org.tacit.communities.CommunityRoleAssigned;
import org.tacit.communities.CommunityStatus;
import org.tacit.communities.CommunityStatusChanged;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Limits;
import org.tacit.shared.ProblemException;
import org.tacit.shared.ProblemException.FieldProblem;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

import tools.jackson.databind.json.JsonMapper;

/**
 * Proposing communities, their charters and their lifecycle. The launch gate ({@link CharterGate})
 * refuses a launch with every missing part listed (422); after launch each charter change is a new
 * version, and it must keep the charter complete.
 */
@Service
public class CommunityService {

	public static final int DESCRIPTION_MAX = 2000;
	public static final int DOMAIN_TAGS_MAX = 20;
	public static final int PURPOSE_MAX = 4000;
	public static final int ROLES_MAX = 30;
	public static final int RESPONSIBILITIES_MAX = 2000;
	public static final int DELIVERABLES_MAX = 50;
	public static final int DELIVERABLE_MAX = 500;
	public static final int INTENT_MAX = 4000;
	public static final int RHYTHM_MAX = 500;
	public static final int NOTE_MAX = 500;
	public static final int LINKED_ITEMS_MAX = 20;
	private static final int SPACE_KEY_MAX = 32;

	private final JdbcClient jdbc;
	private final CommunityStore store;
	private final MembershipService memberships;
	private final KnowledgeLibrary library;
	private final Records records;
	private final Organizations organizations;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;

	CommunityService(JdbcClient jdbc, CommunityStore store, MembershipService memberships, KnowledgeLibrary library,
			Records records, Organizations organizations, AuditLog audit, ApplicationEventPublisher events,
			JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.memberships = memberships;
		this.library = library;
		this.records = records;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** What a proposal says; {@code membersOnly} and {@code spaceKey} only count when proposing. */
	public record Details(String name, String description, List<String> tags, String joinPolicy, Boolean membersOnly,
			String spaceKey) {
	}

	/** A charter as written; blank rows are the caller's to leave out. */
	public record CharterInput(String purpose, List<RoleInput> roles, List<DeliverableInput> deliverables,
			String capabilityIntent, String rhythm, String note) {
	}

	public record RoleInput(String role, String person, String responsibilities) {
	}

	/** {@code id} keeps a deliverable's status and links when its text changes; without one, the same description does. */
	public record DeliverableInput(String id, String description, String targetDate) {
	}

	@Transactional(readOnly = true)
	public Community get(OrgAccess access, CommunityId id) {
		return store.find(access, id).orElseThrow(ProblemException::notFound);
	}

	@Transactional(readOnly = true)
	public Optional<Community> find(OrgAccess access, String id) {
		return Checks.uuid(id).flatMap(uuid -> store.find(access, new CommunityId(uuid)));
	}

	/**
	 * Contributors and above propose a community; it gets its space in the library at once, and the
	 * proposer becomes its first member.
	 */
	@Transactional
	public Community propose(OrgAccess access, Details details) {
		access.require(Role.CONTRIBUTOR);
		String name = Checks.required("name", details.name(), Limits.NAME_LENGTH);
		String description = Checks.optional("description", details.description(), DESCRIPTION_MAX);
		List<String> tags = Checks.tags("tags", details.tags(), DOMAIN_TAGS_MAX);
		JoinPolicy policy = details.joinPolicy() == null || details.joinPolicy().isBlank() ? JoinPolicy.OPEN
				: Checks.choice("joinPolicy", details.joinPolicy(), JoinPolicy.class, "community.joinPolicy.unknown");
		boolean membersOnly = Boolean.TRUE.equals(details.membersOnly());
		requireFreeName(access, name, null);
		String spaceKey = spaceKey(access, details.spaceKey(), name);
		KnowledgeLibrary.SpaceRef space = library.createSpace(access, spaceKey, name, description, membersOnly);
		CommunityId id = CommunityId.random();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO communities_community (id, org_id, name, name_key, description, tags, status, join_policy,
				  members_only, space_key, purpose, capability_intent, rhythm, charter_version, created_by, created_at,
				  updated_at, launched_at, status_changed_at, last_activity_at)
				VALUES (?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?, ?, '', '', '', 0, ?, ?, ?, NULL, ?, NULL)""")
			.params(id.value(), access.orgId().value(), name, name.toLowerCase(Locale.ROOT), description,
					String.join(",", tags), policy.name(), membersOnly, space.key(), access.personId().value(),
					Sql.utc(now), Sql.utc(now), Sql.utc(now))
			.update();
		writeTags(id, tags);
		CommunityRow row = store.row(access.orgId(), id).orElseThrow();
		memberships.ensureMember(row, access.personId());
		memberships.syncSpaceRole(row, access.personId());
		audit.record(access.orgId(), "community.proposed", "community", id.toString(), name);
		events.publishEvent(new CommunityChanged(access.orgId().value(), id.value(), false));
		return get(access, id);
	}

	/** Stewards change the name, description, domain and join policy (the space keeps its visibility). */
	@Transactional
	public Community updateDetails(OrgAccess access, CommunityId id, Details details) {
		Community community = editable(access, id);
		String name = Checks.required("name", details.name(), Limits.NAME_LENGTH);
		String description = Checks.optional("description", details.description(), DESCRIPTION_MAX);
		List<String> tags = Checks.tags("tags", details.tags(), DOMAIN_TAGS_MAX);
		JoinPolicy policy = details.joinPolicy() == null || details.joinPolicy().isBlank() ? community.joinPolicy()
				: Checks.choice("joinPolicy", details.joinPolicy(), JoinPolicy.class, "community.joinPolicy.unknown");
		requireFreeName(access, name, id);
		jdbc.sql("""
				UPDATE communities_community SET name = ?, name_key = ?, description = ?, tags = ?, join_policy = ?,
				  updated_at = ? WHERE id = ? AND org_id = ?""")
			.params(name, name.toLowerCase(Locale.ROOT), description, String.join(",", tags), policy.name(),
					Sql.utc(clock.instant()), id.value(), access.orgId().value())
			.update();
		jdbc.sql("DELETE FROM communities_tag WHERE community_id = ?").param(id.value()).update();
		writeTags(id, tags);
		audit.record(access.orgId(), "community.updated", "community", id.toString(), name);
		events.publishEvent(new CommunityChanged(access.orgId().value(), id.value(), !name.equals(community.name())));
		return get(access, id);
	}

	/**
	 * Replaces the charter. Before launch it is a draft that may be incomplete; after launch it must pass
	 * the gate (422 otherwise) and becomes the next version. People named in roles become members.
	 */
	@Transactional
	public Community saveCharter(OrgAccess access, CommunityId id, CharterInput input) {
		Community community = editable(access, id);
		String purpose = Checks.optional("purpose", input.purpose(), PURPOSE_MAX);
		String intent = Checks.optional("capabilityIntent", input.capabilityIntent(), INTENT_MAX);
		String rhythm = Checks.optional("rhythm", input.rhythm(), RHYTHM_MAX);
		String note = Checks.optional("note", input.note(), NOTE_MAX);
		List<Charter.Role> roles = roles(access, input.roles());
		List<CheckedDeliverable> deliverables = deliverables(input.deliverables());
		List<Charter.Deliverable> kept = matchDeliverables(community.charter().deliverables(), deliverables);
		Charter charter = new Charter(purpose, roles, kept, intent, rhythm);
		boolean launched = community.status() != CommunityStatus.PROPOSED;
		if (launched) {
			requireComplete(charter);
		}
		Instant now = clock.instant();
		int version = launched ? community.charterVersion() + 1 : 0;
		jdbc.sql("""
				UPDATE communities_community SET purpose = ?, capability_intent = ?, rhythm = ?, charter_version = ?,
				  updated_at = ? WHERE id = ? AND org_id = ?""")
			.params(purpose, intent, rhythm, version, Sql.utc(now), id.value(), access.orgId().value())
			.update();
		writeRoles(community, roles);
		writeDeliverables(community, kept, now);
		if (launched) {
			writeVersion(id, version, charter, note.isEmpty() ? null : note, access.personId(), now);
		}
		audit.record(access.orgId(), "community.charter-saved", "community", id.toString(),
				launched ? "version " + version : "draft");
		events.publishEvent(new CommunityChanged(access.orgId().value(), id.value(), false));
		return get(access, id);
	}

	/** The charter parts still missing before the community can launch (none once it is complete). */
	public List<FieldProblem> missing(Community community) {
		return CharterGate.missing(community.charter());
	}

	/** Stewards launch a proposed community whose charter is complete; the charter as launched is version 1. */
	@Transactional
	public Community launch(OrgAccess access, CommunityId id) {
		Community community = get(access, id);
		if (!community.steward()) {
			throw ProblemException.forbidden();
		}
		if (community.status() != CommunityStatus.PROPOSED) {
			throw ProblemException.conflict(null, "community.launch.notProposed");
		}
		requireComplete(community.charter());
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE communities_community SET status = 'LAUNCHED', charter_version = 1, launched_at = ?,
				  status_changed_at = ?, updated_at = ? WHERE id = ? AND org_id = ? AND status = 'PROPOSED'""")
			.params(Sql.utc(now), Sql.utc(now), Sql.utc(now), id.value(), access.orgId().value())
			.update();
		writeVersion(id, 1, community.charter(), null, access.personId(), now);
		CommunityRow row = store.row(access.orgId(), id).orElseThrow();
		// the proposer edited the space while the community was a proposal; now their roles decide
		memberships.syncSpaceRole(row, row.createdBy());
		audit.record(access.orgId(), "community.launched", "community", id.toString(), community.name());
		events.publishEvent(new CommunityLaunched(access.orgId(), id, community.name(), community.tags(),
				access.personId()));
		events.publishEvent(new CommunityStatusChanged(access.orgId(), id, CommunityStatus.PROPOSED,
				CommunityStatus.LAUNCHED, access.personId()));
		events.publishEvent(new CommunityChanged(access.orgId().value(), id.value(), false));
		return get(access, id);
	}

	/** Stewards move a launched community: ACTIVE, DORMANT or RETIRED, as the lifecycle allows (409 otherwise). */
	@Transactional
	public Community changeStatus(OrgAccess access, CommunityId id, String to) {
		Community community = get(access, id);
		// who may first, then what they asked for: someone who may not gets 403 whatever they sent
		if (!community.steward()) {
			throw ProblemException.forbidden();
		}
		CommunityStatus next = Checks.choice("status", to, CommunityStatus.class, "community.status.unknown");
		if (next == CommunityStatus.LAUNCHED && community.status() == CommunityStatus.PROPOSED) {
			return launch(access, id);
		}
		if (!community.status().canGoTo(next) || next == CommunityStatus.LAUNCHED) {
			throw ProblemException.conflict("status", "community.status.notAllowed", community.status(), next);
		}
		moveTo(store.row(access.orgId(), id).orElseThrow(), next, access.personId());
		audit.record(access.orgId(), "community.status-changed", "community", id.toString(),
				community.status() + " → " + next);
		return get(access, id);
	}

	/** A thread or post was written: the community's last activity, and a quiet community wakes up. */
	void activity(CommunityRow community, PersonId by, Instant at) {
		jdbc.sql("UPDATE communities_community SET last_activity_at = ? WHERE id = ?")
			.params(Sql.utc(at), community.id().value())
			.update();
		if (community.status() == CommunityStatus.LAUNCHED || community.status() == CommunityStatus.DORMANT) {
			moveTo(community, CommunityStatus.ACTIVE, by);
		}
	}

	private void moveTo(CommunityRow community, CommunityStatus next, PersonId by) {
		Instant now = clock.instant();
		jdbc.sql("UPDATE communities_community SET status = ?, status_changed_at = ?, updated_at = ? WHERE id = ?")
			.params(next.name(), Sql.utc(now), Sql.utc(now), community.id().value())
			.update();
		events.publishEvent(new CommunityStatusChanged(community.org(), community.id(), community.status(), next, by));
		events.publishEvent(new CommunityChanged(community.org().value(), community.id().value(), true));
	}

	/** Stewards track a deliverable: its status and the library items it is made of (which they must see). */
	@Transactional
	public Community updateDeliverable(OrgAccess access, CommunityId id, String deliverableId, String status,
			List<String> items) {
		Community community = editable(access, id);
		Charter.Deliverable deliverable = community.charter()
			.deliverables()
			.stream()
			.filter(d -> d.id().toString().equals(deliverableId))
			.findFirst()
			.orElseThrow(ProblemException::notFound);
		DeliverableStatus next = Checks.choice("status", status, DeliverableStatus.class, "community.deliverable.status.unknown");
		Set<UUID> linked = new LinkedHashSet<>();
		for (String item : items == null ? List.<String>of() : items) {
			if (item == null || item.isBlank()) {
				continue;
			}
			UUID itemId = itemId(item).orElseThrow(() -> ProblemException.invalid("items", "community.deliverable.item.unknown", item.strip()));
			records.require(access.orgId().value(), "item", itemId.toString(), access.personId().value(), "items");
			linked.add(itemId);
		}
		if (linked.size() > LINKED_ITEMS_MAX) {
			throw ProblemException.invalid("items", "community.deliverable.items.tooMany", LINKED_ITEMS_MAX);
		}
		Instant now = clock.instant();
		LocalDate deliveredOn = next != DeliverableStatus.DELIVERED ? null
				: deliverable.deliveredOn() != null ? deliverable.deliveredOn() : LocalDate.ofInstant(now, ZoneOffset.UTC);
		jdbc.sql("UPDATE communities_deliverable SET status = ?, delivered_on = ?, updated_at = ? WHERE id = ?")
			.params(next.name(), deliveredOn, Sql.utc(now), deliverable.id())
			.update();
		jdbc.sql("DELETE FROM communities_deliverable_item WHERE deliverable_id = ?").param(deliverable.id()).update();
		int position = 0;
		for (UUID item : linked) {
			jdbc.sql("INSERT INTO communities_deliverable_item (deliverable_id, item_id, position) VALUES (?, ?, ?)")
				.params(deliverable.id(), item, position++)
				.update();
		}
		audit.record(access.orgId(), "community.deliverable-updated", "community", id.toString(),
				deliverable.description() + ": " + next);
		return get(access, id);
	}

	/** An item id, or the address of an item's page (".../items/<id>"). */
	private static Optional<UUID> itemId(String value) {
		String text = value.strip();
		int at = text.lastIndexOf("items/");
		String id = at < 0 ? text : text.substring(at + "items/".length());
		int end = id.indexOf('?') >= 0 ? id.indexOf('?') : id.indexOf('#');
		return Checks.uuid(end >= 0 ? id.substring(0, end) : id);
	}

	/** The charter's versions, newest first (only launched communities have them). */
	@Transactional(readOnly = true)
	public List<CommunityStore.Version> versions(OrgAccess access, CommunityId id) {
		get(access, id);
		return store.versions(id);
	}

	/** One recorded version of the charter. */
	@Transactional(readOnly = true)
	public Snapshot version(OrgAccess access, CommunityId id, int version) {
		return versions(access, id).stream()
			.filter(v -> v.version() == version)
			.findFirst()
			.map(v -> json.readValue(v.snapshot(), Snapshot.class))
			.orElseThrow(ProblemException::notFound);
	}

	/** The charter as a version recorded it: people by id and by the name they had then. */
	public record Snapshot(String purpose, List<SnapshotRole> roles, List<SnapshotDeliverable> deliverables,
			String capabilityIntent, String rhythm) {
	}

	public record SnapshotRole(CharterRole role, UUID person, String name, String responsibilities) {
	}

	public record SnapshotDeliverable(String description, LocalDate targetDate) {
	}

	/** A charter role a person holds, for the handover list. */
	public record HeldRole(CommunityId community, String communityName, CharterRole role) {
	}

	/** The charter roles a person holds in the organization's communities that are not retired. */
	@Transactional(readOnly = true)
	public List<HeldRole> rolesOf(OrgId org, PersonId person) {
		return jdbc.sql("""
				SELECT c.id, c.name, r.role FROM communities_role r JOIN communities_community c ON c.id = r.community_id
				WHERE c.org_id = ? AND r.person_id = ? AND c.status <> 'RETIRED' ORDER BY c.name_key, r.position""")
			.params(org.value(), person.value())
			.query((rs, n) -> new HeldRole(new CommunityId(Sql.uuid(rs, "id")), rs.getString("name"),
					CharterRole.valueOf(rs.getString("role"))))
			.list();
	}

	/**
	 * A leaver's charter roles pass to their successor, with the same responsibilities; the successor
	 * becomes a member. A launched community's charter gets a new version saying so. Where the successor
	 * already holds the same role, the leaver's is dropped. Returns how many roles moved.
	 */
	@Transactional
	public int handOverRoles(OrgAccess caller, PersonId from, PersonId to) {
		Organizations.Member successor = organizations.findMember(caller.orgId(), to.toString())
			.filter(Organizations.Member::active)
			.orElseThrow(() -> ProblemException.invalid("to", "charter.role.person.unknown", to.toString()));
		int moved = 0;
		Instant now = clock.instant();
		for (CommunityId id : rolesOf(caller.orgId(), from).stream().map(HeldRole::community).distinct().toList()) {
			CommunityRow row = store.row(caller.orgId(), id).orElseThrow();
			Community community = store.community(row, caller);
			List<Charter.Role> roles = new ArrayList<>();
			for (Charter.Role role : community.charter().roles()) {
				if (!role.person().equals(from)) {
					roles.add(role);
					continue;
				}
				moved++;
				boolean held = community.charter().roles().stream()
					.anyMatch(r -> r.role() == role.role() && r.person().equals(to));
				if (!held) {
					roles.add(new Charter.Role(role.id(), role.role(), to, successor.name(), successor.email(), true,
							role.responsibilities()));
				}
			}
			writeRoles(community, roles);
			Charter charter = new Charter(community.charter().purpose(), roles, community.charter().deliverables(),
					community.charter().capabilityIntent(), community.charter().rhythm());
			if (community.status() != CommunityStatus.PROPOSED) {
				int version = community.charterVersion() + 1;
				jdbc.sql("UPDATE communities_community SET charter_version = ?, updated_at = ? WHERE id = ?")
					.params(version, Sql.utc(now), id.value())
					.update();
				writeVersion(id, version, charter, "Handed over to " + successor.name(), caller.personId(), now);
			}
			audit.record(caller.orgId(), "community.roles-handed-over", "community", id.toString(),
					from + " → " + to);
			events.publishEvent(new CommunityChanged(caller.orgId().value(), id.value(), false));
		}
		return moved;
	}

	private void writeVersion(CommunityId id, int version, Charter charter, String note, PersonId by, Instant now) {
		Snapshot snapshot = new Snapshot(charter.purpose(),
				charter.roles().stream().map(r -> new SnapshotRole(r.role(), r.person().value(), r.personName(),
						r.responsibilities())).toList(),
				charter.deliverables().stream().map(d -> new SnapshotDeliverable(d.description(), d.targetDate())).toList(),
				charter.capabilityIntent(), charter.rhythm());
		jdbc.sql("""
				INSERT INTO communities_charter_version (community_id, version, snapshot, note, changed_by, changed_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id.value(), version, json.writeValueAsString(snapshot), note, by.value(), Sql.utc(now))
			.update();
	}

	private static void requireComplete(Charter charter) {
		List<FieldProblem> missing = CharterGate.missing(charter);
		if (!missing.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "charter.incomplete", missing, missing.size());
		}
	}

	private Community editable(OrgAccess access, CommunityId id) {
		Community community = get(access, id);
		if (!community.steward()) {
			throw ProblemException.forbidden();
		}
		if (community.status() == CommunityStatus.RETIRED) {
			throw ProblemException.conflict(null, "community.retired");
		}
		return community;
	}

	private void requireFreeName(OrgAccess access, String name, CommunityId except) {
		boolean taken = jdbc.sql("SELECT COUNT(*) FROM communities_community WHERE org_id = ? AND name_key = ? AND id <> ?")
			.params(access.orgId().value(), name.toLowerCase(Locale.ROOT), except == null ? new UUID(0, 0) : except.value())
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw ProblemException.conflict("name", "community.name.taken", name);
		}
	}

	/**
	 * The space key asked for (409 if taken), or one made from the name: "COP_" and its letters and
	 * digits, numbered when that is taken.
	 */
	private String spaceKey(OrgAccess access, String asked, String name) {
		if (asked != null && !asked.isBlank()) {
			String key = asked.strip().toUpperCase(Locale.ROOT);
			if (records.find(access.orgId().value(), "space", key, null).isPresent()) {
				throw ProblemException.conflict("spaceKey", "community.spaceKey.taken", key);
			}
			return key;
		}
		String words = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.toUpperCase(Locale.ROOT)
			.replaceAll("[^A-Z0-9]+", "_")
			.replaceAll("^_+|_+$", "");
		String base = ("COP_" + words);
		base = base.length() > SPACE_KEY_MAX - 3 ? base.substring(0, SPACE_KEY_MAX - 3).replaceAll("_+$", "") : base;
		base = base.equals("COP_") ? "COP" : base;
		String key = base;
		for (int n = 2; records.find(access.orgId().value(), "space", key, null).isPresent(); n++) {
			if (n > 99) {
				throw ProblemException.conflict("spaceKey", "community.spaceKey.taken", key);
			}
			key = base + "_" + n;
		}
		return key;
	}

	private void writeTags(CommunityId id, List<String> tags) {
		for (String tag : tags) {
			jdbc.sql("INSERT INTO communities_tag (community_id, tag) VALUES (?, ?)").params(id.value(), tag).update();
		}
	}

	/** Roles as written, each naming an active member of the organization (400 on the row otherwise). */
	private List<Charter.Role> roles(OrgAccess access, List<RoleInput> input) {
		List<RoleInput> rows = input == null ? List.of() : input;
		if (rows.size() > ROLES_MAX) {
			throw ProblemException.invalid("roles", "charter.roles.tooMany", ROLES_MAX);
		}
		List<Charter.Role> roles = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			RoleInput row = rows.get(i);
			String at = "roles[" + i + "]";
			if (row == null) {
				throw ProblemException.invalid(at, "problem.field.required");
			}
			CharterRole role = Checks.choice(at + ".role", row.role(), CharterRole.class, "charter.role.unknown");
			if (row.person() == null || row.person().isBlank()) {
				throw ProblemException.invalid(at + ".person", "charter.role.person.required");
			}
			Organizations.Member person = organizations.findMember(access.orgId(), row.person())
				.filter(Organizations.Member::active)
				.orElseThrow(() -> ProblemException.invalid(at + ".person", "charter.role.person.unknown", row.person().strip()));
			String responsibilities = Checks.optional(at + ".responsibilities", row.responsibilities(), RESPONSIBILITIES_MAX);
			if (!seen.add(role + "/" + person.id())) {
				throw ProblemException.invalid(at + ".person", "charter.role.twice", person.name());
			}
			roles.add(new Charter.Role(UUID.randomUUID(), role, person.id(), person.name(), person.email(), true,
					responsibilities));
		}
		return roles;
	}

	private record CheckedDeliverable(UUID id, String description, LocalDate targetDate) {
	}

	private List<CheckedDeliverable> deliverables(List<DeliverableInput> input) {
		List<DeliverableInput> rows = input == null ? List.of() : input;
		if (rows.size() > DELIVERABLES_MAX) {
			throw ProblemException.invalid("deliverables", "charter.deliverables.tooMany", DELIVERABLES_MAX);
		}
		List<CheckedDeliverable> checked = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			DeliverableInput row = rows.get(i);
			String at = "deliverables[" + i + "]";
			if (row == null) {
				throw ProblemException.invalid(at, "problem.field.required");
			}
			String description = Checks.required(at + ".description", row.description(), DELIVERABLE_MAX);
			if (row.targetDate() == null || row.targetDate().isBlank()) {
				throw ProblemException.invalid(at + ".targetDate", "charter.deliverable.date.required");
			}
			LocalDate target;
			try {
				target = LocalDate.parse(row.targetDate().strip());
			}
			catch (DateTimeParseException e) {
				throw ProblemException.invalid(at + ".targetDate", "charter.deliverable.date.format");
			}
			checked.add(new CheckedDeliverable(row.id() == null ? null : Checks.uuid(row.id()).orElse(null), description,
					target));
		}
		return checked;
	}

	/** The new deliverables, keeping the status and links of those that stay (same id, or same description). */
	private static List<Charter.Deliverable> matchDeliverables(List<Charter.Deliverable> current,
			List<CheckedDeliverable> written) {
		List<Charter.Deliverable> unmatched = new ArrayList<>(current);
		List<Charter.Deliverable> result = new ArrayList<>();
		for (CheckedDeliverable d : written) {
			Charter.Deliverable same = unmatched.stream()
				.filter(old -> old.id().equals(d.id()))
				.findFirst()
				.or(() -> unmatched.stream().filter(old -> old.description().equalsIgnoreCase(d.description())).findFirst())
				.orElse(null);
			if (same != null) {
				unmatched.remove(same);
				result.add(new Charter.Deliverable(same.id(), d.description(), d.targetDate(), same.status(),
						same.deliveredOn(), same.items()));
			}
			else {
				result.add(new Charter.Deliverable(UUID.randomUUID(), d.description(), d.targetDate(),
						DeliverableStatus.PLANNED, null, List.of()));
			}
		}
		return result;
	}

	private void writeRoles(Community community, List<Charter.Role> roles) {
		Set<String> before = new HashSet<>();
		community.charter().roles().forEach(r -> before.add(r.role() + "/" + r.person()));
		jdbc.sql("DELETE FROM communities_role WHERE community_id = ?").param(community.id().value()).update();
		int position = 0;
		for (Charter.Role role : roles) {
			jdbc.sql("""
					INSERT INTO communities_role (id, community_id, org_id, role, person_id, responsibilities, position)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(role.id(), community.id().value(), community.org().value(), role.role().name(),
						role.person().value(), role.responsibilities(), position++)
				.update();
		}
		CommunityRow row = store.row(community.org(), community.id()).orElseThrow();
		Set<PersonId> touched = new LinkedHashSet<>();
		community.charter().roles().forEach(r -> touched.add(r.person()));
		for (Charter.Role role : roles) {
			touched.add(role.person());
			memberships.ensureMember(row, role.person());
			if (!before.contains(role.role() + "/" + role.person())) {
				events.publishEvent(new CommunityRoleAssigned(community.org(), community.id(), role.person(), role.role()));
			}
		}
		touched.forEach(person -> memberships.syncSpaceRole(row, person));
	}

	private void writeDeliverables(Community community, List<Charter.Deliverable> deliverables, Instant now) {
		Set<UUID> kept = new HashSet<>();
		deliverables.forEach(d -> kept.add(d.id()));
		for (Charter.Deliverable old : community.charter().deliverables()) {
			if (!kept.contains(old.id())) {
				jdbc.sql("DELETE FROM communities_deliverable_item WHERE deliverable_id = ?").param(old.id()).update();
				jdbc.sql("DELETE FROM communities_deliverable WHERE id = ?").param(old.id()).update();
			}
		}
		Set<UUID> existing = new HashSet<>();
		community.charter().deliverables().forEach(d -> existing.add(d.id()));
		int position = 0;
		for (Charter.Deliverable d : deliverables) {
			if (existing.contains(d.id())) {
				jdbc.sql("UPDATE communities_deliverable SET description = ?, target_date = ?, position = ?, updated_at = ? WHERE id = ?")
					.params(d.description(), d.targetDate(), position++, Sql.utc(now), d.id())
					.update();
			}
			else {
				jdbc.sql("""
						INSERT INTO communities_deliverable (id, community_id, org_id, description, target_date, status,
						  delivered_on, position, updated_at)
						VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)""")
					.params(d.id(), community.id().value(), community.org().value(), d.description(), d.targetDate(),
							d.status().name(), position++, Sql.utc(now))
					.update();
			}
		}
	}

	/** Library items a deliverable links, as the caller may see them (others are left out). */
	public List<KnowledgeLibrary.ItemRef> linkedItems(OrgAccess access, Charter.Deliverable deliverable) {
		return deliverable.items().stream().map(item -> library.item(access, item)).flatMap(Optional::stream).toList();
	}

	/** The comma-separated tags of a form field. */
	public static List<String> splitTags(String field) {
		return Checks.split(field);
	}

	/** Ids written for the items field: one per line or separated by commas. */
	public static List<String> itemList(String field) {
		return field == null ? List.of() : java.util.Arrays.stream(field.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
	}
}
