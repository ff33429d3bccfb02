package org.tacit.lessons.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.lessons.LessonApplied;
import org.tacit.lessons.LessonId;
import org.tacit.lessons.LessonStatus;
import org.tacit.lessons.ReviewId;
import org.tacit.lessons.ReviewKind;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.PersonId;
import org.tacit.search.KnowledgeSearch;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/**
 * What a before-action review brings from the past: lessons and knowledge items suggested by search
 * from the activity's name, description and tags and the review's objectives and risks, and the ones
 * the team decided to apply. Applying a lesson is its reuse ({@link LessonApplied}).
 */
@Service
public class AppliedKnowledge {

	public static final int SUGGESTIONS = 20;
	/** Lessons of the activity itself are not "past" lessons; so many are left out of the search at most. */
	private static final int OWN_LESSONS_EXCLUDED = 500;
	private static final Set<String> TYPES = Set.of(Reindex.LESSON, LinkService.ITEM);

	private final JdbcClient jdbc;
	private final ReviewService reviews;
	private final ActivityService activities;
	private final LessonService lessons;
	private final KnowledgeSearch search;
	private final Records records;
	private final People people;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	AppliedKnowledge(JdbcClient jdbc, ReviewService reviews, ActivityService activities, LessonService lessons,
			KnowledgeSearch search, Records records, People people, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.reviews = reviews;
		this.activities = activities;
		this.lessons = lessons;
		this.search = search;
		this.records = records;
		this.people = people;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A suggestion for a before-action review.
	 *
	 * @param type {@code lesson} or {@code item}
	 * @param path its page below the organization's root
	 * @param snippet HTML, escaped, with the matching words in {@code <mark>}
	 * @param kind a lesson's priority or an item's kind
	 * @param status a lesson's lifecycle status or an item's workflow status
	 */
	public record Suggestion(String type, String id, String title, String path, String snippet, String kind,
			String status, List<String> tags, boolean applied) {
	}

	/** Something the team of a before-action review decided to apply; {@code title} and {@code path} null when the viewer may not see it. */
	public record Applied(String type, String id, String title, String path, Person appliedBy, Instant appliedAt) {

		public boolean visible() {
			return title != null;
		}
	}

	/** Past lessons and published items about what the activity is about, best first; 409 for reviews other than BEFORE. */
	@Transactional(readOnly = true)
	public List<Suggestion> suggestions(OrgAccess access, ReviewId reviewId) {
		Review review = beforeReview(access, reviewId);
		Activity activity = activities.get(access, review.activityId());
		String text = String.join("\n", activity.name(), activity.description(), String.join(" ", activity.tags()),
				review.answer("objectives"), review.answer("risks"));
		Set<String> ownLessons = new HashSet<>(jdbc.sql("SELECT id FROM lessons_lesson WHERE activity_id = ? ORDER BY captured_at DESC LIMIT ?")
			.params(activity.id().value(), OWN_LESSONS_EXCLUDED)
			.query((rs, n) -> Sql.uuid(rs, "id").toString())
			.list());
		Set<String> applied = new HashSet<>();
		applied(access, reviewId).forEach(a -> applied.add(a.type() + ":" + a.id()));
		String prefix = "/o/" + access.slug() + "/";
		List<Suggestion> suggestions = new ArrayList<>();
		for (KnowledgeSearch.Found found : search.related(access, text, TYPES, ownLessons, KnowledgeSearch.MAX_RESULTS)) {
			// rejected lessons and unpublished items are no advice, even for those who may see them
			boolean advice = found.type().equals(Reindex.LESSON) ? !LessonStatus.REJECTED.name().equals(found.status())
					: "PUBLISHED".equals(found.status());
			if (advice && suggestions.size() < SUGGESTIONS) {
				String path = found.url().startsWith(prefix) ? found.url().substring(prefix.length()) : found.url();
				suggestions.add(new Suggestion(found.type(), found.id(), found.title(), path, found.snippet(), found.kind(),
						found.status(), found.tags(), applied.contains(found.type() + ":" + found.id())));
			}
		}
		return suggestions;
	}

	/**
	 * Marks a lesson or an item as what the team will apply. Marking it again changes nothing; the first
	 * mark of a lesson publishes {@link LessonApplied}.
	 *
	 * @return the mark, and whether it is new
	 */
	@Transactional
	public Marked apply(OrgAccess access, ReviewId reviewId, String type, String id) {
		Review review = beforeReview(access, reviewId);
		if (!review.canEdit()) {
			throw ProblemException.forbidden();
		}
		String recordType = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
		if (!TYPES.contains(recordType)) {
			throw ProblemException.invalid("type", "lessons.apply.type");
		}
		if (id == null || id.isBlank()) {
			throw ProblemException.invalid("id", "problem.field.required");
		}
		String recordId;
		PersonId lessonAuthor = null;
		if (recordType.equals(Reindex.LESSON)) {
			Lesson lesson = lessons.find(access, id).orElseThrow(() -> ProblemException.invalid("id", "record.unknown"));
			if (lesson.status() == LessonStatus.REJECTED) {
				throw ProblemException.conflict("id", "lessons.apply.rejected");
			}
			recordId = lesson.id().toString();
			lessonAuthor = lesson.author().id();
		}
		else {
			recordId = records.require(access.orgId().value(), LinkService.ITEM, id.strip(), access.personId().value(), "id")
				.id();
		}
		// one mark at a time per review, so that two of the team marking the same lesson count it once
		jdbc.sql("SELECT id FROM lessons_review WHERE id = ? FOR UPDATE").param(reviewId.value()).query().listOfRows();
		Optional<Applied> existing = find(access, reviewId, recordType, recordId);
		if (existing.isPresent()) {
			return new Marked(existing.get(), false);
		}
		jdbc.sql("""
				INSERT INTO lessons_review_applied (org_id, review_id, record_type, record_id, applied_by, applied_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(access.orgId().value(), reviewId.value(), recordType, recordId, access.personId().value(),
					Sql.utc(clock.instant()))
			.update();
		audit.record(access.orgId(), "review.applied", "review", reviewId.toString(), recordType + " " + recordId);
		if (lessonAuthor != null) {
			events.publishEvent(new LessonApplied(access.orgId(), new LessonId(UUID.fromString(recordId)),
					review.activityId(), access.personId(), lessonAuthor));
		}
		return new Marked(find(access, reviewId, recordType, recordId).orElseThrow(), true);
	}

	/** A mark of {@link #apply}, and whether this call made it. */
	public record Marked(Applied applied, boolean created) {
	}

	/** What the team decided to apply, in the order they marked it. */
	@Transactional(readOnly = true)
	public List<Applied> applied(OrgAccess access, ReviewId reviewId) {
		reviews.get(access, reviewId);
		return resolve(access, jdbc.sql("SELECT * FROM lessons_review_applied WHERE review_id = ? AND org_id = ? ORDER BY applied_at, id")
			.params(reviewId.value(), access.orgId().value())
			.query((rs, n) -> new Applied(rs.getString("record_type"), rs.getString("record_id"), null, null,
					new Person(new PersonId(Sql.uuid(rs, "applied_by")), ""), Sql.instant(rs, "applied_at")))
			.list());
	}

	/** How many before-action reviews applied a lesson. */
	@Transactional(readOnly = true)
	public long timesApplied(OrgAccess access, LessonId lesson) {
		return jdbc.sql("SELECT COUNT(*) FROM lessons_review_applied WHERE org_id = ? AND record_type = 'lesson' AND record_id = ?")
			.params(access.orgId().value(), lesson.toString())
			.query(Long.class)
			.single();
	}

	private Optional<Applied> find(OrgAccess access, ReviewId reviewId, String type, String id) {
		return applied(access, reviewId).stream().filter(a -> a.type().equals(type) && a.id().equals(id)).findFirst();
	}

	private List<Applied> resolve(OrgAccess access, List<Applied> marks) {
		Map<PersonId, String> names = people.names(marks.stream().map(a -> a.appliedBy().id()).toList());
		return marks.stream().map(a -> {
			Optional<RecordRef> ref = records.find(access.orgId().value(), a.type(), a.id(), access.personId().value());
			return new Applied(a.type(), a.id(), ref.map(RecordRef::title).orElse(null), ref.map(RecordRef::path).orElse(null),
					new Person(a.appliedBy().id(), names.getOrDefault(a.appliedBy().id(), "")), a.appliedAt());
		}).toList();
	}

	private Review beforeReview(OrgAccess access, ReviewId reviewId) {
		Review review = reviews.get(access, reviewId);
		if (review.kind() != ReviewKind.BEFORE) {
			throw ProblemException.conflict(null, "lessons.suggestions.beforeOnly");
		}
		return review;
	}
}
