package org.tacit.program.internal;

import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;

/**
 * Who may do what in the program: every member reads objectives and initiatives; knowledge managers and
 * administrators write them and see every budget and the staff view; an initiative's owner and sponsor
 * see its budget, and its owner may change its status, its milestones and its actual amounts.
 */
@Component
public class ProgramAccess {

	private final Organizations organizations;

	ProgramAccess(Organizations organizations) {
		this.organizations = organizations;
	}

	public boolean manages(OrgAccess caller) {
		return caller.can(Role.KNOWLEDGE_MANAGER);
	}

	public void requireManager(OrgAccess caller) {
		caller.require(Role.KNOWLEDGE_MANAGER);
	}

	public boolean seesBudget(OrgAccess caller, Initiative initiative) {
		return manages(caller) || initiative.ownedOrSponsoredBy(caller.personId());
	}

	public boolean owns(OrgAccess caller, Initiative initiative) {
		return initiative.owner().id().equals(caller.personId());
	}

	/** Knowledge managers, administrators and the initiative's owner; 403 for anyone else. */
	public void requireManagerOrOwner(OrgAccess caller, Initiative initiative) {
		if (!manages(caller) && !owns(caller, initiative)) {
			throw ProblemException.forbidden();
		}
	}

	/** An active member of the organization by id or email; 400 on {@code field} otherwise. */
	public Person member(OrgAccess caller, String idOrEmail, String field) {
		if (idOrEmail == null || idOrEmail.isBlank()) {
			throw ProblemException.invalid(field, "problem.field.required");
		}
		return organizations.findMember(caller.orgId(), idOrEmail.strip())
			.filter(Organizations.Member::active)
			.map(m -> new Person(m.id(), m.name()))
			.orElseThrow(() -> ProblemException.invalid(field, "program.member.unknown"));
	}
}
