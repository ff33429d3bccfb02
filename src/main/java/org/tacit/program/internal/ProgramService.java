package org.tacit.program.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.measurement.KmFigures;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.competencies.Competencies;
import org.tacit.recognition.Recognition;
import org.tacit.training.Training;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/**
 * The program view (objectives with their initiatives, budget against actual per currency, initiatives
 * at risk, linked figures against their targets) and the staff view of a manager's team.
 */
@Service
public class ProgramService {

	private final ObjectiveService objectives;
	private final InitiativeService initiatives;
	private final ProgramAccess access;
	private final KmFigures figures;
	private final Recognition recognition;
	private final Training training;
	private final Competencies competencies;
	private final Organizations organizations;

	ProgramService(ObjectiveService objectives, InitiativeService initiatives, ProgramAccess access, KmFigures figures,
			Recognition recognition, Organizations organizations, Training training, Competencies competencies) {
		this.training = training;
		this.competencies = competencies;
		this.objectives = objectives;
		this.initiatives = initiatives;
		this.access = access;
		this.figures = figures;
		this.recognition = recognition;
		this.organizations = organizations;
	}

	/** An objective with the initiatives that serve it. */
	public record Strand(Objective objective, List<Initiative> initiatives) {
	}

	/** Planned against actual of one category in one currency. */
	public record CategoryTotal(Category category, BigDecimal planned, BigDecimal actual) {

		public boolean over() {
			return actual.compareTo(planned) > 0;
		}
	}

	/** The budgets in one currency, added up: never across currencies. */
	public record CurrencyTotal(String currency, List<CategoryTotal> categories, BigDecimal planned, BigDecimal actual,
			int initiatives) {

		public boolean over() {
			return actual.compareTo(planned) > 0;
		}
	}

	/** A linked figure for the period, and the initiatives that link it. */
	public record LinkedFigure(KmFigures.FigureValue figure, List<String> initiatives) {
	}

	/**
	 * @param strands every objective with its initiatives
	 * @param unassigned initiatives without an objective
	 * @param budgets totals per currency; null when the viewer may not see budgets
	 * @param atRisk initiatives at risk, worst first (budget reasons only where the viewer sees the budget)
	 * @param figures the figures the initiatives link, from {@code figuresFrom} to {@code figuresTo}
	 */
	public record View(List<Strand> strands, List<Initiative> unassigned, List<CurrencyTotal> budgets,
			List<Risk.AtRisk> atRisk, List<LinkedFigure> figures, LocalDate figuresFrom, LocalDate figuresTo,
			LocalDate today) {
	}

	@Transactional(readOnly = true)
	public View view(OrgAccess caller) {
		List<Initiative> all = initiatives.all(caller);
		LocalDate today = initiatives.today();
		List<Strand> strands = new ArrayList<>();
		for (Objective objective : objectives.all(caller.orgId())) {
			strands.add(new Strand(objective, all.stream()
				.filter(i -> i.objective() != null && i.objective().id().equals(objective.id()))
				.toList()));
		}
		List<Initiative> unassigned = all.stream().filter(i -> i.objective() == null).toList();
		List<CurrencyTotal> budgets = access.manages(caller) ? totals(all) : null;
		List<Risk.AtRisk> atRisk = Risk.rank(all, today);
		LocalDate from = today.minusDays(ProgramLimits.FIGURE_DAYS - 1L);
		return new View(strands, unassigned, budgets, atRisk, linkedFigures(caller, all, from, today), from, today, today);
	}

