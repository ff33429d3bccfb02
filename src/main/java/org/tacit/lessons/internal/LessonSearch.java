package org.tacit.lessons.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.lessons.LessonStatus;
import org.tacit.lessons.ReviewKind;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.search.SearchDocument;
import org.tacit.search.SearchIndex;
import org.tacit.search.SearchSource;
import org.tacit.shared.Sql;
import org.tacit.shared.Texts;

/**
 * Lessons and reviews in the one search box: type {@code lesson} (kind: its priority, status: its
 * lifecycle status) and {@code review} (kind: BEFORE, DURING or AFTER). Every member sees them, except
 * rejected lessons, which only editors and above and their author find. Kept in step after each commit
 * ({@link Reindex}) and offered whole for a rebuild.
 */
@Component
class LessonSearch implements SearchSource {

	private static final int BATCH = 500;
	private static final String REVIEW_SELECT = """
			SELECT r.*, a.name AS activity_name, a.tags AS activity_tags
			FROM lessons_review r JOIN lessons_activity a ON a.id = r.activity_id""";
	private static final String LESSON_SELECT = """
			SELECT l.*, a.name AS activity_name FROM lessons_lesson l LEFT JOIN lessons_activity a ON a.id = l.activity_id""";

	private final JdbcClient jdbc;
	private final SearchIndex index;
	private final Organizations organizations;
	private final Texts texts;

	LessonSearch(JdbcClient jdbc, SearchIndex index, Organizations organizations, Texts texts) {
		this.jdbc = jdbc;
		this.index = index;
		this.organizations = organizations;
		this.texts = texts;
	}

	@ApplicationModuleListener
	void on(Reindex event) {
		UUID org = event.org().value();
		// an activity's change re-reads its lessons and reviews: one step per organization covers both kinds
		index.inStep(org, "lessons", () -> reindex(event, org));
	}

	private void reindex(Reindex event, UUID org) {
		Names names = new Names();
		switch (event.type()) {
			case Reindex.LESSON -> put(org, Reindex.LESSON, event.id(), lesson(event.id(), names));
			case Reindex.REVIEW -> put(org, Reindex.REVIEW, event.id(), review(event.id(), names));
			case Reindex.ACTIVITY -> {
				jdbc.sql("SELECT id FROM lessons_review WHERE activity_id = ?").param(event.id()).query(UUID.class).list()
					.forEach(id -> put(org, Reindex.REVIEW, id, review(id, names)));
				jdbc.sql("SELECT id FROM lessons_lesson WHERE activity_id = ?").param(event.id()).query(UUID.class).list()
					.forEach(id -> put(org, Reindex.LESSON, id, lesson(id, names)));
			}
			default -> throw new IllegalArgumentException("Nothing of type " + event.type() + " is indexed");
		}
	}

	private void put(UUID org, String type, UUID id, Optional<SearchDocument> document) {
		if (document.isPresent()) {
			index.put(document.get());
		}
		else {
			index.remove(org, type, id.toString());
		}
	}

	@Override
	public String name() {
		return "lessons and reviews";
	}

	@Override
	public long count() {
		return jdbc.sql("SELECT (SELECT COUNT(*) FROM lessons_lesson) + (SELECT COUNT(*) FROM lessons_review)")
			.query(Long.class)
			.single();
	}

	@Override
	public void forEach(Consumer<SearchDocument> sink) {
		Names names = new Names();
		batches(LESSON_SELECT + " ORDER BY l.id", rs -> lessonDocument(rs, names), sink);
		batches(REVIEW_SELECT + " ORDER BY r.id", rs -> reviewDocument(rs, names), sink);
	}

	private interface Reader {

		SearchDocument read(ResultSet rs) throws SQLException;
	}

	private void batches(String select, Reader reader, Consumer<SearchDocument> sink) {
		for (int offset = 0;; offset += BATCH) {
			List<SearchDocument> batch = jdbc.sql(select + " LIMIT ? OFFSET ?")
				.params(BATCH, offset)
				.query((rs, n) -> reader.read(rs))
				.list();
			batch.forEach(sink);
			if (batch.size() < BATCH) {
				return;
			}
		}
	}

	private Optional<SearchDocument> lesson(UUID id, Names names) {
		return jdbc.sql(LESSON_SELECT + " WHERE l.id = ?").param(id).query((rs, n) -> lessonDocument(rs, names)).optional();
	}

	private Optional<SearchDocument> review(UUID id, Names names) {
		return jdbc.sql(REVIEW_SELECT + " WHERE r.id = ?").param(id).query((rs, n) -> reviewDocument(rs, names)).optional();
	}

	private SearchDocument lessonDocument(ResultSet rs, Names names) throws SQLException {
		UUID org = Sql.uuid(rs, "org_id");
		UUID id = Sql.uuid(rs, "id");
		UUID author = Sql.uuid(rs, "author_id");
		LessonStatus status = LessonStatus.valueOf(rs.getString("status"));
		List<String> text = new ArrayList<>(List.of(rs.getString("observation"), rs.getString("root_cause"),
				rs.getString("recommendation")));
		String activity = rs.getString("activity_name");
		if (activity != null) {
			text.add(activity);
		}
		return new SearchDocument(org, Reindex.LESSON, id.toString(), null, names.url(org, "lessons/" + id),
				rs.getString("title"), String.join("\n\n", text), Checks.splitTags(rs.getString("tags")),
				rs.getString("priority"), status.name(), null, null, author, names.person(author),
				status != LessonStatus.REJECTED, false, false, Sql.instant(rs, "validated_at"),
				Sql.instant(rs, "updated_at"));
	}

	private SearchDocument reviewDocument(ResultSet rs, Names names) throws SQLException {
		UUID org = Sql.uuid(rs, "org_id");
		UUID id = Sql.uuid(rs, "id");
		UUID facilitator = Sql.uuid(rs, "facilitator_id");
		ReviewKind kind = ReviewKind.valueOf(rs.getString("kind"));
		List<String> text = new ArrayList<>();
		for (String column : List.of("objectives", "risks", "observations", "adjustments", "expected", "actual",
				"why_different", "sustain", "improve", "notes")) {
			String value = rs.getString(column);
			if (!value.isEmpty()) {
				text.add(value);
			}
		}
		String title = texts.get("lessons.review.searchTitle", texts.get("lessons.kind." + kind),
				rs.getString("activity_name"), rs.getObject("held_on", java.time.LocalDate.class).toString());
		return new SearchDocument(org, Reindex.REVIEW, id.toString(), null, names.url(org, "reviews/" + id), title,
				String.join("\n\n", text), Checks.splitTags(rs.getString("activity_tags")), kind.name(), null, null, null,
				facilitator, names.person(facilitator), true, false, false, null, Sql.instant(rs, "updated_at"));
	}

	/** Organization slugs and people's names, looked up once per rebuild or event. */
	private final class Names {

		private final Map<UUID, String> slugs = new HashMap<>();
		private final Map<UUID, String> people = new HashMap<>();

		String url(UUID org, String path) {
			return "/o/" + slugs.computeIfAbsent(org, o -> organizations.slug(new OrgId(o)).orElse("")) + "/" + path;
		}

		String person(UUID person) {
			return people.computeIfAbsent(person,
					p -> organizations.names(List.of(new PersonId(p))).getOrDefault(new PersonId(p), ""));
		}
	}
}
