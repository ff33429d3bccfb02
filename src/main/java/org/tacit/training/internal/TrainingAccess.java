package org.tacit.training.internal;

import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;

/**
 * Who may do what with training. Knowledge managers and administrators run the catalog and the rules
 * and see every assignment; a manager assigns courses to their reports and sees theirs; a course's
 * trainer sees and confirms its assignments; a person sees their own and reports them done.
 */
@Component
public class TrainingAccess {

	private final Organizations organizations;

	TrainingAccess(Organizations organizations) {
		this.organizations = organizations;
	}

	/** Knowledge managers and administrators. */
	public boolean manages(OrgAccess caller) {
		return caller.can(Role.KNOWLEDGE_MANAGER);
	}

	/** Whether the caller is the person's manager. */
	public boolean managerOf(OrgAccess caller, PersonId person) {
		return person != null && organizations.managerOf(caller.orgId(), person).map(caller.personId()::equals).orElse(false);
	}

	/** Whether the caller may assign courses at all: a knowledge manager, an administrator, or someone with reports. */
	public boolean canAssign(OrgAccess caller) {
		return manages(caller) || !organizations.reportsOf(caller.orgId(), caller.personId()).isEmpty();
	}

	public boolean canAssignTo(OrgAccess caller, PersonId person) {
		return manages(caller) || managerOf(caller, person);
	}

	public boolean sees(OrgAccess caller, Assignment assignment) {
		return manages(caller) || caller.personId().equals(assignment.person())
				|| caller.personId().equals(assignment.trainer()) || managerOf(caller, assignment.person());
	}

	/** Report a completion: the person, or a knowledge manager or administrator for them. */
	public boolean canComplete(OrgAccess caller, Assignment assignment) {
		return manages(caller) || caller.personId().equals(assignment.person());
	}

	/** Confirm a completion: the course's trainer, a knowledge manager or an administrator; never one's own (but administrators). */
	public boolean canConfirm(OrgAccess caller, Assignment assignment) {
		if (caller.role() == Role.ADMIN) {
			return true;
		}
		if (caller.personId().equals(assignment.person())) {
			return false;
		}
		return manages(caller) || caller.personId().equals(assignment.trainer());
	}
}
