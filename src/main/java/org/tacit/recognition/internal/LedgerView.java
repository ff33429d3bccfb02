package org.tacit.recognition.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;

/** Ledger entries with what the viewer may see of their records. */
@Component
public class LedgerView {

	private final Shows shows;

	LedgerView(Shows shows) {
		this.shows = shows;
	}

	/** An entry and how it shows. */
	public record ShownEntry(Ledger.Stored stored, Shown shown) {
	}

	public Page<ShownEntry> page(OrgAccess caller, Page<Ledger.Stored> page) {
		Set<PersonId> people = new HashSet<>();
		page.items().forEach(s -> people.add(s.entry().actor()));
		Map<PersonId, String> names = shows.names(people);
		return page.map(s -> new ShownEntry(s, shows.of(caller.orgId(), caller.personId(), s.entry(), names)));
	}

	/** A kind as sent; 400 on {@code kind} otherwise. */
	public static EntryKind kind(String value) {
		return SettingsService.parse(EntryKind.class, value, "kind");
	}
}
