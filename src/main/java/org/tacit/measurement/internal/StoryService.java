package org.tacit.measurement.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/**
 * The value register: contributors record success stories, knowledge managers confirm them; totals per
 * period, per kind of outcome and per piece of knowledge. Links go through {@link Records}: a story may
 * only credit records of its organization that the reporter can see.
 */
@Service
public class StoryService {

	/** The most pieces of knowledge one story credits. */
	public static final int MAX_LINKS = 20;
	/** The most stories one CSV export holds. */
	public static final int MAX_EXPORT = 10_000;
	static final BigDecimal MAX_HOURS = new BigDecimal("1000000");
	static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	private final JdbcClient jdbc;
	private final Records records;
	private final AuditLog audit;
	private final Clock clock;
	private final Periods periods;

	StoryService(JdbcClient jdbc, Records records, AuditLog audit, Clock clock, Periods periods) {
		this.jdbc = jdbc;
		this.records = records;
		this.audit = audit;
		this.clock = clock;
		this.periods = periods;
	}

	/** A record a story credits, as sent: its type and id. */
	public record LinkInput(String type, String id) {
	}

	/** A story as a person sends it; validated whole before anything is written. */
	public record Input(String title, String story, String occurredOn, List<LinkInput> links, BigDecimal hoursSaved,
			BigDecimal costAmount, String costCurrency, String effect, Boolean innovation, String innovationKind,
			String innovationNote) {
	}

