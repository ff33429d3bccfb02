package org.tacit.communities.internal;

import java.util.ArrayList;
import java.util.List;

import org.tacit.communities.CharterRole;
import org.tacit.shared.ProblemException.FieldProblem;

/**
 * The launch gate: a community launches only with a clear purpose, a sponsor and a leader, every role
 * held by an active member with written responsibilities, and deliverables or a capability intent.
 * A launched community's charter must keep passing it.
 */
final class CharterGate {

	private CharterGate() {
	}

	/** Every part the charter still lacks, in the order of the charter; empty when it is complete. */
	static List<FieldProblem> missing(Charter charter) {
		List<FieldProblem> missing = new ArrayList<>();
		if (charter.purpose() == null || charter.purpose().isBlank()) {
			missing.add(new FieldProblem("purpose", "charter.missing.purpose"));
		}
		if (charter.holdersOf(CharterRole.SPONSOR).isEmpty()) {
			missing.add(new FieldProblem("sponsor", "charter.missing.sponsor"));
		}
		if (charter.holdersOf(CharterRole.LEADER).isEmpty()) {
			missing.add(new FieldProblem("leader", "charter.missing.leader"));
		}
		for (int i = 0; i < charter.roles().size(); i++) {
			Charter.Role role = charter.roles().get(i);
			if (!role.active()) {
				missing.add(new FieldProblem("roles[" + i + "].person", "charter.missing.inactive." + role.role(),
						role.personName()));
			}
			if (role.responsibilities() == null || role.responsibilities().isBlank()) {
				missing.add(new FieldProblem("roles[" + i + "].responsibilities",
						"charter.missing.responsibilities." + role.role(), role.personName()));
			}
		}
		boolean noIntent = charter.capabilityIntent() == null || charter.capabilityIntent().isBlank();
		if (charter.deliverables().isEmpty() && noIntent) {
			missing.add(new FieldProblem("deliverables", "charter.missing.deliverablesOrIntent"));
		}
		return missing;
	}
}
