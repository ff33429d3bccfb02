package org.tacit.program.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.measurement.KmFigures;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/**
 * Initiatives (KM projects): their fields, milestones, linked records and figures, and budgets. Every
 * member reads them (budgets only as {@link ProgramAccess} allows); bad input is refused with 400 on the
 * field before anything is written.
 */
@Service
public class InitiativeService {

	/** How lists may be sorted: the name, the creation, the start or the end; a leading '-' reverses it. */
	static final Map<String, String> SORTS = Map.of("name", "LOWER(name) ASC, id", "-name", "LOWER(name) DESC, id",
			"created", "created_at ASC, id", "-created", "created_at DESC, id", "start",
			"CASE WHEN start_date IS NULL THEN 1 ELSE 0 END, start_date ASC, id", "-start",
			"CASE WHEN start_date IS NULL THEN 1 ELSE 0 END, start_date DESC, id", "end",
			"CASE WHEN end_date IS NULL THEN 1 ELSE 0 END, end_date ASC, id", "-end",
			"CASE WHEN end_date IS NULL THEN 1 ELSE 0 END, end_date DESC, id");

	private final JdbcClient jdbc;
	private final Organizations organizations;
	private final ProgramAccess access;
	private final ObjectiveService objectives;
	private final Records records;
	private final KmFigures figures;
	private final AuditLog audit;
	private final Clock clock;

