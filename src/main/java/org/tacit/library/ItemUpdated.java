package org.tacit.library;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * Someone saved a new version of an item. {@code published} says whether readers see the change at
 * once; {@code message} is the change note, or null.
 */
public record ItemUpdated(OrgId org, ItemId item, int version, PersonId owner, PersonId by, boolean published,
		String message) {
}
