package org.tacit.library;

import org.tacit.organizations.OrgId;

/** An item was created or changed in any way (content, status, verification, space). */
public record ItemChanged(OrgId org, ItemId item) {
}
