package org.tacit.recognition.internal;

import java.util.Set;
import java.util.function.Consumer;

import org.tacit.organizations.OrgId;

/**
 * A module's records as ledger entries, given again for a rebuild. Its listeners add entries as events
 * arrive; a rebuild replaces every entry of its kinds with what {@link #forEach} gives.
 */
interface LedgerSource {

	/** The kinds of entry this source gives. */
	Set<EntryKind> kinds();

	/** Every entry of the organization, as its records say now. */
	void forEach(OrgId org, Consumer<Entry> sink);
}
