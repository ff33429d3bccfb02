package org.tacit.distribution.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tacit.competencies.EvidenceSource;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Sql;

/**
 * Evidence {@code announcements-published} for competency assessments: the announcements a person
 * published in the period (promoting KM visibly). Only their titles are shown, with a link that the
 * announcement's own page checks.
 */
@Component
class AnnouncementEvidence implements EvidenceSource {

	static final String KIND = "announcements-published";

	private final JdbcClient jdbc;
	private final Organizations organizations;

	AnnouncementEvidence(JdbcClient jdbc, Organizations organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(KIND);
	}

	@Override
	public List<Evidence> find(OrgId org, PersonId person, String kind, Instant from, Instant to) {
		if (!KIND.equals(kind)) {
			return List.of();
		}
		String slug = organizations.slug(org).orElse("");
		return jdbc.sql("""
				SELECT id, title, created_at FROM distribution_announcement
				WHERE org_id = ? AND author_id = ? AND created_at >= ? AND created_at < ?
				ORDER BY created_at DESC, id LIMIT ?""")
			.params(org.value(), person.value(), Sql.utc(from), Sql.utc(to), LIMIT)
			.query((rs, n) -> new Evidence(KIND, rs.getString("title"), "/o/" + slug + "/announcements/" + Sql.uuid(rs, "id"),
					Sql.instant(rs, "created_at")))
			.list();
	}
}
