package org.tacit.distribution.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.RecordLookup;
import org.tacit.shared.RecordRef;

/** Announcements as linkable records ({@code announcement}): seen by their audience, author and leaders. */
@Component
class AnnouncementRecords implements RecordLookup {

	private final JdbcClient jdbc;
	private final org.springframework.beans.factory.ObjectProvider<Announcements> announcements;

	AnnouncementRecords(JdbcClient jdbc, org.springframework.beans.factory.ObjectProvider<Announcements> announcements) {
		this.jdbc = jdbc;
		this.announcements = announcements;
	}

	@Override
	public Set<String> types() {
		return Set.of("announcement");
	}

	@Override
	public Optional<RecordRef> find(UUID org, String type, String id, UUID viewer) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		if (viewer == null) {
			return jdbc.sql("SELECT title FROM distribution_announcement WHERE id = ? AND org_id = ?")
				.params(uuid, org)
				.query(String.class)
				.optional()
				.map(title -> ref(uuid, title));
		}
		return announcements.getObject().visibleTo(new OrgId(org), new PersonId(viewer), id).map(a -> ref(uuid, a.title()));
	}

	private static RecordRef ref(UUID id, String title) {
		return new RecordRef("announcement", id.toString(), title, "announcements/" + id);
	}
}
