package org.tacit.lessons.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.lessons.ReviewKind;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.RecordLookup;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Texts;

/**
 * Lessons, activities and reviews as other modules link to them (types {@code lesson}, {@code activity}
 * and {@code review}): every member of their organization may see them.
 */
@Component
class LessonRecords implements RecordLookup {

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final Texts texts;

	LessonRecords(JdbcClient jdbc, Organizations organizations, Texts texts) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.texts = texts;
	}

	@Override
	public Set<String> types() {
		return Set.of(Reindex.LESSON, Reindex.ACTIVITY, Reindex.REVIEW);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<RecordRef> find(UUID org, String type, String id, UUID viewer) {
		if (viewer != null && organizations.memberAccess(new OrgId(org), new PersonId(viewer)).isEmpty()) {
			return Optional.empty();
		}
		Optional<UUID> uuid = Ids.uuid(id);
		if (uuid.isEmpty()) {
			return Optional.empty();
		}
		return switch (type) {
			case Reindex.LESSON -> jdbc.sql("SELECT title FROM lessons_lesson WHERE org_id = ? AND id = ?")
				.params(org, uuid.get())
				.query(String.class)
				.optional()
				.map(title -> new RecordRef(type, uuid.get().toString(), title, "lessons/" + uuid.get()));
			case Reindex.ACTIVITY -> jdbc.sql("SELECT name FROM lessons_activity WHERE org_id = ? AND id = ?")
				.params(org, uuid.get())
				.query(String.class)
				.optional()
				.map(name -> new RecordRef(type, uuid.get().toString(), name, "activities/" + uuid.get()));
			case Reindex.REVIEW -> jdbc.sql("""
					SELECT r.kind, r.held_on, a.name FROM lessons_review r JOIN lessons_activity a ON a.id = r.activity_id
					WHERE r.org_id = ? AND r.id = ?""")
				.params(org, uuid.get())
				.query((rs, n) -> new RecordRef(type, uuid.get().toString(),
						texts.get("lessons.review.searchTitle", texts.get("lessons.kind." + ReviewKind.valueOf(rs.getString("kind"))),
								rs.getString("name"), rs.getObject("held_on", LocalDate.class).toString()),
						"reviews/" + uuid.get()))
				.optional();
			default -> Optional.empty();
		};
	}
}