	@Transactional
	public Story record(OrgAccess access, Input input) {
		access.require(Role.CONTRIBUTOR);
		String title = required("title", input.title(), 200);
		String story = required("story", input.story(), 10_000);
		LocalDate occurredOn = occurredOn(input.occurredOn());
		BigDecimal hours = nonNegative("hoursSaved", input.hoursSaved(), MAX_HOURS);
		BigDecimal amount = nonNegative("costAvoided.amount", input.costAmount(), MAX_AMOUNT);
		String currency = input.costCurrency() == null || input.costCurrency().isBlank() ? null
				: input.costCurrency().strip().toUpperCase(Locale.ROOT);
		if (amount != null && currency == null) {
			throw ProblemException.invalid("costAvoided.currency", "measurement.story.currency.required");
		}
		if (currency != null && !CURRENCY.matcher(currency).matches()) {
			throw ProblemException.invalid("costAvoided.currency", "measurement.story.currency.invalid");
		}
		if (amount == null) {
			currency = null;
		}
		String effect = optional("effect", input.effect(), 2000);
		boolean innovation = Boolean.TRUE.equals(input.innovation());
		Story.InnovationKind kind = null;
		if (input.innovationKind() != null && !input.innovationKind().isBlank()) {
			try {
				kind = Story.InnovationKind.valueOf(input.innovationKind().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw ProblemException.invalid("innovationKind", "measurement.story.innovationKind.invalid");
			}
		}
		String note = optional("innovationNote", input.innovationNote(), 2000);
		if (!innovation) {
			kind = null;
			note = null;
		}
		List<RecordRef> links = links(access, input.links());

		UUID id = UUID.randomUUID();
		java.time.Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO measurement_story (id, org_id, title, story, occurred_on, hours_saved, cost_amount, cost_currency,
				  effect, innovation, innovation_kind, innovation_note, reported_by, reported_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, access.orgId().value(), title, story, occurredOn, hours, amount, currency, effect, innovation,
					kind == null ? null : kind.name(), note, access.personId().value(), Sql.utc(now))
			.update();
		int position = 0;
		for (RecordRef link : links) {
			jdbc.sql("""
					INSERT INTO measurement_story_link (story_id, org_id, position, record_type, record_id, title, path)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, access.orgId().value(), position++, link.type(), link.id(), cut(link.title(), 300),
						cut(link.path(), 500))
				.update();
		}
		audit.record(access.orgId(), "measurement.story-recorded", "value-story", id.toString(), title);
		return get(access, id.toString());
	}

	private List<RecordRef> links(OrgAccess access, List<LinkInput> input) {
		if (input == null) {
			return List.of();
		}
		if (input.size() > MAX_LINKS) {
			throw ProblemException.invalid("links", "measurement.story.links.tooMany", MAX_LINKS);
		}
		Map<String, RecordRef> refs = new LinkedHashMap<>();
		for (int i = 0; i < input.size(); i++) {
			LinkInput link = input.get(i);
			String field = "links[" + i + "]";
			if (link == null || link.type() == null || link.id() == null || link.id().isBlank()) {
				throw ProblemException.invalid(field, "measurement.story.link.required");
			}
			RecordRef ref = records.require(access.orgId().value(), link.type().strip(), link.id().strip(),
					access.personId().value(), field);
			refs.putIfAbsent(ref.type() + "/" + ref.id(), ref);
		}
		return List.copyOf(refs.values());
	}

	private LocalDate occurredOn(String value) {
		if (value == null || value.isBlank()) {
			return periods.today();
		}
		LocalDate day;
		try {
			day = LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw ProblemException.invalid("occurredOn", "measurement.period.date");
		}
		if (day.isAfter(periods.today())) {
			throw ProblemException.invalid("occurredOn", "measurement.story.occurredOn.future");
		}
		return day;
	}

	private static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalid(field, "measurement.field.required");
		}
		if (value.strip().length() > max) {
			throw ProblemException.invalid(field, "measurement.field.tooLong", max);
		}
		return value.strip();
	}

	private static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return required(field, value, max);
	}

	private static BigDecimal nonNegative(String field, BigDecimal value, BigDecimal max) {
		if (value == null) {
			return null;
		}
		if (value.signum() < 0) {
			throw ProblemException.invalid(field, "measurement.story.negative");
		}
		if (value.compareTo(max) > 0) {
			throw ProblemException.invalid(field, "measurement.story.tooLarge", max.toPlainString());
		}
		if (value.scale() > 2) {
			throw ProblemException.invalid(field, "measurement.story.decimals");
		}
		return value;
	}

	private static String cut(String text, int max) {
		String value = text == null ? "" : text;
		return value.length() > max ? value.substring(0, max) : value;
	}

	/** A story of the caller's organization; 404 otherwise. */
	@Transactional(readOnly = true)
	public Story get(OrgAccess access, String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw ProblemException.notFound();
		}
		return jdbc.sql(SELECT + " WHERE s.org_id = ? AND s.id = ?")
			.params(access.orgId().value(), uuid)
			.query((rs, n) -> story(rs))
			.optional()
			.map(s -> withLinks(access, List.of(s)).getFirst())
			.orElseThrow(ProblemException::notFound);
	}

	/** Stories whose outcome happened in the period, latest first. */
	@Transactional(readOnly = true)
	public Page<Story> list(OrgAccess access, Period period, Paging paging) {
		long total = jdbc.sql("SELECT COUNT(*) FROM measurement_story WHERE org_id = ? AND occurred_on >= ? AND occurred_on <= ?")
			.params(access.orgId().value(), period.from(), period.to())
			.query(Long.class)
			.single();
		List<Story> stories = jdbc.sql(SELECT + """
				 WHERE s.org_id = ? AND s.occurred_on >= ? AND s.occurred_on <= ?
				ORDER BY s.occurred_on DESC, s.reported_at DESC, s.id LIMIT ? OFFSET ?""")
			.params(access.orgId().value(), period.from(), period.to(), paging.size(), paging.offset())
			.query((rs, n) -> story(rs))
			.list();
		return paging.of(withLinks(access, stories), total);
	}

	/** Every story of the period for a CSV file, at most {@link #MAX_EXPORT}, oldest first. */
	@Transactional(readOnly = true)
	public List<Story> export(OrgAccess access, Period period) {
		List<Story> stories = jdbc.sql(SELECT + """
				 WHERE s.org_id = ? AND s.occurred_on >= ? AND s.occurred_on <= ?
				ORDER BY s.occurred_on, s.reported_at, s.id LIMIT ?""")
			.params(access.orgId().value(), period.from(), period.to(), MAX_EXPORT)
			.query((rs, n) -> story(rs))
			.list();
		return withLinks(access, stories);
	}

	/** Confirms a story: a knowledge manager vouches for its outcomes; not the person who reported it. */
	@Transactional
	public Story confirm(OrgAccess access, String id) {
		Story story = get(access, id);
		access.require(Role.KNOWLEDGE_MANAGER);
		if (story.confirmed()) {
			return story;
		}
		if (story.reportedBy().equals(access.personId())) {
			throw ProblemException.conflict("confirmedBy", "measurement.story.confirm.own");
		}
		jdbc.sql("UPDATE measurement_story SET confirmed_by = ?, confirmed_at = ? WHERE org_id = ? AND id = ? AND confirmed_at IS NULL")
			.params(access.personId().value(), Sql.utc(clock.instant()), access.orgId().value(), story.id())
			.update();
		audit.record(access.orgId(), "measurement.story-confirmed", "value-story", story.id().toString(), story.title());
		return get(access, id);
	}

	private static final String SELECT = """
			SELECT s.id, s.title, s.story, s.occurred_on, s.hours_saved, s.cost_amount, s.cost_currency, s.effect, s.innovation,
			  s.innovation_kind, s.innovation_note, s.reported_by, s.reported_at, s.confirmed_by, s.confirmed_at
			FROM measurement_story s""";

	private static Story story(ResultSet rs) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("cost_amount");
		String kind = rs.getString("innovation_kind");
		UUID confirmedBy = Sql.uuid(rs, "confirmed_by");
		return new Story(Sql.uuid(rs, "id"), rs.getString("title"), rs.getString("story"),
				rs.getObject("occurred_on", LocalDate.class), rs.getBigDecimal("hours_saved"),
				amount == null ? null : new Story.Money(amount, rs.getString("cost_currency")), rs.getString("effect"),
				rs.getBoolean("innovation"), kind == null ? null : Story.InnovationKind.valueOf(kind),
				rs.getString("innovation_note"), List.of(), new PersonId(Sql.uuid(rs, "reported_by")),
				Sql.instant(rs, "reported_at"), confirmedBy == null ? null : new PersonId(confirmedBy),
				Sql.instant(rs, "confirmed_at"));
	}

	/** The stories with their links, each checked against what the reader may see now. */
	private List<Story> withLinks(OrgAccess access, List<Story> stories) {
		if (stories.isEmpty()) {
			return stories;
		}
		Map<UUID, List<Story.Link>> links = new HashMap<>();
		for (Story story : stories) {
			List<Story.Link> of = new ArrayList<>();
			jdbc.sql("SELECT record_type, record_id, title, path FROM measurement_story_link WHERE org_id = ? AND story_id = ? ORDER BY position")
				.params(access.orgId().value(), story.id())
				.query(rs -> {
					of.add(link(access, rs.getString("record_type"), rs.getString("record_id"), rs.getString("title"),
							rs.getString("path")));
				});
			links.put(story.id(), List.copyOf(of));
		}
		return stories.stream()
			.map(s -> new Story(s.id(), s.title(), s.story(), s.occurredOn(), s.hoursSaved(), s.costAvoided(), s.effect(),
					s.innovation(), s.innovationKind(), s.innovationNote(), links.get(s.id()), s.reportedBy(),
					s.reportedAt(), s.confirmedBy(), s.confirmedAt()))
			.toList();
	}

	private Story.Link link(OrgAccess access, String type, String id, String title, String path) {
		Optional<RecordRef> now = records.find(access.orgId().value(), type, id, access.personId().value());
		return now.map(ref -> new Story.Link(type, id, ref.title(), ref.path(), true))
			.orElseGet(() -> new Story.Link(type, id, "", "", false));
	}

	/**
	 * The value of a period.
	 *
	 * @param costsAvoided sums per currency, by currency code
	 * @param withHours stories with hours saved; likewise with costs, with effects and innovations
	 */
	public record Totals(Period period, long stories, long confirmed, BigDecimal hoursSaved,
			List<Story.Money> costsAvoided, long withHours, long withCosts, long withEffects, long innovations,
			Map<Story.InnovationKind, Long> innovationsByKind) {
	}

	@Transactional(readOnly = true)
	public Totals totals(OrgId org, Period period) {
		record Row(long stories, long confirmed, BigDecimal hours, long withHours, long withCosts, long withEffects,
				long innovations) {
		}
		Row row = jdbc.sql("""
				SELECT COUNT(*) AS stories, COUNT(confirmed_at) AS confirmed, SUM(hours_saved) AS hours,
				  COUNT(hours_saved) AS with_hours, COUNT(cost_amount) AS with_costs, COUNT(effect) AS with_effects,
				  SUM(CASE WHEN innovation THEN 1 ELSE 0 END) AS innovations
				FROM measurement_story WHERE org_id = ? AND occurred_on >= ? AND occurred_on <= ?""")
			.params(org.value(), period.from(), period.to())
			.query((rs, n) -> new Row(rs.getLong("stories"), rs.getLong("confirmed"),
					rs.getBigDecimal("hours") == null ? BigDecimal.ZERO : rs.getBigDecimal("hours"), rs.getLong("with_hours"),
					rs.getLong("with_costs"), rs.getLong("with_effects"), rs.getLong("innovations")))
			.single();
		List<Story.Money> costs = jdbc.sql("""
				SELECT cost_currency, SUM(cost_amount) AS amount FROM measurement_story
				WHERE org_id = ? AND occurred_on >= ? AND occurred_on <= ? AND cost_amount IS NOT NULL
				GROUP BY cost_currency ORDER BY cost_currency""")
			.params(org.value(), period.from(), period.to())
			.query((rs, n) -> new Story.Money(rs.getBigDecimal("amount"), rs.getString("cost_currency")))
			.list();
		Map<Story.InnovationKind, Long> kinds = new java.util.EnumMap<>(Story.InnovationKind.class);
		jdbc.sql("""
				SELECT innovation_kind, COUNT(*) AS n FROM measurement_story
				WHERE org_id = ? AND occurred_on >= ? AND occurred_on <= ? AND innovation = TRUE AND innovation_kind IS NOT NULL
				GROUP BY innovation_kind""")
			.params(org.value(), period.from(), period.to())
			.query(rs -> {
				kinds.put(Story.InnovationKind.valueOf(rs.getString("innovation_kind")), rs.getLong("n"));
			});
		return new Totals(period, row.stories(), row.confirmed(), row.hours(), costs, row.withHours(), row.withCosts(),
				row.withEffects(), row.innovations(), kinds);
	}

	/**
	 * What one piece of knowledge contributed in a period.
	 *
	 * @param visible whether the reader may see the record (otherwise its title and path are empty)
	 */
	public record Credit(String type, String id, String title, String path, boolean visible, long stories,
			BigDecimal hoursSaved, List<Story.Money> costsAvoided) {
	}

	private static final String CREDITS_FROM = """
			FROM measurement_story_link l JOIN measurement_story s ON s.id = l.story_id
			WHERE l.org_id = ? AND s.org_id = l.org_id AND s.occurred_on >= ? AND s.occurred_on <= ?""";

	/** The knowledge credited by the period's stories, the most stories first. */
	@Transactional(readOnly = true)
	public Page<Credit> credits(OrgAccess access, Period period, Paging paging) {
		Object[] params = { access.orgId().value(), period.from(), period.to() };
		long total = jdbc.sql("SELECT COUNT(*) FROM (SELECT l.record_type, l.record_id " + CREDITS_FROM
				+ " GROUP BY l.record_type, l.record_id) t")
			.params(params)
			.query(Long.class)
			.single();
		record Row(String type, String id, long stories, BigDecimal hours) {
		}
		List<Row> rows = jdbc.sql("SELECT l.record_type, l.record_id, COUNT(*) AS stories, SUM(s.hours_saved) AS hours " + CREDITS_FROM
				+ " GROUP BY l.record_type, l.record_id ORDER BY COUNT(*) DESC, SUM(s.hours_saved) DESC, l.record_type, l.record_id"
				+ " LIMIT ? OFFSET ?")
			.params(access.orgId().value(), period.from(), period.to(), paging.size(), paging.offset())
			.query((rs, n) -> new Row(rs.getString("record_type"), rs.getString("record_id"), rs.getLong("stories"),
					rs.getBigDecimal("hours") == null ? BigDecimal.ZERO : rs.getBigDecimal("hours")))
			.list();
		List<Credit> credits = new ArrayList<>();
		for (Row row : rows) {
			Map<String, BigDecimal> costs = new TreeMap<>();
			jdbc.sql("SELECT s.cost_currency, SUM(s.cost_amount) AS amount " + CREDITS_FROM
					+ " AND l.record_type = ? AND l.record_id = ? AND s.cost_amount IS NOT NULL GROUP BY s.cost_currency")
				.params(access.orgId().value(), period.from(), period.to(), row.type(), row.id())
				.query(rs -> {
					costs.put(rs.getString("cost_currency"), rs.getBigDecimal("amount"));
				});
			Story.Link link = link(access, row.type(), row.id(), "", "");
			credits.add(new Credit(row.type(), row.id(), link.title(), link.path(), link.visible(), row.stories(),
					row.hours(), costs.entrySet().stream().map(e -> new Story.Money(e.getValue(), e.getKey())).toList()));
		}
		return paging.of(credits, total);
	}

	/** The kinds of record a story may credit, for forms. */
	public Set<String> linkTypes() {
		return new LinkedHashSet<>(new java.util.TreeSet<>(records.types()));
	}
}
