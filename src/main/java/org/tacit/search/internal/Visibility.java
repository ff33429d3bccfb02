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
	 * @param seesUnpublished others' unpublished records outside members-only spaces
	 * @param editedSpaces spaces where they see others' unpublished records, by their space role
	 */
	record Rules(Set<String> readableMembersOnlySpaces, boolean seesUnpublished, Set<String> editedSpaces) {
	}

	Rules of(OrgAccess caller) {
		SearchAccess spaces = access.getIfUnique();
		if (spaces == null) {
			return new Rules(Set.of(), caller.can(Role.EDITOR), Set.of());
		}
		Set<String> readable = spaces.readableMembersOnlySpaces(caller.orgId().value(), caller.personId().value());
		Set<String> edited = spaces.spacesEdited(caller.orgId().value(), caller.personId().value());
		return new Rules(readable == null ? Set.of() : Set.copyOf(readable),
				spaces.seesUnpublished(caller.orgId().value(), caller.personId().value()),
				edited == null ? Set.of() : Set.copyOf(edited));
	}
}
