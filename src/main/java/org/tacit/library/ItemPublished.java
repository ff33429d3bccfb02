package org.tacit.library;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** An editor approved an item: it is published and readers can see it. A credit for its owner. */
public record ItemPublished(OrgId org, ItemId item, PersonId owner, PersonId approvedBy) {
}