	/** Totals per currency (by code) and category, of the budgets the list carries. */
	public static List<CurrencyTotal> totals(List<Initiative> list) {
		Map<String, Map<Category, BigDecimal[]>> byCurrency = new TreeMap<>();
		Map<String, Integer> counts = new TreeMap<>();
		for (Initiative initiative : list) {
			Initiative.Budget budget = initiative.budget();
			if (budget == null) {
				continue;
			}
			counts.merge(budget.currency(), 1, Integer::sum);
			Map<Category, BigDecimal[]> sums = byCurrency.computeIfAbsent(budget.currency(), k -> new EnumMap<>(Category.class));
			for (Initiative.Line line : budget.lines()) {
				BigDecimal[] sum = sums.computeIfAbsent(line.category(),
						k -> new BigDecimal[] { BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2) });
				sum[0] = sum[0].add(line.planned());
				sum[1] = sum[1].add(line.actual());
			}
		}
		List<CurrencyTotal> totals = new ArrayList<>();
		byCurrency.forEach((currency, sums) -> {
			List<CategoryTotal> categories = new ArrayList<>();
			BigDecimal planned = BigDecimal.ZERO.setScale(2);
			BigDecimal actual = BigDecimal.ZERO.setScale(2);
			for (Category category : Category.values()) {
				BigDecimal[] sum = sums.get(category);
				if (sum != null) {
					categories.add(new CategoryTotal(category, sum[0], sum[1]));
					planned = planned.add(sum[0]);
					actual = actual.add(sum[1]);
				}
			}
			totals.add(new CurrencyTotal(currency, List.copyOf(categories), planned, actual, counts.get(currency)));
		});
		return List.copyOf(totals);
	}

	/** Each figure an initiative links, once, in the order of the catalogue. */
	public List<LinkedFigure> linkedFigures(OrgAccess caller, List<Initiative> list, LocalDate from, LocalDate to) {
		Map<String, List<String>> byName = new LinkedHashMap<>();
		for (String name : figures.names()) {
			for (Initiative initiative : list) {
				if (initiative.figures().contains(name)) {
					byName.computeIfAbsent(name, k -> new ArrayList<>()).add(initiative.name());
				}
			}
		}
		Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<LinkedFigure> linked = new ArrayList<>();
		byName.forEach((name, names) -> figures.figure(caller.orgId(), name, start, end)
			.ifPresent(f -> linked.add(new LinkedFigure(f, List.copyOf(new LinkedHashSet<>(names))))));
		return linked;
	}

	/** The linked figures of one initiative for the program's period. */
	@Transactional(readOnly = true)
	public List<LinkedFigure> figuresOf(OrgAccess caller, Initiative initiative) {
		LocalDate today = initiatives.today();
		return linkedFigures(caller, List.of(initiative), today.minusDays(ProgramLimits.FIGURE_DAYS - 1L), today);
	}

	// --- the staff view

	/**
	 * One person of the team, a row of the staff view: the person, their sharing record this year and the
	 * address of their record page. (Other modules' columns are added here as fields.)
	 */
	/**
	 * One member of a knowledge manager's team: their sharing this year, their training (open, completed,
	 * overdue) and their latest competency assessment (empty when they have none).
	 */
	public record StaffRow(PersonId id, String name, String email, Role role, Recognition.Contribution sharing,
			String recordPath, Training.Status training, java.util.Optional<Competencies.AssessmentSummary> assessment) {
	}

	public record Staff(Person manager, LocalDate from, LocalDate to, Page<StaffRow> people) {
	}

	/**
	 * The team of a manager (the viewer when {@code manager} is blank): knowledge managers and administrators
	 * only. The sharing record covers the current year up to today.
	 */
	@Transactional(readOnly = true)
	public Staff staff(OrgAccess caller, String manager, Paging paging) {
		access.requireManager(caller);
		Person lead;
		if (manager == null || manager.isBlank() || "me".equals(manager.strip())) {
			if (caller.personId() == null) {
				throw ProblemException.invalid("manager", "problem.field.required");
			}
			lead = new Person(caller.personId(), organizations.names(List.of(caller.personId())).get(caller.personId()));
		}
		else {
			lead = organizations.findMember(caller.orgId(), manager.strip())
				.map(m -> new Person(m.id(), m.name()))
				.orElseThrow(() -> ProblemException.invalid("manager", "program.member.unknown"));
		}
		LocalDate today = initiatives.today();
		LocalDate from = today.withDayOfYear(1);
		Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<PersonId> team = organizations.reportsOf(caller.orgId(), lead.id());
		Page<PersonId> page = paging.slice(team);
		List<StaffRow> rows = page.items().stream()
			.map(p -> organizations.findMember(caller.orgId(), p.toString()).orElse(null))
			.filter(Objects::nonNull)
			.map(m -> new StaffRow(m.id(), m.name(), m.email(), m.role(),
					recognition.contribution(caller.orgId(), m.id(), start, end), "people/" + m.id() + "/record",
					training.statusOf(caller.orgId(), m.id()), competencies.latestAssessment(caller.orgId(), m.id())))
			.toList();
		return new Staff(lead, from, today, paging.of(rows, page.totalItems()));
	}

}
