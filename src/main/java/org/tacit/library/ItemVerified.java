package org.tacit.library;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** The owner or an editor confirmed a published item is still right; its review-by date restarted. */
public record ItemVerified(OrgId org, ItemId item, PersonId owner, PersonId verifiedBy) {
}
