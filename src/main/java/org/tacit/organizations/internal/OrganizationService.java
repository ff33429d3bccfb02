package org.tacit.organizations.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.OrganizationCreated;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.organizations.security.TacitUser;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** Creates, renames and lists organizations, and answers who may do what in one. */
@Service
public class OrganizationService implements Organizations {

	private final OrgStore orgs;
	private final MemberStore members;
	private final AccountStore accounts;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	OrganizationService(OrgStore orgs, MemberStore members, AccountStore accounts, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.orgs = orgs;
		this.members = members;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public OrgAccess access(String slug) {
		TacitUser user = CurrentUser.require();
		OrgStore.Access org = orgs.accessOf(slug == null ? "" : slug, user.personId()).orElseThrow(ProblemException::notFound);
		// site administrators run the installation and manage every organization, whatever their membership
		Role role = user.siteAdmin() ? Role.ADMIN : org.role();
		if (role == null) {
			throw ProblemException.notFound();
		}
		return new OrgAccess(org.id(), org.slug(), org.name(), user.personId(), role);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> slug(OrgId org) {
		return orgs.slugOf(org);
	}

	@Override
	@Transactional(readOnly = true)
	public OrgAccess accessAs(String slug, String personIdOrEmail) {
		OrgRecord org = orgs.bySlug(slug == null ? "" : slug, new PersonId(new UUID(0, 0)))
			.orElseThrow(ProblemException::notFound);
		Optional<MemberRecord> found = personIdOrEmail == null || personIdOrEmail.isBlank()
				? members.firstActiveAdmin(org.id()) : findMemberRecord(org.id(), personIdOrEmail);
		MemberRecord member = found.filter(MemberRecord::active).orElseThrow(ProblemException::notFound);
		return new OrgAccess(org.id(), org.slug(), org.name(), member.id(), member.role());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrgAccess> memberAccess(OrgId org, PersonId person) {
		if (org == null || person == null) {
			return Optional.empty();
		}
		Optional<OrgStore.Names> names = orgs.namesOf(org);
		if (names.isEmpty()) {
			return Optional.empty();
		}
		return members.find(org, person)
			.filter(MemberRecord::active)
			.map(m -> new OrgAccess(org, names.get().slug(), names.get().name(), m.id(), m.role()));
	}

	@Override
	public Optional<PersonId> currentPerson() {
		return CurrentUser.get().map(TacitUser::personId);
	}

	@Override
	public boolean currentIsSiteAdmin() {
		return CurrentUser.get().map(TacitUser::siteAdmin).orElse(false);
	}

	/** One read (asked on every search), so no transaction of its own. */
	@Override
	public Optional<Member> findMember(OrgId org, String idOrEmail) {
		return findMemberRecord(org, idOrEmail)
			.map(m -> new Member(m.id(), m.email(), m.name(), m.role(), m.active()));
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.List<Member> activeMembers(OrgId org) {
		return members.active(org).stream().map(m -> new Member(m.id(), m.email(), m.name(), m.role(), m.active())).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Map<PersonId, String> names(java.util.Collection<PersonId> people) {
		return accounts.names(people);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PersonId> managerOf(OrgId org, PersonId person) {
		return orgs.managerOf(org, person);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.List<PersonId> reportsOf(OrgId org, PersonId manager) {
		return members.reportsOf(org, manager);
	}

	@Override
	@Transactional(readOnly = true)
	public long activeMemberCount(OrgId org) {
		return members.activeCount(org);
	}

	Optional<MemberRecord> findMemberRecord(OrgId org, String idOrEmail) {
		if (idOrEmail == null || idOrEmail.isBlank()) {
			return Optional.empty();
		}
		if (idOrEmail.contains("@")) {
			return members.findByEmail(org, idOrEmail.strip());
		}
		try {
			return members.find(org, new PersonId(UUID.fromString(idOrEmail.strip())));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** Creates an organization with its creator as administrator. Only site administrators may. */
	@Transactional
	public OrgRecord create(String name, String slug) {
		TacitUser user = CurrentUser.require();
		if (!user.siteAdmin()) {
			throw ProblemException.forbidden();
		}
		return create(user.personId(), name, slug, false);
	}

	OrgRecord create(PersonId creator, String name, String slug, boolean demo) {
		String checkedName = Check.name("name", name);
		String checkedSlug;
		if (slug == null || slug.isBlank()) {
			checkedSlug = freeSlug(Check.slugOf(checkedName));
		}
		else {
			checkedSlug = Check.slug("slug", slug);
			if (orgs.slugTaken(checkedSlug)) {
				throw ProblemException.conflict("slug", "org.slug.taken", checkedSlug);
			}
		}
		OrgId id = OrgId.random();
		Instant now = clock.instant();
		orgs.insert(id, checkedSlug, checkedName, now);
		orgs.addMember(id, creator, Role.ADMIN, now);
		audit.record(id, "org.created", "organization", id.toString(), checkedName);
		events.publishEvent(new OrganizationCreated(id, checkedSlug, creator, demo));
		return orgs.bySlug(checkedSlug, creator).orElseThrow();
	}

	private String freeSlug(String base) {
		String candidate = base;
		for (int n = 2; orgs.slugTaken(candidate); n++) {
			candidate = base + "-" + n;
		}
		return candidate;
	}

	@Transactional
	public OrgRecord rename(OrgAccess access, String name) {
		access.require(Role.ADMIN);
		String checkedName = Check.name("name", name);
		orgs.rename(access.orgId(), checkedName, clock.instant());
		audit.record(access.orgId(), "org.renamed", "organization", access.orgId().toString(),
				access.name() + " → " + checkedName);
		return get(access);
	}

	@Transactional(readOnly = true)
	public OrgRecord get(OrgAccess access) {
		return orgs.bySlug(access.slug(), access.personId()).orElseThrow(ProblemException::notFound);
	}

	@Transactional(readOnly = true)
	public Page<OrgRecord> visible(Paging paging) {
		TacitUser user = CurrentUser.require();
		return paging.of(orgs.visibleTo(user.personId(), user.siteAdmin(), paging),
				orgs.countVisibleTo(user.personId(), user.siteAdmin()));
	}

	@Transactional(readOnly = true)
	public java.util.List<OrgRecord> membershipsOfCurrent() {
		return CurrentUser.get().map(u -> orgs.membershipsOf(u.personId())).orElse(java.util.List.of());
	}

	@Transactional(readOnly = true)
	public Optional<Account> account(PersonId id) {
		return accounts.byId(id);
	}
}
