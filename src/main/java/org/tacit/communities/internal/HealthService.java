package org.tacit.communities.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.communities.CommunityHealth;
import org.tacit.communities.CommunityStatus;
import org.tacit.shared.Sql;

/** The health figures of a community, computed from its members, threads, posts, votes and deliverables. */
@Service
public class HealthService {

	static final int ACTIVE_DAYS = 30;
	static final int MONTHS = 6;

	private final JdbcClient jdbc;
	private final CommunityStore store;
	private final CommunitySettings settings;
	private final Clock clock;

	HealthService(JdbcClient jdbc, CommunityStore store, CommunitySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/** The figures of a community the caller already may see. */
	@Transactional(readOnly = true)
	public CommunityHealth of(Community community) {
		return of(store.row(community.org(), community.id()).orElseThrow());
	}

	CommunityHealth of(CommunityRow c) {
		Instant now = clock.instant();
		Instant activeFrom = now.minus(Duration.ofDays(ACTIVE_DAYS));
		int members = (int) store.memberCount(c.id());
		int active = jdbc.sql("""
				SELECT COUNT(*) FROM communities_member m WHERE m.community_id = :c AND m.status = 'MEMBER' AND (
				  EXISTS (SELECT 1 FROM communities_post p WHERE p.community_id = :c AND p.author_id = m.person_id
				          AND p.created_at >= :from)
				  OR EXISTS (SELECT 1 FROM communities_vote v JOIN communities_post p ON p.id = v.post_id
				          WHERE p.community_id = :c AND v.person_id = m.person_id AND v.created_at >= :from))""")
			.param("c", c.id().value())
			.param("from", Sql.utc(activeFrom))
			.query(Integer.class)
			.single();
		YearMonth thisMonth = YearMonth.from(now.atOffset(ZoneOffset.UTC));
		YearMonth first = thisMonth.minusMonths(MONTHS - 1);
		Instant since = first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Map<YearMonth, int[]> months = new LinkedHashMap<>();
		for (YearMonth m = first; !m.isAfter(thisMonth); m = m.plusMonths(1)) {
			months.put(m, new int[2]);
		}
		jdbc.sql("SELECT created_at FROM communities_post WHERE community_id = ? AND created_at >= ?")
			.params(c.id().value(), Sql.utc(since))
			.query((rs, n) -> Sql.instant(rs, "created_at"))
			.list()
			.forEach(at -> count(months, at, 0));
		jdbc.sql("SELECT created_at FROM communities_thread WHERE community_id = ? AND question = TRUE AND created_at >= ?")
			.params(c.id().value(), Sql.utc(since))
			.query((rs, n) -> Sql.instant(rs, "created_at"))
			.list()
			.forEach(at -> count(months, at, 1));
		List<CommunityHealth.Month> monthly = new ArrayList<>();
		months.forEach((month, counts) -> monthly.add(new CommunityHealth.Month(month, counts[0], counts[1])));
		record Question(Instant asked, Instant firstAnswer, boolean answered) {
		}
		List<Question> questions = jdbc.sql("""
				SELECT created_at, first_answer_at, accepted_post_id FROM communities_thread
				WHERE community_id = ? AND question = TRUE""")
			.param(c.id().value())
			.query((rs, n) -> new Question(Sql.instant(rs, "created_at"), Sql.instant(rs, "first_answer_at"),
					Sql.uuid(rs, "accepted_post_id") != null))
			.list();
		int answered = (int) questions.stream().filter(Question::answered).count();
		List<Duration> waits = questions.stream()
			.filter(q -> q.firstAnswer() != null)
			.map(q -> Duration.between(q.asked(), q.firstAnswer()))
			.sorted()
			.toList();
		List<Charter.Deliverable> deliverables = store.charter(c).deliverables();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Instant activeSince = c.activeSince();
		int monthsQuiet = (int) ChronoUnit.MONTHS.between(activeSince.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC));
		boolean dormant = dormantSuggested(c);
		return new CommunityHealth(c.id(), c.name(), c.status(), members, active, monthly, questions.size(), answered,
				questions.isEmpty() ? null : (double) answered / questions.size(), median(waits), deliverables.size(),
				(int) deliverables.stream().filter(d -> d.status() == DeliverableStatus.DELIVERED).count(),
				(int) deliverables.stream().filter(Charter.Deliverable::onTime).count(),
				(int) deliverables.stream().filter(d -> d.overdue(today)).count(), c.lastActivityAt(), monthsQuiet,
				dormant, now);
	}

	/** Whether the leaders should be asked to mark the community dormant. */
	boolean dormantSuggested(CommunityRow c) {
		return (c.status() == CommunityStatus.LAUNCHED || c.status() == CommunityStatus.ACTIVE)
				&& c.activeSince().isBefore(clock.instant().minus(settings.dormantAfter()));
	}

	Duration dormantAfter() {
		return settings.dormantAfter();
	}

	private static void count(Map<YearMonth, int[]> months, Instant at, int which) {
		int[] counts = months.get(YearMonth.from(at.atOffset(ZoneOffset.UTC)));
		if (counts != null) {
			counts[which]++;
		}
	}

	static Duration median(List<Duration> sorted) {
		if (sorted.isEmpty()) {
			return null;
		}
		int middle = sorted.size() / 2;
		return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
	}
}