	InitiativeService(JdbcClient jdbc, Organizations organizations, ProgramAccess access, ObjectiveService objectives,
			Records records, KmFigures figures, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.access = access;
		this.objectives = objectives;
		this.records = records;
		this.figures = figures;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * An initiative as sent. On a change a null field keeps its value; a blank objective, start or end date
	 * removes it. Owner and sponsor by id or email.
	 */
	public record Input(String name, String description, String owner, String sponsor, String status, String objective,
			String startDate, String endDate) {
	}

	public record MilestoneInput(String title, String dueDate, Boolean done) {
	}

	public record RecordInput(String type, String id) {
	}

	/** Linked records and figures: a null list keeps what is linked, an empty one removes every link. */
	public record LinksInput(List<RecordInput> records, List<String> figures) {
	}

	public record LineInput(String category, Object planned, Object actual) {
	}

	public record BudgetInput(String currency, List<LineInput> lines) {
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	// --- the initiative itself

	@Transactional
	public Initiative create(OrgAccess caller, Input input) {
		access.requireManager(caller);
		Input in = input == null ? new Input(null, null, null, null, null, null, null, null) : input;
		String name = Inputs.title(in.name(), "name");
		String description = Inputs.description(in.description(), "description");
		Person owner = access.member(caller, in.owner(), "owner");
		Person sponsor = access.member(caller, in.sponsor(), "sponsor");
		Status status = in.status() == null || in.status().isBlank() ? Status.PROPOSED : Inputs.status(in.status(), "status");
		UUID objective = in.objective() == null || in.objective().isBlank() ? null
				: objectives.require(caller, in.objective(), "objective").id();
		LocalDate start = Inputs.date(in.startDate(), "startDate");
		LocalDate end = Inputs.date(in.endDate(), "endDate");
		checkDates(start, end);
		long count = jdbc.sql("SELECT COUNT(*) FROM program_initiative WHERE org_id = ?")
			.param(caller.orgId().value())
			.query(Long.class)
			.single();
		if (count >= ProgramLimits.INITIATIVES_MAX) {
			throw ProblemException.conflict("name", "program.initiative.tooMany", ProgramLimits.INITIATIVES_MAX);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO program_initiative (id, org_id, name, description, owner_id, sponsor_id, status, objective_id,
				  start_date, end_date, created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.orgId().value(), name, description, owner.id().value(), sponsor.id().value(), status.name(),
					objective, sqlDate(start), sqlDate(end), caller.personId().value(), Sql.utc(now), Sql.utc(now))
			.update();
		audit.record(caller.orgId(), "program.initiative-created", "initiative", id.toString(), name);
		return get(caller, id);
	}

	/** Knowledge managers change every field; the owner only the status (other fields sent must stay as they are). */
	@Transactional
	public Initiative update(OrgAccess caller, UUID id, Input input) {
		Initiative current = stored(caller.orgId(), id);
		access.requireManagerOrOwner(caller, current);
		Input in = input == null ? new Input(null, null, null, null, null, null, null, null) : input;
		String name = in.name() == null ? current.name() : Inputs.title(in.name(), "name");
		String description = in.description() == null ? current.description()
				: Inputs.description(in.description(), "description");
		Person owner = in.owner() == null ? current.owner() : access.member(caller, in.owner(), "owner");
		Person sponsor = in.sponsor() == null ? current.sponsor() : access.member(caller, in.sponsor(), "sponsor");
		Status status = in.status() == null ? current.status() : Inputs.status(in.status(), "status");
		UUID objective = current.objective() == null ? null : current.objective().id();
		if (in.objective() != null) {
			objective = in.objective().isBlank() ? null : objectives.require(caller, in.objective(), "objective").id();
		}
		LocalDate start = in.startDate() == null ? current.startDate() : Inputs.date(in.startDate(), "startDate");
		LocalDate end = in.endDate() == null ? current.endDate() : Inputs.date(in.endDate(), "endDate");
		checkDates(start, end);
		if (!access.manages(caller)) {
			boolean onlyStatus = name.equals(current.name()) && description.equals(current.description())
					&& owner.id().equals(current.owner().id()) && sponsor.id().equals(current.sponsor().id())
					&& Objects.equals(objective, current.objective() == null ? null : current.objective().id())
					&& Objects.equals(start, current.startDate()) && Objects.equals(end, current.endDate());
			if (!onlyStatus) {
				throw ProblemException.forbidden();
			}
		}
		jdbc.sql("""
				UPDATE program_initiative SET name = ?, description = ?, owner_id = ?, sponsor_id = ?, status = ?,
				  objective_id = ?, start_date = ?, end_date = ?, updated_at = ?
				WHERE org_id = ? AND id = ?""")
			.params(name, description, owner.id().value(), sponsor.id().value(), status.name(), objective, sqlDate(start),
					sqlDate(end), Sql.utc(clock.instant()), caller.orgId().value(), id)
			.update();
		audit.record(caller.orgId(), "program.initiative-updated", "initiative", id.toString(),
				name + " (" + status.name() + ")");
		return get(caller, id);
	}

	private static void checkDates(LocalDate start, LocalDate end) {
		if (start != null && end != null && end.isBefore(start)) {
			throw ProblemException.invalid("endDate", "program.date.order");
		}
	}

	@Transactional(readOnly = true)
	public Initiative get(OrgAccess caller, UUID id) {
		return shown(caller, stored(caller.orgId(), id));
	}

	/** The initiative with everything it holds, as stored (budget included), or 404. */
	Initiative stored(OrgId org, UUID id) {
		List<Initiative> found = load(org, "AND id = ?", List.of(id), "id", 1, 0);
		if (found.isEmpty()) {
			throw ProblemException.notFound();
		}
		return found.get(0);
	}

	/** What the caller sees of an initiative: links to records they may not see without a title, budget if allowed. */
	private Initiative shown(OrgAccess caller, Initiative initiative) {
		List<Initiative.Link> links = initiative.links().stream().map(l -> records
			.find(caller.orgId().value(), l.type(), l.id(), caller.personId() == null ? null : caller.personId().value())
			.map(ref -> new Initiative.Link(l.type(), l.id(), ref.title(), ref.path()))
			.orElse(new Initiative.Link(l.type(), l.id(), null, null))).toList();
		Initiative withLinks = new Initiative(initiative.id(), initiative.name(), initiative.description(),
				initiative.owner(), initiative.sponsor(), initiative.status(), initiative.objective(), initiative.startDate(),
				initiative.endDate(), initiative.milestones(), links, initiative.figures(), initiative.budget(), true,
				initiative.createdAt(), initiative.updatedAt());
		return access.seesBudget(caller, initiative) ? withLinks : withLinks.withoutBudget();
	}

	/** A page of initiatives, optionally of one status, sorted as {@link #SORTS} allows (default by name). */
	@Transactional(readOnly = true)
	public Page<Initiative> list(OrgAccess caller, String status, String sort, Paging paging) {
		String order = sort == null || sort.isBlank() ? SORTS.get("name") : SORTS.get(sort.strip());
		if (order == null) {
			throw ProblemException.invalid("sort", "program.sort.unknown", String.join(", ",
					new java.util.TreeSet<>(SORTS.keySet())));
		}
		String condition = "";
		List<Object> params = new ArrayList<>();
		if (status != null && !status.isBlank()) {
			condition = "AND status = ?";
			params.add(Inputs.status(status, "status").name());
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM program_initiative WHERE org_id = ? " + condition)
			.param(caller.orgId().value())
			.params(params)
			.query(Long.class)
			.single();
		List<Initiative> page = load(caller.orgId(), condition, params, order, paging.size(), paging.offset());
		return paging.of(page.stream().map(i -> shown(caller, i)).toList(), total);
	}

	/** Every initiative of the organization as the caller sees it (at most {@link ProgramLimits#INITIATIVES_MAX}). */
	@Transactional(readOnly = true)
	public List<Initiative> all(OrgAccess caller) {
		return load(caller.orgId(), "", List.of(), SORTS.get("name"), ProgramLimits.INITIATIVES_MAX, 0).stream()
			.map(i -> shown(caller, i))
			.toList();
	}

	// --- milestones

	@Transactional
	public Initiative addMilestone(OrgAccess caller, UUID id, MilestoneInput input) {
		Initiative current = stored(caller.orgId(), id);
		access.requireManagerOrOwner(caller, current);
		MilestoneInput in = input == null ? new MilestoneInput(null, null, null) : input;
		String title = Inputs.title(in.title(), "title");
		LocalDate due = Inputs.date(in.dueDate(), "dueDate");
		if (current.milestones().size() >= ProgramLimits.MILESTONES_MAX) {
			throw ProblemException.invalid("title", "program.milestone.tooMany", ProgramLimits.MILESTONES_MAX);
		}
		Instant now = clock.instant();
		UUID milestone = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO program_milestone (id, org_id, initiative_id, title, due_date, done_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(milestone, caller.orgId().value(), id, title, sqlDate(due),
					Boolean.TRUE.equals(in.done()) ? Sql.utc(now) : null, Sql.utc(now))
			.update();
		touch(caller, id);
		audit.record(caller.orgId(), "program.milestone-added", "initiative", id.toString(), title);
		return get(caller, id);
	}

	@Transactional
	public Initiative updateMilestone(OrgAccess caller, UUID id, UUID milestoneId, MilestoneInput input) {
		Initiative current = stored(caller.orgId(), id);
		access.requireManagerOrOwner(caller, current);
		Initiative.Milestone milestone = current.milestones().stream()
			.filter(m -> m.id().equals(milestoneId))
			.findFirst()
			.orElseThrow(ProblemException::notFound);
		MilestoneInput in = input == null ? new MilestoneInput(null, null, null) : input;
		String title = in.title() == null ? milestone.title() : Inputs.title(in.title(), "title");
		LocalDate due = in.dueDate() == null ? milestone.dueDate() : Inputs.date(in.dueDate(), "dueDate");
		Instant doneAt = milestone.doneAt();
		if (in.done() != null) {
			doneAt = in.done() ? (doneAt == null ? clock.instant() : doneAt) : null;
		}
		jdbc.sql("UPDATE program_milestone SET title = ?, due_date = ?, done_at = ? WHERE org_id = ? AND id = ?")
			.params(title, sqlDate(due), Sql.utc(doneAt), caller.orgId().value(), milestoneId)
			.update();
		touch(caller, id);
		audit.record(caller.orgId(), "program.milestone-updated", "initiative", id.toString(),
				title + (doneAt == null ? "" : " (done)"));
		return get(caller, id);
	}

	private void touch(OrgAccess caller, UUID id) {
		jdbc.sql("UPDATE program_initiative SET updated_at = ? WHERE org_id = ? AND id = ?")
			.params(Sql.utc(clock.instant()), caller.orgId().value(), id)
			.update();
	}

	// --- links

	@Transactional
	public Initiative setLinks(OrgAccess caller, UUID id, LinksInput input) {
		stored(caller.orgId(), id);
		access.requireManager(caller);
		LinksInput in = input == null ? new LinksInput(null, null) : input;
		List<RecordRef> refs = null;
		if (in.records() != null) {
			if (in.records().size() > ProgramLimits.LINKS_MAX) {
				throw ProblemException.invalid("records", "program.links.tooMany", ProgramLimits.LINKS_MAX);
			}
			refs = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < in.records().size(); i++) {
				RecordInput r = in.records().get(i);
				String field = "records[" + i + "]";
				if (r == null || r.id() == null || r.id().isBlank()) {
					throw ProblemException.invalid(field + ".id", "problem.field.required");
				}
				RecordRef ref = records.require(caller.orgId().value(), r.type() == null ? null : r.type().strip(),
						r.id().strip(), caller.personId() == null ? null : caller.personId().value(), field + ".id");
				if (seen.add(ref.type() + "/" + ref.id())) {
					refs.add(ref);
				}
			}
		}
		List<String> names = null;
		if (in.figures() != null) {
			if (in.figures().size() > ProgramLimits.FIGURES_MAX) {
				throw ProblemException.invalid("figures", "program.figures.tooMany", ProgramLimits.FIGURES_MAX);
			}
			Set<String> known = new HashSet<>(figures.names());
			LinkedHashSet<String> chosen = new LinkedHashSet<>();
			for (int i = 0; i < in.figures().size(); i++) {
				String name = in.figures().get(i) == null ? "" : in.figures().get(i).strip().toLowerCase(Locale.ROOT);
				if (!known.contains(name)) {
					throw ProblemException.invalid("figures[" + i + "]", "program.figures.unknown");
				}
				chosen.add(name);
			}
			names = List.copyOf(chosen);
		}
		UUID org = caller.orgId().value();
		if (refs != null) {
			jdbc.sql("DELETE FROM program_link WHERE org_id = ? AND initiative_id = ?").params(org, id).update();
			for (int i = 0; i < refs.size(); i++) {
				jdbc.sql("""
						INSERT INTO program_link (org_id, initiative_id, position, record_type, record_id)
						VALUES (?, ?, ?, ?, ?)""")
					.params(org, id, i, refs.get(i).type(), refs.get(i).id())
					.update();
			}
		}
		if (names != null) {
			jdbc.sql("DELETE FROM program_figure WHERE org_id = ? AND initiative_id = ?").params(org, id).update();
			for (int i = 0; i < names.size(); i++) {
				jdbc.sql("INSERT INTO program_figure (org_id, initiative_id, position, metric) VALUES (?, ?, ?, ?)")
					.params(org, id, i, names.get(i))
					.update();
			}
		}
		touch(caller, id);
		audit.record(caller.orgId(), "program.links-changed", "initiative", id.toString(),
				(refs == null ? "records kept" : refs.size() + " records") + ", "
						+ (names == null ? "figures kept" : names.size() + " figures"));
		return get(caller, id);
	}

	// --- the budget

	/**
	 * Replaces the budget. Knowledge managers and administrators change everything; the owner only the actual
	 * amounts (the currency and the planned amounts sent must stay as they are, or 403).
	 */
	@Transactional
	public Initiative setBudget(OrgAccess caller, UUID id, BudgetInput input) {
		Initiative current = stored(caller.orgId(), id);
		access.requireManagerOrOwner(caller, current);
		BudgetInput in = input == null ? new BudgetInput(null, null) : input;
		String currency = currency(in.currency());
		List<LineInput> sent = in.lines() == null ? List.of() : in.lines();
		if (sent.size() > Category.values().length) {
			throw ProblemException.invalid("lines", "program.budget.lines.tooMany", Category.values().length);
		}
		Map<Category, Initiative.Line> lines = new EnumMap<>(Category.class);
		for (int i = 0; i < sent.size(); i++) {
			LineInput line = sent.get(i);
			String field = "lines[" + i + "]";
			if (line == null) {
				throw ProblemException.invalid(field, "problem.field.required");
			}
			Category category = Inputs.category(line.category(), field + ".category");
			if (lines.containsKey(category)) {
				throw ProblemException.invalid(field + ".category", "program.budget.category.duplicate");
			}
			lines.put(category, new Initiative.Line(category, Inputs.amount(line.planned(), field + ".planned"),
					Inputs.amount(line.actual(), field + ".actual")));
		}
		if (!access.manages(caller)) {
			Initiative.Budget before = current.budget();
			boolean sameCurrency = before != null && before.currency().equals(currency);
			boolean samePlanned = true;
			for (Category category : Category.values()) {
				Initiative.Line was = before == null ? null : before.line(category);
				Initiative.Line now = lines.get(category);
				BigDecimal planned = was == null ? BigDecimal.ZERO : was.planned();
				BigDecimal nowPlanned = now == null ? BigDecimal.ZERO : now.planned();
				samePlanned &= planned.compareTo(nowPlanned) == 0;
			}
			if (!sameCurrency || !samePlanned) {
				throw ProblemException.forbidden();
			}
		}
		UUID org = caller.orgId().value();
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM program_budget_line WHERE org_id = ? AND initiative_id = ?").params(org, id).update();
		for (Initiative.Line line : lines.values()) {
			jdbc.sql("""
					INSERT INTO program_budget_line (org_id, initiative_id, category, planned, actual)
					VALUES (?, ?, ?, ?, ?)""")
				.params(org, id, line.category().name(), line.planned(), line.actual())
				.update();
		}
		jdbc.sql("""
				UPDATE program_initiative SET budget_currency = ?, budget_changed_by = ?, budget_changed_at = ?, updated_at = ?
				WHERE org_id = ? AND id = ?""")
			.params(currency, caller.personId() == null ? null : caller.personId().value(), Sql.utc(now), Sql.utc(now), org,
					id)
			.update();
		String summary = lines.values().stream()
			.map(l -> l.category().name() + " " + l.planned().toPlainString() + "/" + l.actual().toPlainString())
			.collect(Collectors.joining(", "));
		summary = summary.length() > 1000 ? summary.substring(0, 1000) : summary;
		if (caller.personId() != null) {
			jdbc.sql("""
					INSERT INTO program_budget_change (org_id, initiative_id, changed_by, changed_at, currency, summary)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(org, id, caller.personId().value(), Sql.utc(now), currency, summary)
				.update();
		}
		audit.record(caller.orgId(), "program.budget-set", "initiative", id.toString(), currency + " " + summary);
		return get(caller, id);
	}

	/** An ISO 4217 code the platform knows; 400 on {@code currency} otherwise. */
	static String currency(String code) {
		if (code == null || code.isBlank()) {
			throw ProblemException.invalid("currency", "problem.field.required");
		}
		String upper = code.strip().toUpperCase(Locale.ROOT);
		if (!upper.matches("[A-Z]{3}")) {
			throw ProblemException.invalid("currency", "program.budget.currency.unknown");
		}
		try {
			return Currency.getInstance(upper).getCurrencyCode();
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("currency", "program.budget.currency.unknown");
		}
	}

	/** The latest budget changes, newest first, for those who see the budget (empty for others). */
	@Transactional(readOnly = true)
	public List<Initiative.BudgetChange> history(OrgAccess caller, UUID id) {
		Initiative initiative = stored(caller.orgId(), id);
		if (!access.seesBudget(caller, initiative)) {
			return List.of();
		}
		record Row(UUID by, Instant at, String currency, String summary) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT changed_by, changed_at, currency, summary FROM program_budget_change
				WHERE org_id = ? AND initiative_id = ? ORDER BY changed_at DESC, id DESC LIMIT ?""")
			.params(caller.orgId().value(), id, ProgramLimits.HISTORY_SHOWN)
			.query((rs, n) -> new Row(Sql.uuid(rs, "changed_by"), Sql.instant(rs, "changed_at"), rs.getString("currency"),
					rs.getString("summary")))
			.list();
		Map<PersonId, String> names = organizations.names(rows.stream().map(r -> new PersonId(r.by())).toList());
		return rows.stream()
			.map(r -> new Initiative.BudgetChange(new Person(new PersonId(r.by()), names.get(new PersonId(r.by()))), r.at(),
					r.currency(), r.summary()))
			.toList();
	}

	// --- reading

	private record Row(UUID id, String name, String description, UUID owner, UUID sponsor, Status status, UUID objective,
			LocalDate start, LocalDate end, String currency, UUID changedBy, Instant changedAt, Instant created,
			Instant updated) {
	}

	/** Initiatives with their parts, in a handful of queries whatever their number. */
	private List<Initiative> load(OrgId org, String condition, List<?> params, String order, int limit, long offset) {
		List<Row> rows = jdbc.sql("SELECT * FROM program_initiative WHERE org_id = ? " + condition + " ORDER BY " + order
				+ " LIMIT ? OFFSET ?")
			.param(org.value())
			.params(params)
			.param(limit)
			.param(offset)
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("description"),
					Sql.uuid(rs, "owner_id"), Sql.uuid(rs, "sponsor_id"), Status.valueOf(rs.getString("status")),
					Sql.uuid(rs, "objective_id"), localDate(rs.getDate("start_date")), localDate(rs.getDate("end_date")),
					rs.getString("budget_currency"), Sql.uuid(rs, "budget_changed_by"), Sql.instant(rs, "budget_changed_at"),
					Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at")))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = rows.stream().map(Row::id).toList();
		String in = ids.stream().map(x -> "?").collect(Collectors.joining(", ", "(", ")"));
		Map<UUID, List<Initiative.Milestone>> milestones = new HashMap<>();
		jdbc.sql("SELECT * FROM program_milestone WHERE org_id = ? AND initiative_id IN " + in
				+ " ORDER BY CASE WHEN due_date IS NULL THEN 1 ELSE 0 END, due_date, created_at, id")
			.param(org.value())
			.params(ids)
			.query(rs -> {
				milestones.computeIfAbsent(Sql.uuid(rs, "initiative_id"), k -> new ArrayList<>())
					.add(new Initiative.Milestone(Sql.uuid(rs, "id"), rs.getString("title"), localDate(rs.getDate("due_date")),
							Sql.instant(rs, "done_at")));
			});
		Map<UUID, List<Initiative.Line>> lines = new HashMap<>();
		jdbc.sql("SELECT * FROM program_budget_line WHERE org_id = ? AND initiative_id IN " + in)
			.param(org.value())
			.params(ids)
			.query(rs -> {
				lines.computeIfAbsent(Sql.uuid(rs, "initiative_id"), k -> new ArrayList<>())
					.add(new Initiative.Line(Category.valueOf(rs.getString("category")),
							rs.getBigDecimal("planned").setScale(2), rs.getBigDecimal("actual").setScale(2)));
			});
		Map<UUID, List<Initiative.Link>> links = new HashMap<>();
		jdbc.sql("SELECT * FROM program_link WHERE org_id = ? AND initiative_id IN " + in + " ORDER BY position")
			.param(org.value())
			.params(ids)
			.query(rs -> {
				links.computeIfAbsent(Sql.uuid(rs, "initiative_id"), k -> new ArrayList<>())
					.add(new Initiative.Link(rs.getString("record_type"), rs.getString("record_id"), null, null));
			});
		Map<UUID, List<String>> metrics = new HashMap<>();
		jdbc.sql("SELECT * FROM program_figure WHERE org_id = ? AND initiative_id IN " + in + " ORDER BY position")
			.param(org.value())
			.params(ids)
			.query(rs -> {
				metrics.computeIfAbsent(Sql.uuid(rs, "initiative_id"), k -> new ArrayList<>()).add(rs.getString("metric"));
			});
		Set<UUID> objectiveIds = rows.stream().map(Row::objective).filter(Objects::nonNull).collect(Collectors.toSet());
		Map<UUID, String> objectiveTitles = new HashMap<>();
		if (!objectiveIds.isEmpty()) {
			objectives.all(org).stream()
				.filter(o -> objectiveIds.contains(o.id()))
				.forEach(o -> objectiveTitles.put(o.id(), o.title()));
		}
		Set<PersonId> people = new HashSet<>();
		rows.forEach(r -> {
			people.add(new PersonId(r.owner()));
			people.add(new PersonId(r.sponsor()));
			if (r.changedBy() != null) {
				people.add(new PersonId(r.changedBy()));
			}
		});
		Map<PersonId, String> names = organizations.names(people);
		List<Initiative> result = new ArrayList<>();
		for (Row r : rows) {
			Initiative.Budget budget = null;
			if (r.currency() != null) {
				List<Initiative.Line> budgetLines = new ArrayList<>(lines.getOrDefault(r.id(), List.of()));
				budgetLines.sort(java.util.Comparator.comparing(Initiative.Line::category));
				budget = new Initiative.Budget(r.currency(), List.copyOf(budgetLines),
						r.changedBy() == null ? null : person(r.changedBy(), names), r.changedAt());
			}
			result.add(new Initiative(r.id(), r.name(), r.description(), person(r.owner(), names),
					person(r.sponsor(), names), r.status(),
					r.objective() == null ? null : new Initiative.ObjectiveRef(r.objective(), objectiveTitles.get(r.objective())),
					r.start(), r.end(), List.copyOf(milestones.getOrDefault(r.id(), List.of())),
					List.copyOf(links.getOrDefault(r.id(), List.of())), List.copyOf(metrics.getOrDefault(r.id(), List.of())),
					budget, true, r.created(), r.updated()));
		}
		return result;
	}

	private static Person person(UUID id, Map<PersonId, String> names) {
		PersonId person = new PersonId(id);
		return new Person(person, names.get(person));
	}

	private static LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static Date sqlDate(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}
}
