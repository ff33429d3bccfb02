package org.tacit.search.internal;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;
import org.tacit.search.SearchAccess;

/**
 * Who sees what in search, asked of the module that owns spaces ({@link SearchAccess}). Until such a
 * module is installed, no members-only space is readable and editors and above see unpublished records.
 */
@Component
class Visibility {

	private final ObjectProvider<SearchAccess> access;

	Visibility(ObjectProvider<SearchAccess> access) {
		this.access = access;
	}

	/**
	 * What the person may see; part of every query, never applied after paging.
	 *
	 * @param unpublishedSpaces the spaces where they see others' unpublished records; null: everywhere
	 *     if {@code seesUnpublished}, nowhere otherwise
	 */
	record Rules(Set<String> readableMembersOnlySpaces, boolean seesUnpublished, Set<String> unpublishedSpaces) {
	}

	Rules of(OrgAccess caller) {
		SearchAccess spaces = access.getIfUnique();
		if (spaces == null) {
			return new Rules(Set.of(), caller.can(Role.EDITOR), null);
		}
		Set<String> readable = spaces.readableMembersOnlySpaces(caller.orgId().value(), caller.personId().value());
		Set<String> unpublished = spaces.spacesWithUnpublished(caller.orgId().value(), caller.personId().value(),
				caller.can(Role.EDITOR));
		return new Rules(readable == null ? Set.of() : Set.copyOf(readable),
				spaces.seesUnpublished(caller.orgId().value(), caller.personId().value()),
				unpublished == null ? null : Set.copyOf(unpublished));
	}
}
