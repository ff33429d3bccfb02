package org.tacit.search.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tacit.shared.DailyCounts;
import org.tacit.shared.Paging;

/** The searches of each organization that found nothing, with how often and when they were made. */
@Repository
class GapStore {

	private final JdbcClient jdbc;
	private final DailyCounts daily;

	GapStore(JdbcClient jdbc, DailyCounts daily) {
		this.jdbc = jdbc;
		this.daily = daily;
	}

	/**
	 * Counts a search (not a preview while typing) in the day's searches, and in the day's zero-result
	 * searches when it found nothing; a search without words (only filters) is no search. A count that
	 * fails is logged, never the searcher's problem.
	 */
	void counted(UUID org, String query, boolean foundNothing, Instant at) {
		if (query == null || UserQuery.normalize(query).isEmpty()) {
			return;
		}
		try {
			java.time.LocalDate day = java.time.LocalDate.ofInstant(at, ZoneOffset.UTC);
			daily.add("search_daily", DailyCounts.key("org_id", org, "on_day", day), "searches", 1);
			if (foundNothing) {
				daily.add("search_daily", DailyCounts.key("org_id", org, "on_day", day), "zero_results", 1);
			}
		}
		catch (RuntimeException e) {
			LoggerFactory.getLogger(GapStore.class).warn("Could not count a search", e);
		}
	}

	/** Searches and zero-result searches of whole UTC days, {@code from}'s day up to the day before {@code to}'s. */
	org.tacit.search.KnowledgeSearch.SearchCounts searchCounts(UUID org, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT COALESCE(SUM(searches), 0) AS s, COALESCE(SUM(zero_results), 0) AS z FROM search_daily
				WHERE org_id = :org AND on_day >= :from AND on_day < :to""")
			.param("org", org)
			.param("from", java.time.LocalDate.ofInstant(from, ZoneOffset.UTC))
			.param("to", java.time.LocalDate.ofInstant(to, ZoneOffset.UTC))
			.query((rs, n) -> new org.tacit.search.KnowledgeSearch.SearchCounts(rs.getLong("s"), rs.getLong("z")))
			.single();
	}

	/** Counts one more search; portable SQL (no MERGE or ON CONFLICT), and safe when two race. */
	void record(UUID org, String query, Instant at) {
		if (increment(org, query, at) > 0) {
			return;
		}
		try {
			jdbc.sql("""
					INSERT INTO search_gap (org_id, query_text, searches, first_searched_at, last_searched_at)
					VALUES (:org, :query, 1, :at, :at)""")
				.param("org", org)
				.param("query", query)
				.param("at", utc(at))
				.update();
		}
		catch (DuplicateKeyException e) {
			increment(org, query, at);
		}
	}

	private int increment(UUID org, String query, Instant at) {
		return jdbc.sql("""
				UPDATE search_gap SET searches = searches + 1, last_searched_at = :at
				WHERE org_id = :org AND query_text = :query""")
			.param("org", org)
			.param("query", query)
			.param("at", utc(at))
			.update();
	}

	List<Gap> list(UUID org, Paging paging) {
		return jdbc.sql("""
				SELECT query_text, searches, first_searched_at, last_searched_at FROM search_gap
				WHERE org_id = :org ORDER BY searches DESC, last_searched_at DESC, query_text
				LIMIT :limit OFFSET :offset""")
			.param("org", org)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new Gap(rs.getString("query_text"), rs.getLong("searches"),
					rs.getObject("first_searched_at", OffsetDateTime.class).toInstant(),
					rs.getObject("last_searched_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	long count(UUID org) {
		return jdbc.sql("SELECT COUNT(*) FROM search_gap WHERE org_id = :org").param("org", org).query(Long.class).single();
	}

	org.tacit.search.KnowledgeSearch.GapFigures figures(UUID org, Instant from, Instant to, int limit) {
		long searched = jdbc.sql("""
				SELECT COUNT(*) FROM search_gap WHERE org_id = :org AND last_searched_at >= :from AND last_searched_at < :to""")
			.param("org", org)
			.param("from", utc(from))
			.param("to", utc(to))
			.query(Long.class)
			.single();
		long first = jdbc.sql("""
				SELECT COUNT(*) FROM search_gap WHERE org_id = :org AND first_searched_at >= :from AND first_searched_at < :to
				  AND last_searched_at < :to""")
			.param("org", org)
			.param("from", utc(from))
			.param("to", utc(to))
			.query(Long.class)
			.single();
		List<org.tacit.search.KnowledgeSearch.GapQuery> top = limit == 0 ? List.of() : jdbc.sql("""
				SELECT query_text, searches, first_searched_at, last_searched_at FROM search_gap
				WHERE org_id = :org AND last_searched_at >= :from AND last_searched_at < :to
				ORDER BY searches DESC, last_searched_at DESC, query_text LIMIT :limit""")
			.param("org", org)
			.param("from", utc(from))
			.param("to", utc(to))
			.param("limit", limit)
			.query((rs, n) -> new org.tacit.search.KnowledgeSearch.GapQuery(rs.getString("query_text"),
					rs.getLong("searches"), rs.getObject("first_searched_at", OffsetDateTime.class).toInstant(),
					rs.getObject("last_searched_at", OffsetDateTime.class).toInstant()))
			.list();
		return new org.tacit.search.KnowledgeSearch.GapFigures(searched, first, top);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
