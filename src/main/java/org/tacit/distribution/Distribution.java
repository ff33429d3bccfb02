package org.tacit.distribution;

import org.tacit.organizations.OrgAccess;

/** Distribution as other modules use it: how much is waiting for a person. */
public interface Distribution {

	/** The caller's unread notifications in the organization. */
	long unreadCount(OrgAccess caller);

	/** Announcements the caller still has to acknowledge in the organization. */
	long toAcknowledge(OrgAccess caller);
}
