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
	 * Whether the person sees unpublished records (drafts, items in review, archived items) of others:
	 * editors, knowledge managers and administrators do. Everyone sees their own.
	 */
	boolean seesUnpublished(UUID org, UUID person);

	/**
	 * The spaces (keys) in which the person sees others' unpublished records, when that depends on the
	 * space (a space editor sees the drafts of that space; in a members-only space only the space role
	 * counts). {@code orgEditor}: whether the person's organization role is editor or above. Null when
	 * {@link #seesUnpublished} decides for every space.
	 */
	default Set<String> spacesWithUnpublished(UUID org, UUID person, boolean orgEditor) {
		return null;
	}
}
