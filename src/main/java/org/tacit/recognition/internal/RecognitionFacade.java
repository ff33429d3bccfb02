package org.tacit.recognition.internal;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.recognition.Recognition;

/** The recognition facade for other modules ({@link Recognition}). */
@Service
class RecognitionFacade implements Recognition {

	private final Ledger ledger;

	RecognitionFacade(Ledger ledger) {
		this.ledger = ledger;
	}

	@Override
	@Transactional(readOnly = true)
	public Contribution contribution(OrgId org, PersonId person, Instant from, Instant to) {
		Map<EntryKind, Ledger.Tally> tally = ledger.tally(org, person, from, to);
		long entries = tally.values().stream().mapToLong(Ledger.Tally::count).sum();
		Ledger.Tally none = new Ledger.Tally(0, 0, 0);
		return new Contribution(entries, tally.getOrDefault(EntryKind.ITEM_REUSED, none).count(),
				tally.getOrDefault(EntryKind.KUDOS_RECEIVED, none).count());
	}
}
