package org.tacit.search;

import java.util.Set;
import java.util.UUID;

/**
 * Who may see what, asked at search time so that permissions are part of the query (never a filter
 * after paging). Implemented by the module that owns spaces (the library).
 */
public interface SearchAccess {

	/**
	 * The members-only spaces the person may read in the organization (keys). Every other members-only
	 * space is excluded from their results.
	 */
	Set<String> readableMembersOnlySpaces(UUID org, UUID person);

	/**
	 * Whether the person sees unpublished records (drafts, items in review, archived items) of others
	 * outside members-only spaces: editors, knowledge managers and administrators do. Everyone sees their
	 * own.
	 */
	boolean seesUnpublished(UUID org, UUID person);

	/**
	 * The spaces (keys) where the person is an editor by their space role: they see others' unpublished
	 * records there whatever their organization role, and in a members-only space only this counts
	 * ({@link #seesUnpublished} opens the unpublished records of spaces open to the organization only).
	 */
	default Set<String> spacesEdited(UUID org, UUID person) {
		return Set.of();
	}
}
