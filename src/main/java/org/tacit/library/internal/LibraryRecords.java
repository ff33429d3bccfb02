package org.tacit.library.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.library.ItemId;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.RecordLookup;
import org.tacit.shared.RecordRef;

/** Items and spaces as other modules link to them (types {@code item} and {@code space}). */
@Component
class LibraryRecords implements RecordLookup {

	private final LibraryFacade library;
	private final SpaceService spaces;
	private final Organizations organizations;

	LibraryRecords(LibraryFacade library, SpaceService spaces, Organizations organizations) {
		this.library = library;
		this.spaces = spaces;
		this.organizations = organizations;
	}

	@Override
	public Set<String> types() {
		return Set.of("item", "space");
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<RecordRef> find(UUID org, String type, String id, UUID viewer) {
		Optional<OrgAccess> access = viewer == null ? Optional.empty()
				: organizations.memberAccess(new OrgId(org), new PersonId(viewer));
		if (viewer != null && access.isEmpty()) {
			return Optional.empty();
		}
		if (type.equals("space")) {
			OrgAccess as = access.orElse(null);
			Optional<Space> space = as == null ? spaces.anyOf(new OrgId(org), id) : spaces.find(as, id);
			return space.map(s -> new RecordRef("space", s.key(), s.name(), "spaces/" + s.key()));
		}
		ItemId item;
		try {
			item = new ItemId(UUID.fromString(id));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		return (access.isPresent() ? library.item(access.get(), item) : library.itemOf(new OrgId(org), item))
			.map(ref -> new RecordRef("item", ref.id().toString(), ref.title(), ref.path()));
	}
}
