package org.tacit.communities.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.communities.CharterRole;
import org.tacit.communities.CommunityId;
import org.tacit.communities.CommunityStatus;
import org.tacit.communities.MemberJoined;
import org.tacit.communities.MemberLeft;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.MembershipChanged;
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
 * Who belongs to a community: joining (at once, or by a steward's approval), invitations, leaving and
 * removal. Membership decides the community space's roles: stewards edit it, members contribute to it.
 */
@Service
public class MembershipService {

	private final JdbcClient jdbc;
	private final CommunityStore store;
	private final KnowledgeLibrary library;
	private final Organizations organizations;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MembershipService(JdbcClient jdbc, CommunityStore store, KnowledgeLibrary library, Organizations organizations,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.library = library;
		this.organizations = organizations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A member or a pending request or invitation, with the charter roles the person holds. */
	public record Member(PersonId person, String name, String email, MemberStatus status, List<CharterRole> roles,
			Instant since) {
	}

	/**
	 * The members by name, role holders first; requests and invitations only for stewards (and the
	 * person concerned).
	 */
	@Transactional(readOnly = true)
	public Page<Member> members(OrgAccess access, CommunityId id, Paging paging) {
		Community community = store.find(access, id).orElseThrow(ProblemException::notFound);
		record Row(PersonId person, MemberStatus status, Instant since) {
		}
		List<Row> rows = jdbc.sql("SELECT person_id, status, created_at, joined_at FROM communities_member WHERE community_id = ?")
			.param(id.value())
			.query((rs, n) -> {
				Instant joined = Sql.instant(rs, "joined_at");
				return new Row(new PersonId(Sql.uuid(rs, "person_id")), MemberStatus.valueOf(rs.getString("status")),
						joined != null ? joined : Sql.instant(rs, "created_at"));
			})
			.list()
			.stream()
			.filter(r -> r.status() == MemberStatus.MEMBER || community.steward() || r.person().equals(access.personId()))
			.toList();
		Map<PersonId, String> names = organizations.names(rows.stream().map(Row::person).toList());
		List<Member> all = rows.stream()
			.map(r -> new Member(r.person(), names.getOrDefault(r.person(), ""), email(access.orgId(), r.person()),
					r.status(), community.charter().roles().stream().filter(role -> role.person().equals(r.person()))
						.map(Charter.Role::role).distinct().toList(), r.since()))
			.sorted(Comparator.comparing((Member m) -> m.status() != MemberStatus.MEMBER)
				.thenComparing(m -> m.roles().isEmpty())
				.thenComparing(m -> m.name().toLowerCase(Locale.ROOT)))
			.toList();
		return paging.of(all.stream().skip(paging.offset()).limit(paging.size()).toList(), all.size());
	}

	private String email(OrgId org, PersonId person) {
		return organizations.findMember(org, person.toString()).map(Organizations.Member::email).orElse("");
	}

	/**
	 * The caller joins: at once when the community is open, when they were invited, or when they are a
	 * steward; otherwise their request waits for a steward. Joining again changes nothing.
	 */
	@Transactional
	public MemberStatus join(OrgAccess access, CommunityId id) {
		Community community = store.find(access, id).orElseThrow(ProblemException::notFound);
		if (community.status() == CommunityStatus.RETIRED) {
			throw ProblemException.conflict(null, "community.retired");
		}
		if (community.member() || community.requested()) {
			return community.membership();
		}
		CommunityRow row = store.row(access.orgId(), id).orElseThrow();
		Instant now = clock.instant();
		if (community.invited() || community.joinPolicy() == JoinPolicy.OPEN || community.steward()) {
			if (community.invited()) {
				setStatus(id, access.personId(), MemberStatus.MEMBER, now);
			}
			else {
				insert(row, access.personId(), MemberStatus.MEMBER, null, now);
			}
			joined(row, access.personId());
			return MemberStatus.MEMBER;
		}
		insert(row, access.personId(), MemberStatus.REQUESTED, null, now);
		audit.record(access.orgId(), "community.join-requested", "community", id.toString(), row.name());
		return MemberStatus.REQUESTED;
	}

	/**
	 * A steward approves a person's request, or invites a person who has none (an active member of the
	 * organization); a member stays a member.
	 */
	@Transactional
	public MemberStatus admit(OrgAccess access, CommunityId id, String person) {
		Community community = store.find(access, id).orElseThrow(ProblemException::notFound);
		if (!community.steward()) {
			throw ProblemException.forbidden();
		}
		if (community.status() == CommunityStatus.RETIRED) {
			throw ProblemException.conflict(null, "community.retired");
		}
		Organizations.Member member = organizations.findMember(access.orgId(), person)
			.filter(Organizations.Member::active)
			.orElseThrow(() -> ProblemException.invalid("person", "community.person.unknown"));
		CommunityRow row = store.row(access.orgId(), id).orElseThrow();
		MemberStatus current = store.membership(id, member.id()).orElse(null);
		Instant now = clock.instant();
		if (current == MemberStatus.REQUESTED) {
			setStatus(id, member.id(), MemberStatus.MEMBER, now);
			joined(row, member.id());
			return MemberStatus.MEMBER;
		}
		if (current != null) {
			return current;
		}
		insert(row, member.id(), MemberStatus.INVITED, access.personId(), now);
		audit.record(access.orgId(), "community.member-invited", "community", id.toString(), member.email());
		return MemberStatus.INVITED;
	}

	/**
	 * The caller leaves (or withdraws a request, or declines an invitation), or a steward removes someone.
	 * People named in the charter stay until the charter names someone else.
	 */
	@Transactional
	public void remove(OrgAccess access, CommunityId id, String person) {
		Community community = store.find(access, id).orElseThrow(ProblemException::notFound);
		// the caller by their own id, also a site administrator who belongs to no organization
		PersonId target = person != null && person.strip().equals(access.personId().toString()) ? access.personId()
				: organizations.findMember(access.orgId(), person)
					.map(Organizations.Member::id)
					.orElseThrow(ProblemException::notFound);
		if (!target.equals(access.personId()) && !community.steward()) {
			throw ProblemException.forbidden();
		}
		MemberStatus current = store.membership(id, target).orElseThrow(ProblemException::notFound);
		if (community.charter().holds(target)) {
			throw ProblemException.conflict(null, "community.member.holdsRole");
		}
		jdbc.sql("DELETE FROM communities_member WHERE community_id = ? AND person_id = ?")
			.params(id.value(), target.value())
			.update();
		CommunityRow row = store.row(access.orgId(), id).orElseThrow();
		syncSpaceRole(row, target);
		audit.record(access.orgId(), target.equals(access.personId()) ? "community.member-left" : "community.member-removed",
				"community", id.toString(), person);
		if (current == MemberStatus.MEMBER) {
			events.publishEvent(new MemberLeft(access.orgId(), id, target));
		}
	}

	/** Makes a person named in the charter a member, if they are not one yet. */
	void ensureMember(CommunityRow community, PersonId person) {
		MemberStatus current = store.membership(community.id(), person).orElse(null);
		if (current == MemberStatus.MEMBER) {
			return;
		}
		Instant now = clock.instant();
		if (current == null) {
			insert(community, person, MemberStatus.MEMBER, null, now);
		}
		else {
			setStatus(community.id(), person, MemberStatus.MEMBER, now);
		}
		events.publishEvent(new MemberJoined(community.org(), community.id(), person));
	}

	/**
	 * The person's role in the community's space follows their standing: stewards (and the proposer
	 * until launch) edit it, members contribute, anyone else is not a space member.
	 */
	void syncSpaceRole(CommunityRow community, PersonId person) {
		boolean steward = jdbc.sql("""
				SELECT COUNT(*) FROM communities_role WHERE community_id = ? AND person_id = ?
				AND role IN ('SPONSOR', 'LEADER', 'FACILITATOR')""")
			.params(community.id().value(), person.value())
			.query(Long.class)
			.single() > 0
				|| community.status() == CommunityStatus.PROPOSED && community.createdBy().equals(person);
		boolean member = store.membership(community.id(), person).orElse(null) == MemberStatus.MEMBER;
		if (steward) {
			library.setSpaceMember(community.org(), community.spaceKey(), person, Role.EDITOR);
		}
		else if (member) {
			library.setSpaceMember(community.org(), community.spaceKey(), person, Role.CONTRIBUTOR);
		}
		else {
			library.removeSpaceMember(community.org(), community.spaceKey(), person);
		}
	}

	/** Someone who leaves the organization leaves its communities (the charter keeps naming them until changed). */
	@ApplicationModuleListener
	void on(MembershipChanged event) {
		if (event.role() != null) {
			return;
		}
		List<UUID> communities = jdbc.sql("SELECT community_id FROM communities_member WHERE org_id = ? AND person_id = ? AND status = 'MEMBER'")
			.params(event.orgId().value(), event.personId().value())
			.query(UUID.class)
			.list();
		jdbc.sql("DELETE FROM communities_member WHERE org_id = ? AND person_id = ?")
			.params(event.orgId().value(), event.personId().value())
			.update();
		communities.forEach(c -> events.publishEvent(new MemberLeft(event.orgId(), new CommunityId(c), event.personId())));
	}

	private void joined(CommunityRow community, PersonId person) {
		syncSpaceRole(community, person);
		audit.record(community.org(), "community.member-joined", "community", community.id().toString(), person.toString());
		events.publishEvent(new MemberJoined(community.org(), community.id(), person));
	}

	private void insert(CommunityRow community, PersonId person, MemberStatus status, PersonId invitedBy, Instant now) {
		jdbc.sql("""
				INSERT INTO communities_member (community_id, person_id, org_id, status, invited_by, created_at, joined_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(community.id().value(), person.value(), community.org().value(), status.name(),
					invitedBy == null ? null : invitedBy.value(), Sql.utc(now),
					status == MemberStatus.MEMBER ? Sql.utc(now) : null)
			.update();
	}

	private void setStatus(CommunityId community, PersonId person, MemberStatus status, Instant now) {
		jdbc.sql("UPDATE communities_member SET status = ?, joined_at = ? WHERE community_id = ? AND person_id = ?")
			.params(status.name(), Sql.utc(now), community.value(), person.value())
			.update();
	}
}
