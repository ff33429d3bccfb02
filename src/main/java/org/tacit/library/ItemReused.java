package org.tacit.library;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** Someone used a template, checklist or work sample: a credit for its owner. */
public record ItemReused(OrgId org, ItemId item, PersonId owner, PersonId usedBy) {
}
