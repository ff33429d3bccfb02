package org.tacit.recognition;

import java.time.Instant;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** Recognition as other modules use it: how much a person contributed in a period (for measurement). */
public interface Recognition {

	/**
	 * What a person's ledger holds from {@code from} (inclusive) to {@code to} (exclusive).
	 *
	 * @param entries ledger entries
	 * @param reusesByOthers uses of the person's items by other people
	 * @param kudos kudos received
	 */
	record Contribution(long entries, long reusesByOthers, long kudos) {
	}

	Contribution contribution(OrgId org, PersonId person, Instant from, Instant to);
}
