package org.tacit.distribution;

import java.util.UUID;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A leader published an announcement to the organization or a group of it. */
public record AnnouncementPublished(OrgId org, UUID announcement, PersonId author, String title,
		boolean mustAcknowledge) {
}
