package org.tacit.shared;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds a module's records by type and id, so that other modules can check and show links to them
 * (a lesson embedded in a process step, a success story crediting a checklist, kudos for an answer)
 * without depending on that module. Each module that owns linkable records implements it as a bean;
 * {@link Records} asks the right one.
 */
public interface RecordLookup {

	/** The record types this module answers for. */
	Set<String> types();

	/**
	 * The record, if it exists in the organization and, when {@code viewer} is given, that person may
	 * see it. A null viewer is a trusted check (does the link point inside the organization?).
	 */
	Optional<RecordRef> find(UUID org, String type, String id, UUID viewer);
}
