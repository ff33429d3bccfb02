package org.tacit.lessons.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.lessons.LessonId;
import org.tacit.lessons.LessonStatus;
import org.tacit.lessons.LessonsLearned;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/** The lessons learned facade for other modules ({@link LessonsLearned}): lesson look-ups and the figures. */
@Service
class LessonsFacade implements LessonsLearned {

	/** The longest period the figures cover, so that no request reads an unbounded history. */
	static final int MONTHS_MAX = 120;
	private static final double SECONDS_PER_DAY = 86_400;

	private final JdbcClient jdbc;
	private final LessonService lessons;
	private final ActionService actions;

	LessonsFacade(JdbcClient jdbc, LessonService lessons, ActionService actions) {
		this.jdbc = jdbc;
		this.lessons = lessons;
		this.actions = actions;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<LessonRef> lesson(OrgAccess caller, LessonId id) {
		return lessons.find(caller, id.toString())
			.map(l -> new LessonRef(l.id(), l.title(), l.priority(), l.status(), l.author().id(), "lessons/" + l.id()));
	}

	private record Dates(Instant captured, Instant validated, Instant embedded) {
	}

	@Override
	@Transactional(readOnly = true)
	public Figures figures(OrgId org, LocalDate from, LocalDate to) {
		checkPeriod(from, to);
		List<Dates> captured = jdbc.sql("""
				SELECT captured_at, validated_at, embedded_at FROM lessons_lesson
				WHERE org_id = ? AND captured_at >= ? AND captured_at < ?""")
			.params(org.value(), Sql.utc(start(from)), Sql.utc(start(to.plusDays(1))))
			.query((rs, n) -> new Dates(Sql.instant(rs, "captured_at"), Sql.instant(rs, "validated_at"),
					Sql.instant(rs, "embedded_at")))
			.list();
		long validated = captured.stream().filter(d -> d.validated() != null).count();
		List<Double> daysToEmbedded = captured.stream()
			.filter(d -> d.embedded() != null)
			.map(d -> Duration.between(d.captured(), d.embedded()).toSeconds() / SECONDS_PER_DAY)
			.sorted()
			.toList();
		long applied = jdbc.sql("""
				SELECT COUNT(*) FROM lessons_review_applied
				WHERE org_id = ? AND record_type = 'lesson' AND applied_at >= ? AND applied_at < ?""")
			.params(org.value(), Sql.utc(start(from)), Sql.utc(start(to.plusDays(1))))
			.query(Long.class)
			.single();
		long total = captured.size();
		return new Figures(from, to, total, validated, share(validated, total), daysToEmbedded.size(),
				share(daysToEmbedded.size(), total), median(daysToEmbedded), actions.overdueCount(org), applied);
	}

	@Override
	@Transactional(readOnly = true)
	public List<MonthCount> capturedPerMonth(OrgId org, YearMonth from, YearMonth to) {
		checkPeriod(from.atDay(1), to.atEndOfMonth());
		Map<YearMonth, Long> counts = new TreeMap<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			counts.put(month, 0L);
		}
		jdbc.sql("SELECT captured_at FROM lessons_lesson WHERE org_id = ? AND captured_at >= ? AND captured_at < ?")
			.params(org.value(), Sql.utc(start(from.atDay(1))), Sql.utc(start(to.plusMonths(1).atDay(1))))
			.query((rs, n) -> YearMonth.from(Sql.instant(rs, "captured_at").atOffset(ZoneOffset.UTC)))
			.list()
			.forEach(month -> counts.merge(month, 1L, Long::sum));
		List<MonthCount> months = new ArrayList<>();
		counts.forEach((month, count) -> months.add(new MonthCount(month, count)));
		return months;
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (from == null) {
			throw ProblemException.invalid("from", "problem.field.required");
		}
		if (to == null) {
			throw ProblemException.invalid("to", "problem.field.required");
		}
		if (to.isBefore(from)) {
			throw ProblemException.invalid("to", "lessons.figures.toBeforeFrom");
		}
		if (from.plusMonths(MONTHS_MAX).isBefore(to)) {
			throw ProblemException.invalid("to", "lessons.figures.tooLong", MONTHS_MAX);
		}
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static double share(long part, long whole) {
		return whole == 0 ? 0 : (double) part / whole;
	}

	private static Double median(List<Double> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}
	@Override
	@Transactional(readOnly = true)
	public Optional<Credit> validated(OrgId org, LessonId lesson) {
		return credits(org, "AND id = ?", lesson.value()).stream().findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Credit> validatedLessons(OrgId org) {
		return credits(org, "", null);
	}

	private List<Credit> credits(OrgId org, String condition, Object parameter) {
		var query = jdbc.sql("""
				SELECT id, author_id, tags, validated_at FROM lessons_lesson
				WHERE org_id = ? AND validated_at IS NOT NULL AND status <> 'REJECTED' %s
				ORDER BY validated_at, id""".formatted(condition))
			.param(org.value());
		if (parameter != null) {
			query = query.param(parameter);
		}
		return query
			.query((rs, n) -> new Credit(new LessonId(Sql.uuid(rs, "id")), new PersonId(Sql.uuid(rs, "author_id")),
					rs.getString("tags").isEmpty() ? List.of() : List.of(rs.getString("tags").split(",")),
					Sql.instant(rs, "validated_at")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<LessonCredit> lessonCredits(OrgId org, LessonId lesson) {
		var query = jdbc.sql("""
				SELECT l.id, l.author_id, l.status, l.captured_at, l.validated_at, l.embedded_at,
				  (SELECT COUNT(*) FROM lessons_link k WHERE k.lesson_id = l.id AND k.record_type = 'process-step') AS steps
				FROM lessons_lesson l WHERE l.org_id = ? %s ORDER BY l.captured_at, l.id"""
			.formatted(lesson == null ? "" : "AND l.id = ?"))
			.param(org.value());
		if (lesson != null) {
			query = query.param(lesson.value());
		}
		return query
			.query((rs, n) -> new LessonCredit(new LessonId(Sql.uuid(rs, "id")), new PersonId(Sql.uuid(rs, "author_id")),
					LessonStatus.valueOf(rs.getString("status")), Sql.instant(rs, "captured_at"),
					Sql.instant(rs, "validated_at"), Sql.instant(rs, "embedded_at"), rs.getLong("steps") > 0))
			.list();
	}
}
