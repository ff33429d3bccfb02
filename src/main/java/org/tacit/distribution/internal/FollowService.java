package org.tacit.distribution.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/**
 * What members follow. A follow names its target as the person sees it: a space they may see, a tag, a
 * community, process or item they may see, a member. Removing a follow keeps it inactive, so that the
 * defaults (own items, own communities) are not made again.
 */
@Service
public class FollowService {

	/** The most follows one person keeps in one organization. */
	public static final int FOLLOWS_MAX = 500;
	static final int TAG_MAX = 50;

	private final JdbcClient jdbc;
	private final Records records;
	private final Organizations organizations;
	private final Clock clock;

	FollowService(JdbcClient jdbc, Records records, Organizations organizations, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** Follows a target; following it again changes nothing. 400 on {@code kind} or {@code target}. */
	@Transactional
	public Follow follow(OrgAccess access, String kindName, String rawTarget) {
		FollowKind kind = parse(kindName);
		String target = rawTarget == null ? "" : rawTarget.strip();
		if (target.isEmpty()) {
			throw ProblemException.invalid("target", "distribution.follow.target.required");
		}
		Resolved resolved = resolve(access, kind, target);
		long count = jdbc.sql("SELECT COUNT(*) FROM distribution_follow WHERE org_id = ? AND person_id = ? AND active = TRUE")
			.params(access.orgId().value(), access.personId().value())
			.query(Long.class)
			.single();
		if (count >= FOLLOWS_MAX && find(access.orgId(), access.personId(), kind, resolved.target()).filter(r -> r.active).isEmpty()) {
			throw ProblemException.invalid("target", "distribution.follow.tooMany", FOLLOWS_MAX);
		}
		UUID id = upsert(access.orgId(), access.personId(), kind, resolved.target(), true, true);
		return new Follow(id, kind, resolved.target(), resolved.label(), resolved.path(),
				find(access.orgId(), access.personId(), kind, resolved.target()).map(r -> r.createdAt).orElse(clock.instant()));
	}

	/**
	 * A default follow (own item, own community), made only if the person never had this follow: a follow
	 * they stopped stays stopped.
	 */
	@Transactional
	public void followByDefault(OrgId org, PersonId person, FollowKind kind, String target) {
		upsert(org, person, kind, target, false, true);
	}

	/** Stops following; unknown follows are ignored. */
	@Transactional
	public void unfollow(OrgAccess access, String kindName, String rawTarget) {
		FollowKind kind = parse(kindName);
		String target = rawTarget == null ? "" : rawTarget.strip();
		if (kind == FollowKind.TAG) {
			target = target.toLowerCase(Locale.ROOT);
		}
		else if (kind == FollowKind.PERSON) {
			target = organizations.findMember(access.orgId(), target).map(m -> m.id().toString()).orElse(target);
		}
		jdbc.sql("UPDATE distribution_follow SET active = FALSE WHERE org_id = ? AND person_id = ? AND kind = ? AND target = ?")
			.params(access.orgId().value(), access.personId().value(), kind.name(), target)
			.update();
	}

	/** Stops following by the follow's id; 404 for someone else's or an unknown follow. */
	@Transactional
	public void unfollow(OrgAccess access, UUID id) {
		int changed = jdbc.sql("UPDATE distribution_follow SET active = FALSE WHERE id = ? AND org_id = ? AND person_id = ? AND active = TRUE")
			.params(id, access.orgId().value(), access.personId().value())
			.update();
		if (changed == 0) {
			throw ProblemException.notFound();
		}
	}

	/** Whether the caller follows the target now. */
	public boolean follows(OrgAccess access, FollowKind kind, String target) {
		return find(access.orgId(), access.personId(), kind, target).filter(r -> r.active).isPresent();
	}

	/** The caller's follows, latest first. */
	@Transactional(readOnly = true)
	public Page<Follow> list(OrgAccess access, Paging paging) {
		long total = jdbc.sql("SELECT COUNT(*) FROM distribution_follow WHERE org_id = ? AND person_id = ? AND active = TRUE")
			.params(access.orgId().value(), access.personId().value())
			.query(Long.class)
			.single();
		List<Row> rows = jdbc.sql("""
				SELECT id, kind, target, active, created_at FROM distribution_follow
				WHERE org_id = :org AND person_id = :person AND active = TRUE
				ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
			.param("org", access.orgId().value())
			.param("person", access.personId().value())
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), FollowKind.valueOf(rs.getString("kind")), rs.getString("target"),
					rs.getBoolean("active"), Sql.instant(rs, "created_at")))
			.list();
		return paging.of(rows.stream().map(r -> {
			Optional<RecordRef> ref = lookup(access, r.kind, r.target);
			return new Follow(r.id, r.kind, r.target, ref.map(RecordRef::title).orElse(r.target),
					ref.map(RecordRef::path).orElse(null), r.createdAt);
		}).toList(), total);
	}

	private Optional<RecordRef> lookup(OrgAccess access, FollowKind kind, String target) {
		String type = recordType(kind);
		return type == null ? Optional.empty()
				: records.find(access.orgId().value(), type, target, access.personId().value());
	}

	static String recordType(FollowKind kind) {
		return switch (kind) {
			case SPACE -> "space";
			case COMMUNITY -> "community";
			case PROCESS -> "process";
			case PERSON -> "person";
			case ITEM -> "item";
			case TAG -> null;
		};
	}

	private record Resolved(String target, String label, String path) {
	}

	private Resolved resolve(OrgAccess access, FollowKind kind, String target) {
		UUID org = access.orgId().value();
		UUID viewer = access.personId().value();
		switch (kind) {
			case TAG -> {
				String tag = target.toLowerCase(Locale.ROOT);
				if (tag.length() > TAG_MAX || tag.chars().anyMatch(Character::isISOControl)) {
					throw ProblemException.invalid("target", "distribution.follow.tag.invalid", TAG_MAX);
				}
				return new Resolved(tag, tag, null);
			}
			case PERSON -> {
				Organizations.Member member = organizations.findMember(access.orgId(), target)
					.filter(Organizations.Member::active)
					.orElseThrow(() -> ProblemException.invalid("target", "distribution.follow.person.unknown"));
				return new Resolved(member.id().toString(), member.name(), "people/" + member.id());
			}
			default -> {
				RecordRef ref = records.require(org, recordType(kind), target, viewer, "target");
				return new Resolved(ref.id(), ref.title(), ref.path());
			}
		}
	}

	private static FollowKind parse(String kind) {
		try {
			return FollowKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("kind", "distribution.follow.kind.unknown",
					String.join(", ", java.util.Arrays.stream(FollowKind.values()).map(Enum::name).toList()));
		}
	}

	private record Row(UUID id, FollowKind kind, String target, boolean active, Instant createdAt) {
	}

	private Optional<Row> find(OrgId org, PersonId person, FollowKind kind, String target) {
		return jdbc.sql("SELECT id, kind, target, active, created_at FROM distribution_follow WHERE org_id = ? AND person_id = ? AND kind = ? AND target = ?")
			.params(org.value(), person.value(), kind.name(), target)
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), FollowKind.valueOf(rs.getString("kind")), rs.getString("target"),
					rs.getBoolean("active"), Sql.instant(rs, "created_at")))
			.optional();
	}

	/** Makes the follow; {@code reactivate} turns a stopped one on again (a person's own choice). */
	private UUID upsert(OrgId org, PersonId person, FollowKind kind, String target, boolean reactivate, boolean active) {
		Optional<Row> existing = find(org, person, kind, target);
		if (existing.isPresent()) {
			if (reactivate && !existing.get().active) {
				jdbc.sql("UPDATE distribution_follow SET active = TRUE WHERE id = ?").param(existing.get().id).update();
			}
			return existing.get().id;
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("INSERT INTO distribution_follow (id, org_id, person_id, kind, target, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(id, org.value(), person.value(), kind.name(), target, active, Sql.utc(clock.instant()))
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			return find(org, person, kind, target).map(Row::id).orElseThrow(() -> e);
		}
		return id;
	}
}
