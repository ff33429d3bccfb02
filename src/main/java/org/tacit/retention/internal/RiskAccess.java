package org.tacit.retention.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;

/**
 * Who may see and manage risk entries. An entry says that someone may leave and that their knowledge
 * would be missed: knowledge managers and administrators see every entry, a manager those of their
 * reports, and a person their own (to read, not to change). Entries about a position are for
 * knowledge managers and administrators only.
 */
@Component
public class RiskAccess {

	/** Stands in for "no reports" in SQL lists, which may not be empty. */
	static final UUID NOBODY = new UUID(0, 0);

	private final Organizations organizations;

	RiskAccess(Organizations organizations) {
		this.organizations = organizations;
	}

	/** Knowledge managers and administrators: the whole register. */
	public boolean seesAll(OrgAccess caller) {
		return caller.can(Role.KNOWLEDGE_MANAGER);
	}

	/** Whether the caller is the person's manager. */
	public boolean manages(OrgAccess caller, PersonId person) {
		return person != null && organizations.managerOf(caller.orgId(), person).map(caller.personId()::equals).orElse(false);
	}

	public boolean canSee(OrgAccess caller, PersonId person) {
		return seesAll(caller) || manages(caller, person) || caller.personId().equals(person);
	}

	/** Assess, change and plan: knowledge managers, administrators, and the person's manager. */
	public boolean canManage(OrgAccess caller, PersonId person) {
		return seesAll(caller) || manages(caller, person);
	}

	/** Whether the caller may add entries at all: the whole register, or someone reports to them. */
	public boolean canCreate(OrgAccess caller) {
		return seesAll(caller) || !reports(caller).isEmpty();
	}

	/** The people whose entries a manager sees; never empty ({@link #NOBODY} when there are none). */
	List<UUID> reportIds(OrgAccess caller) {
		List<UUID> ids = reports(caller).stream().map(PersonId::value).toList();
		return ids.isEmpty() ? List.of(NOBODY) : ids;
	}

	public List<PersonId> reports(OrgAccess caller) {
		return organizations.reportsOf(caller.orgId(), caller.personId());
	}
}
