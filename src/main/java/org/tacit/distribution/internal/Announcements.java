package org.tacit.distribution.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.communities.CommunitiesOfPractice;
import org.tacit.communities.CommunityId;
import org.tacit.distribution.AnnouncementPublished;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/**
 * Announcements: leaders (administrators and knowledge managers) tell the organization, the holders of a
 * role or a community what is expected of them, optionally asking each to acknowledge it. The audience is
 * fixed when the announcement is published. The author and leaders see who has and who has not
 * acknowledged, and can remind those who have not.
 */
@Service
public class Announcements {

	public static final int TITLE_MAX = 200;
	public static final int BODY_MAX = 20_000;

	/** One member of the audience with their acknowledgement. */
	public record Acknowledgement(UUID person, String name, String email, Instant acknowledgedAt) {
	}

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final CommunitiesOfPractice communities;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;
	private final Notifier notifier;

	Announcements(JdbcClient jdbc, Organizations organizations, CommunitiesOfPractice communities,
			ApplicationEventPublisher events, AuditLog audit, Clock clock, Notifier notifier) {
		this.notifier = notifier;
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.communities = communities;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** Publishes an announcement (knowledge managers and administrators). 400 on the field at fault. */
	@Transactional
	public Announcement publish(OrgAccess access, String rawTitle, String rawBody, boolean mustAcknowledge,
			String rawAudience) {
		access.require(Role.KNOWLEDGE_MANAGER);
		String title = rawTitle == null ? "" : rawTitle.strip();
		if (title.isEmpty() || title.length() > TITLE_MAX) {
			throw ProblemException.invalid("title", "distribution.announcement.title.invalid", TITLE_MAX);
		}
		String body = rawBody == null ? "" : rawBody.strip();
		if (body.isEmpty() || body.length() > BODY_MAX) {
			throw ProblemException.invalid("body", "distribution.announcement.body.invalid", BODY_MAX);
		}
		String audience = rawAudience == null || rawAudience.isBlank() ? "ORGANIZATION" : rawAudience.strip();
		Set<PersonId> recipients = audience(access, audience);
		audience = normalized(audience);
		recipients.remove(access.personId());
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO distribution_announcement (id, org_id, author_id, title, body, must_acknowledge, audience, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, access.orgId().value(), access.personId().value(), title, body, mustAcknowledge, audience,
					Sql.utc(now))
			.update();
		for (PersonId person : recipients) {
			jdbc.sql("INSERT INTO distribution_recipient (announcement_id, org_id, person_id) VALUES (?, ?, ?)")
				.params(id, access.orgId().value(), person.value())
				.update();
		}
		audit.record(access.orgId(), "announcement.published", "announcement", id.toString(), title);
		events.publishEvent(new AnnouncementPublished(access.orgId(), id, access.personId(), title, mustAcknowledge));
		return get(access, id.toString());
	}

	private static String normalized(String audience) {
		String upper = audience.toUpperCase(Locale.ROOT);
		if (upper.startsWith("COMMUNITY:")) {
			return "COMMUNITY:" + audience.substring("COMMUNITY:".length()).strip().toLowerCase(Locale.ROOT);
		}
		return upper;
	}

	private Set<PersonId> audience(OrgAccess access, String audience) {
		List<Organizations.Member> members = organizations.activeMembers(access.orgId());
		Set<PersonId> recipients = new LinkedHashSet<>();
		String upper = audience.toUpperCase(Locale.ROOT);
		if (upper.equals("ORGANIZATION")) {
			members.forEach(m -> recipients.add(m.id()));
		}
		else if (upper.startsWith("ROLE:")) {
			Role role;
			try {
				role = Role.valueOf(upper.substring(5).strip());
			}
			catch (IllegalArgumentException e) {
				throw ProblemException.invalid("audience", "distribution.announcement.audience.invalid");
			}
			members.stream().filter(m -> m.role().atLeast(role)).forEach(m -> recipients.add(m.id()));
		}
		else if (upper.startsWith("COMMUNITY:")) {
			CommunityId community;
			try {
				community = new CommunityId(UUID.fromString(audience.substring(10).strip()));
			}
			catch (IllegalArgumentException e) {
				throw ProblemException.invalid("audience", "distribution.announcement.audience.invalid");
			}
			if (communities.community(access, community).isEmpty()) {
				throw ProblemException.invalid("audience", "distribution.announcement.audience.invalid");
			}
			for (Organizations.Member member : members) {
				if (communities.communitiesOf(access.orgId(), member.id()).stream().anyMatch(c -> c.id().equals(community))) {
					recipients.add(member.id());
				}
			}
		}
		else {
			throw ProblemException.invalid("audience", "distribution.announcement.audience.invalid");
		}
		return recipients;
	}

	private boolean leader(OrgAccess access) {
		return access.can(Role.KNOWLEDGE_MANAGER);
	}

	private static final String SELECT = """
			SELECT a.id, a.title, a.body, a.must_acknowledge, a.audience, a.author_id, a.created_at, a.reminded_at,
			  r.person_id AS me, r.acknowledged_at,
			  (SELECT COUNT(*) FROM distribution_recipient x WHERE x.announcement_id = a.id AND x.acknowledged_at IS NOT NULL) AS acked,
			  (SELECT COUNT(*) FROM distribution_recipient x WHERE x.announcement_id = a.id) AS reached
			FROM distribution_announcement a
			LEFT JOIN distribution_recipient r ON r.announcement_id = a.id AND r.person_id = :person
			WHERE a.org_id = :org""";

	/** Who may see it: its audience, its author, leaders. */
	private static final String VISIBLE = " AND (:leader = TRUE OR a.author_id = :person OR r.person_id IS NOT NULL)";

	private List<Announcement> query(OrgAccess access, String extra, Map<String, Object> params) {
		var spec = jdbc.sql(SELECT + VISIBLE + extra)
			.param("org", access.orgId().value())
			.param("person", access.personId().value())
			.param("leader", leader(access));
		for (Map.Entry<String, Object> p : params.entrySet()) {
			spec = spec.param(p.getKey(), p.getValue());
		}
		List<Row> rows = spec.query((rs, n) -> new Row(Sql.uuid(rs, "id"), rs.getString("title"), rs.getString("body"),
				rs.getBoolean("must_acknowledge"), rs.getString("audience"), Sql.uuid(rs, "author_id"),
				Sql.instant(rs, "created_at"), Sql.instant(rs, "reminded_at"), Sql.uuid(rs, "me") != null,
				Sql.instant(rs, "acknowledged_at"), rs.getLong("acked"), rs.getLong("reached")))
			.list();
		Map<PersonId, String> names = organizations.names(rows.stream().map(r -> new PersonId(r.author)).toList());
		return rows.stream().map(r -> {
			boolean progress = leader(access) || r.author.equals(access.personId().value());
			return new Announcement(r.id, r.title, r.body, r.must, r.audience, r.author,
					names.getOrDefault(new PersonId(r.author), ""), r.createdAt, r.remindedAt, r.recipient, r.acknowledgedAt,
					progress ? r.acked : null, progress ? r.reached : null);
		}).toList();
	}

	private record Row(UUID id, String title, String body, boolean must, String audience, UUID author,
			Instant createdAt, Instant remindedAt, boolean recipient, Instant acknowledgedAt, long acked, long reached) {
	}

	/** The announcements the caller may see, latest first; {@code pending} for those they still must acknowledge. */
	@Transactional(readOnly = true)
	public Page<Announcement> list(OrgAccess access, boolean pending, Paging paging) {
		String filter = pending ? " AND a.must_acknowledge = TRUE AND r.person_id IS NOT NULL AND r.acknowledged_at IS NULL" : "";
		long total = jdbc.sql("SELECT COUNT(*) FROM distribution_announcement a LEFT JOIN distribution_recipient r "
				+ "ON r.announcement_id = a.id AND r.person_id = :person WHERE a.org_id = :org" + VISIBLE + filter)
			.param("org", access.orgId().value())
			.param("person", access.personId().value())
			.param("leader", leader(access))
			.query(Long.class)
			.single();
		List<Announcement> items = query(access, filter + " ORDER BY a.created_at DESC, a.id LIMIT :limit OFFSET :offset",
				Map.of("limit", paging.size(), "offset", paging.offset()));
		return paging.of(items, total);
	}

	/** How many the caller still must acknowledge. */
	@Transactional(readOnly = true)
	public long pendingCount(OrgAccess access) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM distribution_recipient r JOIN distribution_announcement a ON a.id = r.announcement_id
				WHERE r.org_id = ? AND r.person_id = ? AND a.must_acknowledge = TRUE AND r.acknowledged_at IS NULL""")
			.params(access.orgId().value(), access.personId().value())
			.query(Long.class)
			.single();
	}

	/** One announcement the caller may see; 404 otherwise. */
	@Transactional(readOnly = true)
	public Announcement get(OrgAccess access, String id) {
		UUID uuid = uuid(id);
		return query(access, " AND a.id = :id", Map.of("id", uuid)).stream().findFirst()
			.orElseThrow(ProblemException::notFound);
	}

	/** Whether the person may see the announcement (for notifications and links). */
	Optional<Announcement> visibleTo(OrgId org, PersonId person, String id) {
		return organizations.memberAccess(org, person).flatMap(access -> {
			try {
				return Optional.of(get(access, id));
			}
			catch (ProblemException e) {
				return Optional.empty();
			}
		});
	}

	/** The caller acknowledges it; again changes nothing. 409 when they are not in its audience. */
	@Transactional
	public Announcement acknowledge(OrgAccess access, String id) {
		Announcement announcement = get(access, id);
		if (!announcement.recipient()) {
			throw ProblemException.conflict(null, "distribution.announcement.notRecipient");
		}
		jdbc.sql("UPDATE distribution_recipient SET acknowledged_at = ? WHERE announcement_id = ? AND person_id = ? AND acknowledged_at IS NULL")
			.params(Sql.utc(clock.instant()), announcement.id(), access.personId().value())
			.update();
		return get(access, id);
	}

	private Announcement followable(OrgAccess access, String id) {
		Announcement announcement = get(access, id);
		if (!announcement.showsProgress()) {
			throw ProblemException.forbidden();
		}
		return announcement;
	}

	/**
	 * The audience with each one's acknowledgement (the author and leaders): {@code acknowledged} true for
	 * those who have, false for those who have not, null for everyone; those who have not first, by name.
	 */
	@Transactional(readOnly = true)
	public Page<Acknowledgement> acknowledgements(OrgAccess access, String id, Boolean acknowledged, Paging paging) {
		Announcement announcement = followable(access, id);
		List<Organizations.Member> members = organizations.activeMembers(access.orgId());
		Map<UUID, Organizations.Member> byId = new java.util.HashMap<>();
		members.forEach(m -> byId.put(m.id().value(), m));
		String filter = acknowledged == null ? "" : acknowledged ? " AND acknowledged_at IS NOT NULL" : " AND acknowledged_at IS NULL";
		long total = jdbc.sql("SELECT COUNT(*) FROM distribution_recipient WHERE announcement_id = :id AND org_id = :org" + filter)
			.param("id", announcement.id())
			.param("org", access.orgId().value())
			.query(Long.class)
			.single();
		List<Map.Entry<UUID, Instant>> rows = jdbc.sql("SELECT person_id, acknowledged_at FROM distribution_recipient "
				+ "WHERE announcement_id = :id AND org_id = :org" + filter
				+ " ORDER BY CASE WHEN acknowledged_at IS NULL THEN 0 ELSE 1 END, acknowledged_at, person_id LIMIT :limit OFFSET :offset")
			.param("id", announcement.id())
			.param("org", access.orgId().value())
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> (Map.Entry<UUID, Instant>) new java.util.AbstractMap.SimpleEntry<>(Sql.uuid(rs, "person_id"),
					Sql.instant(rs, "acknowledged_at")))
			.list();
		Map<PersonId, String> names = organizations.names(rows.stream().map(r -> new PersonId(r.getKey())).toList());
		return paging.of(rows.stream().map(r -> {
			Organizations.Member member = byId.get(r.getKey());
			return new Acknowledgement(r.getKey(), names.getOrDefault(new PersonId(r.getKey()), ""),
					member == null ? "" : member.email(), r.getValue());
		}).toList(), total);
	}

	/** Reminds everyone in the audience who has not acknowledged yet (a notification); returns how many. */
	@Transactional
	public int remind(OrgAccess access, String id) {
		Announcement announcement = followable(access, id);
		if (!announcement.mustAcknowledge()) {
			throw ProblemException.conflict(null, "distribution.announcement.nothingToAcknowledge");
		}
		Set<PersonId> waiting = new LinkedHashSet<>(jdbc.sql("SELECT person_id FROM distribution_recipient WHERE announcement_id = ? AND org_id = ? AND acknowledged_at IS NULL")
			.params(announcement.id(), access.orgId().value())
			.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
			.list());
		jdbc.sql("UPDATE distribution_announcement SET reminded_at = ? WHERE id = ?")
			.params(Sql.utc(clock.instant()), announcement.id())
			.update();
		notifier.deliver(new Occurrence(access.orgId(), NotificationKind.ANNOUNCEMENT,
				"announcement.reminder:" + announcement.id() + ":" + clock.instant().toEpochMilli(), "announcement",
				announcement.id().toString(), List.of(), waiting, access.personId(), null), false);
		return waiting.size();
	}

	/** The audience of an announcement, for its notifications. */
	Set<PersonId> recipients(OrgId org, UUID announcement) {
		return new LinkedHashSet<>(jdbc.sql("SELECT person_id FROM distribution_recipient WHERE announcement_id = ? AND org_id = ?")
			.params(announcement, org.value())
			.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
			.list());
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id == null ? "" : id);
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.notFound();
		}
	}
}
