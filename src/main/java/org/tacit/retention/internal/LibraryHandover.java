package org.tacit.retention.internal;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.HandoverSource;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** The library items a leaver owns, handed over through the library's facade. */
@Component
@Order(10)
class LibraryHandover implements HandoverSource {

	private final KnowledgeLibrary library;

	LibraryHandover(KnowledgeLibrary library) {
		this.library = library;
	}

	@Override
	public List<Held> heldBy(OrgId org, PersonId person) {
		return library.ownedBy(org, person)
			.stream()
			.map(item -> new Held("handover.library", item.title(), item.path(), "handover.library.in", item.spaceName()))
			.toList();
	}

	@Override
	public int handOver(OrgAccess caller, PersonId from, PersonId to) {
		return library.reassignOwner(caller, from, to);
	}
}
