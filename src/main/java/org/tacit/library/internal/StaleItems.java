package org.tacit.library.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tacit.library.ItemId;
import org.tacit.library.ItemsWentStale;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Sql;

/**
 * The daily stale check: published items whose review-by date passed and was not announced yet are
 * announced ({@link ItemsWentStale}, one event per organization and batch, through the event
 * publication registry) and remembered as announced for that date ({@code stale_announced_for}). A
 * verified item has a new review-by date, so it is announced again when that one passes.
 */
@Service
public class StaleItems {

	private static final Logger log = LoggerFactory.getLogger(StaleItems.class);
	/** The most items one event carries (and one transaction marks). */
	static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transaction;
	private final Clock clock;

	StaleItems(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Scheduled(cron = "${tacit.library.stale-check:0 30 6 * * *}", zone = "UTC")
	void daily() {
		int announced = announce();
		if (announced > 0) {
			log.info("Announced {} items gone stale", announced);
		}
	}

	private record Row(UUID id, UUID org, UUID owner, Instant reviewBy) {
	}

	/** Announces every item gone stale since its last announcement; returns how many it announced. */
	public int announce() {
		Instant now = clock.instant();
		int total = 0;
		while (true) {
			Integer done = transaction.execute(status -> batch(now));
			if (done == null || done == 0) {
				return total;
			}
			total += done;
			if (done < BATCH) {
				return total;
			}
		}
	}

	private int batch(Instant now) {
		List<Row> rows = jdbc.sql("""
				SELECT id, org_id, owner_id, review_by FROM library_item
				WHERE status = 'PUBLISHED' AND review_by < ?
				  AND (stale_announced_for IS NULL OR stale_announced_for <> review_by)
				ORDER BY org_id, id LIMIT""" + " " + BATCH)
			.param(Sql.utc(now))
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), Sql.uuid(rs, "org_id"), Sql.uuid(rs, "owner_id"),
					Sql.instant(rs, "review_by")))
			.list();
		Map<UUID, List<ItemsWentStale.StaleItem>> byOrg = new LinkedHashMap<>();
		if (rows.isEmpty()) {
			return 0;
		}
		jdbc.sql("UPDATE library_item SET stale_announced_for = review_by WHERE id IN (:ids)")
			.param("ids", rows.stream().map(Row::id).toList())
			.update();
		for (Row row : rows) {
			byOrg.computeIfAbsent(row.org(), k -> new ArrayList<>())
				.add(new ItemsWentStale.StaleItem(new ItemId(row.id()), new PersonId(row.owner()), row.reviewBy()));
		}
		byOrg.forEach((org, items) -> events.publishEvent(new ItemsWentStale(new OrgId(org), List.copyOf(items))));
		return rows.size();
	}
}
