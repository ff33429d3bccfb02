package org.tacit.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.organizations.OrgId;
import org.tacit.shared.ProblemException;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * The figures the measurement module shows, from {@link LessonsLearned}: lessons captured per period,
 * the shares validated and embedded, the median days to embedding, overdue actions and lessons applied.
 * Capture and embedding dates are set in the past directly, as months of real use would leave them.
 */
@TacitTest
class LessonsFiguresTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	LessonsLearned lessonsLearned;

	@Autowired
	JdbcClient jdbc;

	TestData data;
	TestData.Org org;
	LessonsFixture lessons;
	TestData.Person editor;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		lessons = new LessonsFixture(port, org);
		editor = data.member(org, "EDITOR");
	}

	private static OffsetDateTime at(String instant) {
		return OffsetDateTime.parse(instant);
	}

	/** A lesson as if captured, validated and embedded at these times (null: not reached). */
	private String lesson(String captured, String validated, String embedded) {
		String id = lessons.lesson(editor, null, "Lesson of " + captured, "INFORMATION").get("id").asString();
		jdbc.sql("UPDATE lessons_lesson SET captured_at = ?, validated_at = ?, embedded_at = ? WHERE id = ?")
			.params(at(captured), validated == null ? null : at(validated), embedded == null ? null : at(embedded),
					UUID.fromString(id))
			.update();
		return id;
	}

	@Test
	void theFiguresOfAPeriod() {
		String first = lesson("2026-03-01T10:00:00Z", "2026-03-02T10:00:00Z", "2026-03-11T10:00:00Z"); // 10 days
		lesson("2026-03-05T08:00:00Z", "2026-03-05T09:00:00Z", "2026-03-09T08:00:00Z"); // 4 days
		lesson("2026-04-21T00:00:00Z", "2026-04-21T06:00:00Z", "2026-04-22T00:00:00Z"); // 1 day
		lesson("2026-04-10T12:00:00Z", "2026-04-11T12:00:00Z", null);
		lesson("2026-04-30T23:59:00Z", null, null);
		lesson("2026-02-28T23:59:00Z", "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z");
		lesson("2026-05-01T00:00:00Z", null, null);

		String today = LocalDate.now(ZoneOffset.UTC).toString();
		lessons.action(editor, first, "Late", editor, LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
		lessons.action(editor, first, "On time", editor, LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
		String done = lessons.action(editor, first, "Done late", editor, "2026-01-01").get("id").asString();
		lessons.api(editor).put(lessons.base() + "/lessons/" + first + "/actions/" + done, Map.of("status", "DONE"));

		String activity = lessons.activity(editor, "Next job", "").get("id").asString();
		String review = lessons.review(editor, activity, "BEFORE", Map.of("objectives", "Do it well")).get("id").asString();
		Http api = lessons.api(editor);
		api.post(lessons.base() + "/reviews/" + review + "/applied", Map.of("type", "lesson", "id", first));
		jdbc.sql("UPDATE lessons_review_applied SET applied_at = ? WHERE review_id = ?")
			.params(at("2026-04-15T10:00:00Z"), UUID.fromString(review))
			.update();

		LessonsLearned.Figures figures = lessonsLearned.figures(new OrgId(org.id()), LocalDate.parse("2026-03-01"),
				LocalDate.parse("2026-04-30"));
		assertThat(figures.captured()).isEqualTo(5);
		assertThat(figures.validated()).isEqualTo(4);
		assertThat(figures.shareValidated()).isEqualTo(0.8);
		assertThat(figures.embedded()).isEqualTo(3);
		assertThat(figures.shareEmbedded()).isEqualTo(0.6);
		assertThat(figures.medianDaysToEmbedded()).isEqualTo(4.0);
		assertThat(figures.overdueActions()).isEqualTo(1);
		assertThat(figures.lessonsApplied()).isEqualTo(1);

		assertThat(lessonsLearned.capturedPerMonth(new OrgId(org.id()), YearMonth.of(2026, 1), YearMonth.of(2026, 5)))
			.containsExactly(new LessonsLearned.MonthCount(YearMonth.of(2026, 1), 0),
					new LessonsLearned.MonthCount(YearMonth.of(2026, 2), 1),
					new LessonsLearned.MonthCount(YearMonth.of(2026, 3), 2),
					new LessonsLearned.MonthCount(YearMonth.of(2026, 4), 3),
					new LessonsLearned.MonthCount(YearMonth.of(2026, 5), 1));

		LessonsLearned.Figures march = lessonsLearned.figures(new OrgId(org.id()), LocalDate.parse("2026-03-01"),
				LocalDate.parse("2026-03-31"));
		assertThat(march.medianDaysToEmbedded()).isEqualTo(7.0);
		assertThat(march.lessonsApplied()).isZero();
		LessonsLearned.Figures empty = lessonsLearned.figures(new OrgId(data.org().id()), LocalDate.parse("2026-03-01"),
				LocalDate.parse("2026-03-31"));
		assertThat(empty.captured()).isZero();
		assertThat(empty.shareValidated()).isZero();
		assertThat(empty.medianDaysToEmbedded()).isNull();

		JsonNode viaApi = api.get(lessons.base() + "/lessons/figures?from=2026-03-01&to=2026-04-30").json();
		assertThat(viaApi.get("captured").asInt()).isEqualTo(5);
		assertThat(viaApi.get("medianDaysToEmbedded").asDouble()).isEqualTo(4.0);
		assertThat(api.get(lessons.base() + "/lessons/figures").json().get("to").asString()).isEqualTo(today);
	}

	@Test
	void aPeriodHasAStartBeforeItsEndAndALimit() {
		Http api = lessons.api(editor);
		assertThat(api.get(lessons.base() + "/lessons/figures?from=2026-05-01&to=2026-04-30").json()
			.get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertThat(api.get(lessons.base() + "/lessons/figures?from=May").status()).isEqualTo(400);
		assertThatThrownBy(() -> lessonsLearned.figures(new OrgId(org.id()), LocalDate.parse("2000-01-01"),
				LocalDate.parse("2026-01-01")))
			.isInstanceOf(ProblemException.class);
	}
}
