package org.tacit.organizations.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.MembershipChanged;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.PersonDeactivated;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.organizations.security.TacitUser;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** Accounts and membership: adding people, roles, passwords, deactivation. */
@Service
public class PeopleService {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final AccountStore accounts;
	private final OrgStore orgs;
	private final MemberStore members;
	private final OrganizationService organizations;
	private final PasswordEncoder passwords;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	PeopleService(AccountStore accounts, OrgStore orgs, MemberStore members, OrganizationService organizations,
			PasswordEncoder passwords, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.orgs = orgs;
		this.members = members;
		this.organizations = organizations;
		this.passwords = passwords;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Creates an account; the email must be free. */
	@Transactional
	public Account createAccount(String email, String name, String password, boolean siteAdmin) {
		String checkedEmail = Check.email("email", email);
		String checkedName = Check.name("name", name);
		String checkedPassword = Check.password("password", password);
		if (accounts.byEmail(checkedEmail).isPresent()) {
			throw ProblemException.conflict("email", "person.email.taken");
		}
		Account account = new Account(PersonId.random(), checkedEmail, checkedName, passwords.encode(checkedPassword),
				siteAdmin, true, UUID.randomUUID(), 0, null, clock.instant());
		accounts.insert(account);
		return account;
	}

	@Transactional(readOnly = true)
	public Page<MemberRecord> list(OrgAccess access, String query, MemberStore.Sort sort, boolean descending,
			Paging paging) {
		if (query != null && query.length() > 200) {
			throw ProblemException.invalid("q", "problem.field.tooLong", 200);
		}
		return paging.of(members.list(access.orgId(), query, sort, descending, paging),
				members.count(access.orgId(), query));
	}

	@Transactional(readOnly = true)
	public MemberRecord member(OrgAccess access, String idOrEmail) {
		return organizations.findMemberRecord(access.orgId(), idOrEmail).orElseThrow(ProblemException::notFound);
	}

	/**
	 * Adds a person to the organization. An existing account is added by email or id; for a new
	 * email an account is created, which then needs a name and an initial password.
	 */
	@Transactional
	public MemberRecord add(OrgAccess access, String person, Role role, String name, String password) {
		access.require(Role.ADMIN);
		if (role == null) {
			throw ProblemException.invalid("role", "problem.field.required");
		}
		if (person == null || person.isBlank()) {
			throw ProblemException.invalid("person", "problem.field.required");
		}
		Account account = findAccount(person).orElse(null);
		if (account == null) {
			if (!person.contains("@")) {
				throw ProblemException.invalid("person", isUuid(person) ? "member.person.unknown" : "problem.email.format");
			}
			try {
				account = createAccount(person, name, password, false);
			}
			catch (ProblemException e) {
				// the new person's email arrives in the "person" field
				throw new ProblemException(e.status(), e.messageKey(), e.fields()
					.stream()
					.map(f -> "email".equals(f.field()) ? new ProblemException.FieldProblem("person", f.messageKey(),
							f.arguments()) : f)
					.toList(), e.arguments());
			}
		}
		if (orgs.role(access.orgId(), account.id()).isPresent()) {
			throw ProblemException.conflict("person", "member.already", account.email());
		}
		orgs.addMember(access.orgId(), account.id(), role, clock.instant());
		audit.record(access.orgId(), "member.added", "person", account.id().toString(), account.email() + " as " + role);
		events.publishEvent(new MembershipChanged(access.orgId(), account.id(), role));
		return members.find(access.orgId(), account.id()).orElseThrow();
	}

	@Transactional
	public MemberRecord changeRole(OrgAccess access, String idOrEmail, Role role) {
		access.require(Role.ADMIN);
		MemberRecord member = member(access, idOrEmail);
		if (role == null) {
			throw ProblemException.invalid("role", "problem.field.required");
		}
		if (member.role() == role) {
			return member;
		}
		if (member.role() == Role.ADMIN && member.active() && orgs.activeAdmins(access.orgId()) <= 1) {
			throw ProblemException.conflict("role", "member.lastAdmin");
		}
		orgs.changeRole(access.orgId(), member.id(), role);
		audit.record(access.orgId(), "member.role-changed", "person", member.id().toString(),
				member.email() + ": " + member.role() + " → " + role);
		events.publishEvent(new MembershipChanged(access.orgId(), member.id(), role));
		return members.find(access.orgId(), member.id()).orElseThrow();
	}

	/** Changes role and/or active flag together: if one part is refused, neither happens. */
	@Transactional
	public MemberRecord change(OrgAccess access, String idOrEmail, Role role, Boolean active) {
		MemberRecord member = member(access, idOrEmail);
		if (role != null) {
			member = changeRole(access, idOrEmail, role);
		}
		if (active != null) {
			member = setActive(access, idOrEmail, active);
		}
		return member;
	}

	/** As {@link #change(OrgAccess, String, Role, Boolean)}, and the manager too when {@code changeManager}. */
	@Transactional
	public MemberRecord change(OrgAccess access, String idOrEmail, Role role, Boolean active, boolean changeManager,
			String manager) {
		MemberRecord member = change(access, idOrEmail, role, active);
		return changeManager ? setManager(access, idOrEmail, manager) : member;
	}

	/**
	 * Sets a member's manager (another member of the organization, by id or email), or clears it with
	 * null or blank. A manager who is the member, or who reports to the member however indirectly, is
	 * refused: the chain of managers must never come back to the member.
	 */
	@Transactional
	public MemberRecord setManager(OrgAccess access, String idOrEmail, String managerIdOrEmail) {
		access.require(Role.ADMIN);
		MemberRecord member = member(access, idOrEmail);
		PersonId manager = null;
		if (managerIdOrEmail != null && !managerIdOrEmail.isBlank()) {
			manager = organizations.findMemberRecord(access.orgId(), managerIdOrEmail)
				.map(MemberRecord::id)
				.orElseThrow(() -> ProblemException.invalid("manager", "member.manager.unknown"));
			if (reportsTo(access, manager, member.id())) {
				throw ProblemException.invalid("manager", "member.manager.cycle");
			}
		}
		if (java.util.Objects.equals(manager, member.manager())) {
			return member;
		}
		orgs.setManager(access.orgId(), member.id(), manager);
		audit.record(access.orgId(), manager == null ? "member.manager-cleared" : "member.manager-set", "person",
				member.id().toString(), manager == null ? member.email() : member.email() + " reports to " + manager);
		return members.find(access.orgId(), member.id()).orElseThrow();
	}

	/** Whether {@code person} is {@code manager} or has them somewhere up their chain of managers. */
	private boolean reportsTo(OrgAccess access, PersonId person, PersonId manager) {
		java.util.Set<PersonId> seen = new java.util.HashSet<>();
		for (PersonId next = person; next != null && seen.add(next);
				next = orgs.managerOf(access.orgId(), next).orElse(null)) {
			if (next.equals(manager)) {
				return true;
			}
		}
		return false;
	}

	@Transactional
	public void remove(OrgAccess access, String idOrEmail) {
		access.require(Role.ADMIN);
		MemberRecord member = member(access, idOrEmail);
		if (member.role() == Role.ADMIN && member.active() && orgs.activeAdmins(access.orgId()) <= 1) {
			throw ProblemException.conflict(null, "member.lastAdmin");
		}
		orgs.removeMember(access.orgId(), member.id());
		audit.record(access.orgId(), "member.removed", "person", member.id().toString(), member.email());
		events.publishEvent(new MembershipChanged(access.orgId(), member.id(), null));
	}

	/**
	 * Deactivates or reactivates a member's account. Accounts are shared between organizations, so an
	 * organization administrator may only do this for people who belong to no other organization
	 * than ones they administer; site administrators may always.
	 */
	@Transactional
	public MemberRecord setActive(OrgAccess access, String idOrEmail, boolean active) {
		access.require(Role.ADMIN);
		MemberRecord member = member(access, idOrEmail);
		requireAccountAuthority(member.id());
		if (member.id().equals(access.personId())) {
			throw ProblemException.conflict("active", "member.self");
		}
		if (member.active() == active) {
			return member;
		}
		if (!active && member.role() == Role.ADMIN && orgs.activeAdmins(access.orgId()) <= 1) {
			throw ProblemException.conflict("active", "member.lastAdmin");
		}
		accounts.setActive(member.id(), active);
		audit.record(access.orgId(), active ? "member.reactivated" : "member.deactivated", "person",
				member.id().toString(), member.email());
		if (!active) {
			events.publishEvent(new PersonDeactivated(member.id()));
		}
		return members.find(access.orgId(), member.id()).orElseThrow();
	}

	/** Sets a new random password for a member and returns it, once, for the administrator to pass on. */
	@Transactional
	public String resetPassword(OrgAccess access, String idOrEmail) {
		access.require(Role.ADMIN);
		MemberRecord member = member(access, idOrEmail);
		requireAccountAuthority(member.id());
		String password = randomPassword();
		accounts.setPassword(member.id(), passwords.encode(password));
		audit.record(access.orgId(), "member.password-reset", "person", member.id().toString(), member.email());
		return password;
	}

	@Transactional
	public void changeOwnPassword(String current, String next) {
		TacitUser user = CurrentUser.require();
		Account account = accounts.byId(user.personId()).orElseThrow(ProblemException::notFound);
		if (current == null || !passwords.matches(current, account.passwordHash())) {
			throw ProblemException.invalid("currentPassword", "password.current.wrong");
		}
		String checked = Check.password("newPassword", next);
		accounts.setPassword(account.id(), passwords.encode(checked));
		audit.record(null, "person.password-changed", "person", account.id().toString(), account.email());
	}

	@Transactional
	public void rename(String name) {
		TacitUser user = CurrentUser.require();
		String checked = Check.name("name", name);
		accounts.rename(user.personId(), checked);
		audit.record(null, "person.renamed", "person", user.personId().toString(), checked);
	}

	private void requireAccountAuthority(PersonId target) {
		TacitUser actor = CurrentUser.require();
		if (actor.siteAdmin()) {
			return;
		}
		Account account = accounts.byId(target).orElseThrow(ProblemException::notFound);
		if (account.siteAdmin()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "member.account.shared", List.of());
		}
		for (OrgRecord membership : orgs.membershipsOf(target)) {
			Optional<Role> actorRole = orgs.role(membership.id(), actor.personId());
			if (actorRole.isEmpty() || actorRole.get() != Role.ADMIN) {
				throw new ProblemException(HttpStatus.FORBIDDEN, "member.account.shared",
						List.of());
			}
		}
	}

	private Optional<Account> findAccount(String idOrEmail) {
		String value = idOrEmail.strip();
		if (value.contains("@")) {
			return accounts.byEmail(value.toLowerCase(java.util.Locale.ROOT));
		}
		try {
			return accounts.byId(new PersonId(UUID.fromString(value)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static boolean isUuid(String value) {
		try {
			UUID.fromString(value.strip());
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	static String randomPassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}
}
