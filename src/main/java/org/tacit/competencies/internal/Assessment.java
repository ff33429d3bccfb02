package org.tacit.competencies.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.tacit.organizations.PersonId;

/**
 * One person's assessment in a cycle, with the levels they and their manager gave each competency.
 *
 * @param manager the person's manager now (who assesses and signs off), or null
 * @param self the person's own ratings by competency code
 * @param byManager the manager's ratings by competency code
 */
public record Assessment(UUID id, Cycle cycle, PersonId person, String personName, PersonId manager, String managerName,
		String profile, Status status, Instant createdAt, Instant selfAt, Instant managerAt, Instant signedOffAt,
		PersonId signedOffBy, Map<String, Rating> self, Map<String, Rating> byManager) {

	public enum Status {
		OPEN, SELF_ASSESSED, MANAGER_ASSESSED, SIGNED_OFF
	}

	/** Who gives a rating. */
	public enum Rater {
		SELF, MANAGER
	}

	/** A level given to one competency, with the evidence the rater gave for it. */
	public record Rating(String competency, int level, String evidence, PersonId by, Instant at) {
	}

	/** The level that counts: the manager's, else the person's own, else 0 (not rated). */
	public int assessed(String competency) {
		Rating rating = byManager.get(competency);
		if (rating == null) {
			rating = self.get(competency);
		}
		return rating == null ? 0 : rating.level();
	}
}
