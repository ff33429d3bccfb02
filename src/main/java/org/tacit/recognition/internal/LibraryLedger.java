package org.tacit.recognition.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.library.FeedbackGiven;
import org.tacit.library.ItemId;
import org.tacit.library.ItemPublished;
import org.tacit.library.ItemReused;
import org.tacit.library.ItemVerified;
import org.tacit.library.ItemsImported;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.OrgId;

/**
 * The library's credits: an item's first publication (its owner), a later verification (the verifier),
 * each use by someone else and each helpful vote by someone else (both its owner). Every event of an
 * item reads the item's credits again and adds those the ledger lacks, so the entries are the same as a
 * rebuild gives.
 */
@Component
class LibraryLedger implements LedgerSource {

	static final String TYPE = "item";
	private static final int BATCH = 500;

	private final KnowledgeLibrary library;
	private final Ledger ledger;

	LibraryLedger(KnowledgeLibrary library, Ledger ledger) {
		this.library = library;
		this.ledger = ledger;
	}

	@ApplicationModuleListener
	void on(ItemPublished event) {
		credit(event.org(), List.of(event.item()));
	}

	@ApplicationModuleListener
	void on(ItemVerified event) {
		credit(event.org(), List.of(event.item()));
	}

	@ApplicationModuleListener
	void on(ItemReused event) {
		credit(event.org(), List.of(event.item()));
	}

	@ApplicationModuleListener
	void on(FeedbackGiven event) {
		if (event.helpful()) {
			credit(event.org(), List.of(event.item()));
		}
	}

	@ApplicationModuleListener
	void on(ItemsImported event) {
		credit(event.org(), event.items());
	}

	private void credit(OrgId org, List<ItemId> items) {
		ledger.append(org, library.credits(org, items, null, BATCH).credits().stream().map(LibraryLedger::entry).toList());
	}

	static Entry entry(KnowledgeLibrary.Credit credit) {
		String item = credit.item().toString();
		return switch (credit.kind()) {
			case PUBLISHED -> new Entry(credit.person(), EntryKind.ITEM_PUBLISHED, TYPE, item, null,
					credit.itemKind().name(), credit.at(), "published:" + item);
			case VERIFIED -> new Entry(credit.person(), EntryKind.ITEM_VERIFIED, TYPE, item, null, credit.itemKind().name(),
					credit.at(), "verified:" + item + ":" + credit.person() + ":" + credit.at().toEpochMilli());
			case REUSED -> new Entry(credit.person(), EntryKind.ITEM_REUSED, TYPE, item, credit.by(),
					credit.itemKind().name(), credit.at(), "reused:" + item + ":" + credit.by() + ":" + credit.at().toEpochMilli());
			case HELPFUL -> new Entry(credit.person(), EntryKind.HELPFUL_FEEDBACK, TYPE, item, credit.by(),
					credit.itemKind().name(), credit.at(), "helpful:" + item + ":" + credit.by());
		};
	}

	@Override
	public Set<EntryKind> kinds() {
		return Set.of(EntryKind.ITEM_PUBLISHED, EntryKind.ITEM_VERIFIED, EntryKind.ITEM_REUSED, EntryKind.HELPFUL_FEEDBACK);
	}

	@Override
	public void forEach(OrgId org, Consumer<Entry> sink) {
		ItemId after = null;
		do {
			KnowledgeLibrary.CreditPage page = library.credits(org, null, after, BATCH);
			page.credits().forEach(credit -> sink.accept(entry(credit)));
			after = page.last();
		}
		while (after != null);
	}
}
