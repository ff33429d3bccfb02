package org.tacit.recognition.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.Sql;

/**
 * The contribution ledger: entries are added (never changed) as other modules' events arrive, each at
 * most once (its key), with the weight its kind has at that moment; {@link #rebuild} derives them again
 * from the {@link LedgerSource}s, with today's weights.
 */
@Service
public class Ledger {

	private final JdbcClient jdbc;
	private final SettingsService settings;
	private final ObjectProvider<LedgerSource> sources;

	Ledger(JdbcClient jdbc, SettingsService settings, ObjectProvider<LedgerSource> sources) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.sources = sources;
	}

	/** Adds the entries that are not in the ledger yet; returns how many were added. */
	@Transactional
	public int append(OrgId org, List<Entry> entries) {
		if (entries.isEmpty()) {
			return 0;
		}
		Settings current = settings.of(org);
		int added = 0;
		for (Entry entry : entries) {
			boolean known = jdbc.sql("SELECT COUNT(*) FROM recognition_entry WHERE org_id = ? AND entry_key = ?")
				.params(org.value(), entry.key())
				.query(Long.class)
				.single() > 0;
			if (known) {
				continue;
			}
			// two deliveries at once: the unique key refuses the second, and the registry delivers it again later
			jdbc.sql("""
					INSERT INTO recognition_entry (org_id, person_id, kind, record_type, record_id, actor_id, detail, weight, at, entry_key)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(org.value(), entry.person().value(), entry.kind().name(), entry.recordType(), entry.recordId(),
						entry.actor() == null ? null : entry.actor().value(), entry.detail(), current.weight(entry.kind()),
						Sql.utc(entry.at()), entry.key())
				.update();
			added++;
		}
		return added;
	}

	/**
	 * Derives the organization's ledger again from every source: each source's kinds are replaced by what
	 * it gives now, weighed with today's weights. Returns how many entries there are afterwards.
	 */
	@Transactional
	public int rebuild(OrgId org) {
		int count = 0;
		for (LedgerSource source : sources) {
			for (EntryKind kind : source.kinds()) {
				jdbc.sql("DELETE FROM recognition_entry WHERE org_id = ? AND kind = ?").params(org.value(), kind.name()).update();
			}
			List<Entry> given = new ArrayList<>();
			source.forEach(org, given::add);
			count += append(org, given);
		}
		return count;
	}

	/** A stored entry with its weight. */
	public record Stored(long id, Entry entry, int weight) {
	}

	/** Filters of a ledger read: a period (from inclusive, to exclusive) and optionally one kind. */
	public record Filter(Instant from, Instant to, EntryKind kind) {
	}

	/** A person's entries in the period, newest first. */
	@Transactional(readOnly = true)
	public Page<Stored> of(OrgId org, PersonId person, Filter filter, Paging paging) {
		String where = "WHERE org_id = ? AND person_id = ? AND at >= ? AND at < ?" + (filter.kind() == null ? "" : " AND kind = ?");
		List<Object> params = new ArrayList<>(List.of(org.value(), person.value(), Sql.utc(filter.from()), Sql.utc(filter.to())));
		if (filter.kind() != null) {
			params.add(filter.kind().name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM recognition_entry " + where).params(params).query(Long.class).single();
		List<Object> paged = new ArrayList<>(params);
		paged.add(paging.size());
		paged.add(paging.offset());
		List<Stored> items = jdbc.sql("SELECT * FROM recognition_entry " + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
			.params(paged)
			.query((rs, n) -> stored(rs))
			.list();
		return paging.of(items, total);
	}

	/** The most recent entries of one kind of a person in the period (at most {@code limit}). */
	@Transactional(readOnly = true)
	public List<Stored> latest(OrgId org, PersonId person, EntryKind kind, Instant from, Instant to, int limit) {
		return jdbc.sql("""
				SELECT * FROM recognition_entry WHERE org_id = ? AND person_id = ? AND kind = ? AND at >= ? AND at < ?
				ORDER BY at DESC, id DESC LIMIT ?""")
			.params(org.value(), person.value(), kind.name(), Sql.utc(from), Sql.utc(to), limit)
			.query((rs, n) -> stored(rs))
			.list();
	}

	/** How many entries and points of each kind a person has in the period. */
	public record Tally(long count, long points, long people) {
	}

	@Transactional(readOnly = true)
	public Map<EntryKind, Tally> tally(OrgId org, PersonId person, Instant from, Instant to) {
		Map<EntryKind, Tally> tally = new EnumMap<>(EntryKind.class);
		jdbc.sql("""
				SELECT kind, COUNT(*) AS n, SUM(weight) AS points, COUNT(DISTINCT actor_id) AS people FROM recognition_entry
				WHERE org_id = ? AND person_id = ? AND at >= ? AND at < ? GROUP BY kind""")
			.params(org.value(), person.value(), Sql.utc(from), Sql.utc(to))
			.query((rs, n) -> {
				try {
					tally.put(EntryKind.valueOf(rs.getString("kind")),
							new Tally(rs.getLong("n"), rs.getLong("points"), rs.getLong("people")));
				}
				catch (IllegalArgumentException e) {
					// a kind that no longer exists
				}
				return null;
			})
			.list();
		return tally;
	}

	/** Entries of the kinds that count for badges, oldest first (for the moment a threshold was reached). */
	@Transactional(readOnly = true)
	public List<Entry> all(OrgId org, PersonId person) {
		return jdbc.sql("SELECT * FROM recognition_entry WHERE org_id = ? AND person_id = ? ORDER BY at, id")
			.params(org.value(), person.value())
			.query((rs, n) -> stored(rs).entry())
			.list();
	}

	/** One row of a ranking: a person and their points in the period. */
	public record Ranked(PersonId person, long points, long entries) {
	}

	/** Everyone with entries in the period, most points first (kudos count as their weight says). */
	@Transactional(readOnly = true)
	public List<Ranked> ranking(OrgId org, Instant from, Instant to, int limit) {
		return jdbc.sql("""
				SELECT person_id, SUM(weight) AS points, COUNT(*) AS n FROM recognition_entry
				WHERE org_id = ? AND at >= ? AND at < ? GROUP BY person_id ORDER BY SUM(weight) DESC, COUNT(*) DESC, person_id
				LIMIT ?""")
			.params(org.value(), Sql.utc(from), Sql.utc(to), limit)
			.query((rs, n) -> new Ranked(new PersonId(Sql.uuid(rs, "person_id")), rs.getLong("points"), rs.getLong("n")))
			.list();
	}

	private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
		java.util.UUID actor = Sql.uuid(rs, "actor_id");
		return new Stored(rs.getLong("id"), new Entry(new PersonId(Sql.uuid(rs, "person_id")),
				EntryKind.valueOf(rs.getString("kind")), rs.getString("record_type"), rs.getString("record_id"),
				actor == null ? null : new PersonId(actor), rs.getString("detail"), Sql.instant(rs, "at"),
				rs.getString("entry_key")), rs.getInt("weight"));
	}
}
