package org.tacit.recognition.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tacit.competencies.EvidenceSource;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Sql;

/**
 * Evidence {@code kudos-given} for competency assessments: the kudos a person gave in the period (thanking
 * others visibly is part of sponsoring knowledge sharing). Kudos are public in the organization.
 */
@Component
class KudosEvidence implements EvidenceSource {

	static final String KIND = "kudos-given";
	private static final int TITLE_MAX = 120;

	private final JdbcClient jdbc;
	private final Organizations organizations;

	KudosEvidence(JdbcClient jdbc, Organizations organizations) {
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
		record Row(PersonId to, String message, Instant at) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT to_id, message, created_at FROM recognition_kudos
				WHERE org_id = ? AND from_id = ? AND created_at >= ? AND created_at < ?
				ORDER BY created_at DESC, id LIMIT ?""")
			.params(org.value(), person.value(), Sql.utc(from), Sql.utc(to), LIMIT)
			.query((rs, n) -> new Row(new PersonId(Sql.uuid(rs, "to_id")), rs.getString("message"),
					Sql.instant(rs, "created_at")))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		String slug = organizations.slug(org).orElse("");
		Map<PersonId, String> names = organizations.names(rows.stream().map(Row::to).toList());
		return rows.stream().map(row -> {
			String message = row.message().length() > TITLE_MAX ? row.message().substring(0, TITLE_MAX) + "…" : row.message();
			return new Evidence(KIND, names.getOrDefault(row.to(), "?") + ": " + message,
					"/o/" + slug + "/people/" + row.to() + "/kudos", row.at());
		}).toList();
	}
}
