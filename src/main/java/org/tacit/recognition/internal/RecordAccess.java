package org.tacit.recognition.internal;

import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;

/**
 * Who may read a person's ledger and record: the person, their manager (as the organization's member
 * settings name them), knowledge managers and administrators. Other members get 403; a person who is not
 * a member of the organization is 404.
 */
@Component
public class RecordAccess {

	private final Organizations organizations;

	RecordAccess(Organizations organizations) {
		this.organizations = organizations;
	}

	/** The member the address names (id or email), or 404. */
	public Organizations.Member member(OrgAccess caller, String idOrEmail) {
		if (idOrEmail == null || idOrEmail.isBlank()) {
			throw ProblemException.notFound();
		}
		String key = "me".equals(idOrEmail) ? caller.personId().toString() : idOrEmail.strip();
		return organizations.findMember(caller.orgId(), key).orElseThrow(ProblemException::notFound);
	}

	public boolean canSee(OrgAccess caller, PersonId person) {
		return caller.personId().equals(person) || caller.can(Role.KNOWLEDGE_MANAGER)
				|| organizations.managerOf(caller.orgId(), person).map(caller.personId()::equals).orElse(false);
	}

	/** The member, if the caller may read their record; 403 otherwise. */
	public Organizations.Member require(OrgAccess caller, String idOrEmail) {
		Organizations.Member member = member(caller, idOrEmail);
		if (!canSee(caller, member.id())) {
			throw ProblemException.forbidden();
		}
		return member;
	}

	/** A team: the manager themselves, knowledge managers and administrators see it. */
	public Organizations.Member requireTeam(OrgAccess caller, String managerIdOrEmail) {
		Organizations.Member manager = member(caller, managerIdOrEmail);
		if (!caller.personId().equals(manager.id()) && !caller.can(Role.KNOWLEDGE_MANAGER)) {
			throw ProblemException.forbidden();
		}
		return manager;
	}
}
