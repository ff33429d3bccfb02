package org.tacit.distribution.internal;

import org.springframework.stereotype.Service;
import org.tacit.distribution.Distribution;
import org.tacit.organizations.OrgAccess;

/** The module's facade for other modules. */
@Service
class DistributionFacade implements Distribution {

	private final Feed feed;
	private final Announcements announcements;

	DistributionFacade(Feed feed, Announcements announcements) {
		this.feed = feed;
		this.announcements = announcements;
	}

	@Override
	public long unreadCount(OrgAccess caller) {
		return feed.unread(caller);
	}

	@Override
	public long toAcknowledge(OrgAccess caller) {
		return announcements.pendingCount(caller);
	}
}
