package org.tacit.retention.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.library.ItemChanged;
import org.tacit.library.ItemPublished;
import org.tacit.library.ItemStatus;
import org.tacit.library.ItemVerified;
import org.tacit.library.ItemsImported;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.OrgId;

/**
 * Expertise that the library shows: the owner of a published item knows about its tags, and so, to a
 * lesser degree, does whoever verified it. An item that stops being published stops counting; changed
 * tags move its evidence with them. Items of members-only spaces never count: expertise is shown to
 * the whole organization, and must not tell it what only a space's members may know. (Other modules'
 * evidence follows the same pattern: one listener method per event that calls
 * {@link ExpertiseEvidence#record}.)
 */
@Component
class LibraryEvidence implements EvidenceSource {

	static final String TYPE = "item";
	private static final int BATCH = 500;

	private final KnowledgeLibrary library;
	private final ExpertiseEvidence evidence;
	private final java.time.Clock clock;

	LibraryEvidence(KnowledgeLibrary library, ExpertiseEvidence evidence, java.time.Clock clock) {
		this.library = library;
		this.evidence = evidence;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ItemPublished event) {
		library.itemOf(event.org(), event.item())
			.filter(LibraryEvidence::counts)
			.ifPresent(item -> evidence.record(event.org(), new Evidence(event.owner(), EvidenceKind.AUTHORED, TYPE,
					item.id().toString(), item.tags(), clock.instant())));
	}

	@ApplicationModuleListener
	void on(ItemVerified event) {
		library.itemOf(event.org(), event.item())
			.filter(LibraryEvidence::counts)
			.ifPresent(item -> evidence.record(event.org(), new Evidence(event.verifiedBy(), EvidenceKind.VERIFIED, TYPE,
					item.id().toString(), item.tags(), clock.instant())));
	}

	/** An import's batch: its published items count for their owners, in one write. */
	@ApplicationModuleListener
	void on(ItemsImported event) {
		List<Evidence> found = new java.util.ArrayList<>();
		for (org.tacit.library.ItemId id : event.items()) {
			library.itemOf(event.org(), id)
				.filter(LibraryEvidence::counts)
				.ifPresent(item -> found.add(new Evidence(item.owner(), EvidenceKind.AUTHORED, TYPE, id.toString(),
						item.tags(), clock.instant())));
		}
		evidence.recordAll(event.org(), found);
	}

	/** Archived, back to draft or moved to a members-only space: no longer evidence; else its tags may have changed. */
	@ApplicationModuleListener
	void on(ItemChanged event) {
		var item = library.itemOf(event.org(), event.item());
		if (item.isEmpty() || !counts(item.get())) {
			evidence.forget(event.org(), TYPE, event.item().toString());
		}
		else {
			evidence.retag(event.org(), TYPE, event.item().toString(), item.get().tags());
		}
	}

	static boolean counts(KnowledgeLibrary.ItemRef item) {
		return item.status() == ItemStatus.PUBLISHED && !item.membersOnly();
	}

	@Override
	public String recordType() {
		return TYPE;
	}

	@Override
	public Set<EvidenceKind> kinds() {
		return Set.of(EvidenceKind.AUTHORED, EvidenceKind.VERIFIED);
	}

	@Override
	public void forEach(OrgId org, Consumer<Evidence> sink) {
		for (int offset = 0;; offset += BATCH) {
			List<KnowledgeLibrary.PublishedItem> page = library.publishedItems(org, offset, BATCH);
			for (KnowledgeLibrary.PublishedItem item : page) {
				if (item.membersOnly()) {
					continue;
				}
				sink.accept(new Evidence(item.owner(), EvidenceKind.AUTHORED, TYPE, item.id().toString(), item.tags(),
						item.publishedAt()));
				// approving marks an item verified too, at the moment it is published; only a later check counts,
				// as it does when the event arrives (ItemVerified is not announced for an approval)
				if (item.verifiedBy() != null && item.verifiedAt() != null && item.verifiedAt().isAfter(item.publishedAt())) {
					sink.accept(new Evidence(item.verifiedBy(), EvidenceKind.VERIFIED, TYPE, item.id().toString(),
							item.tags(), item.verifiedAt()));
				}
			}
			if (page.size() < BATCH) {
				return;
			}
		}
	}
}
