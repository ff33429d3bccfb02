package org.tacit.program.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tacit.measurement.KmFigures;
import org.tacit.program.internal.Initiative;
import org.tacit.program.internal.Objective;
import org.tacit.program.internal.Person;
import org.tacit.program.internal.ProgramService;
import org.tacit.program.internal.Risk;

/** The JSON shapes of the program API; field names as docs/api.md gives them. */
final class Views {

	private Views() {
	}

	record PersonView(UUID id, String name) {

		static PersonView of(Person p) {
			return p == null ? null : new PersonView(p.id().value(), p.name());
		}
	}

	record ObjectiveView(UUID id, String title, String description, PersonView owner, Instant createdAt,
			Instant updatedAt) {

		static ObjectiveView of(Objective o) {
			return new ObjectiveView(o.id(), o.title(), o.description(), PersonView.of(o.owner()), o.createdAt(),
					o.updatedAt());
		}
	}

	record MilestoneView(UUID id, String title, LocalDate dueDate, boolean done, Instant doneAt) {

		static MilestoneView of(Initiative.Milestone m) {
			return new MilestoneView(m.id(), m.title(), m.dueDate(), m.done(), m.doneAt());
		}
	}

	record LineView(String category, BigDecimal planned, BigDecimal actual) {
	}

	record BudgetView(String currency, List<LineView> lines, BigDecimal planned, BigDecimal actual, PersonView changedBy,
			Instant changedAt) {

		static BudgetView of(Initiative.Budget b) {
			return b == null ? null : new BudgetView(b.currency(), b.lines().stream()
				.map(l -> new LineView(l.category().name(), l.planned(), l.actual()))
				.toList(), b.planned(), b.actual(), PersonView.of(b.changedBy()), b.changedAt());
		}
	}

	record LinkView(String type, String id, String title, String path, boolean visible) {
	}

	record RiskView(String reason, String detail) {

		static List<RiskView> of(List<Risk> risks) {
			return risks.stream().map(r -> new RiskView(r.reason().name(), r.detail())).toList();
		}
	}

	record ObjectiveRefView(UUID id, String title) {
	}

	record ChangeView(PersonView by, Instant at, String currency, String summary) {
	}

	/**
	 * An initiative; {@code budget} is null when none is set or the caller may not see it ({@code budgetShown}).
	 */
	record InitiativeView(UUID id, String name, String description, PersonView owner, PersonView sponsor, String status,
			ObjectiveRefView objective, LocalDate startDate, LocalDate endDate, List<MilestoneView> milestones,
			List<LinkView> links, List<String> figures, boolean budgetShown, BudgetView budget, List<RiskView> risks,
			Instant createdAt, Instant updatedAt, List<ChangeView> budgetHistory) {

		static InitiativeView of(Initiative i, LocalDate today, List<Initiative.BudgetChange> history) {
			return new InitiativeView(i.id(), i.name(), i.description(), PersonView.of(i.owner()),
					PersonView.of(i.sponsor()), i.status().name(),
					i.objective() == null ? null : new ObjectiveRefView(i.objective().id(), i.objective().title()),
					i.startDate(), i.endDate(), i.milestones().stream().map(MilestoneView::of).toList(),
					i.links().stream().map(l -> new LinkView(l.type(), l.id(), l.title(), l.path(), l.title() != null)).toList(),
					i.figures(), i.budgetShown(), BudgetView.of(i.budget()), RiskView.of(Risk.of(i, today)), i.createdAt(),
					i.updatedAt(), history == null ? null : history.stream()
						.map(c -> new ChangeView(PersonView.of(c.by()), c.at(), c.currency(), c.summary()))
						.toList());
		}
	}

	/** An initiative in a list or the program view: without milestones, links and history. */
	record InitiativeSummary(UUID id, String name, PersonView owner, PersonView sponsor, String status,
			ObjectiveRefView objective, LocalDate startDate, LocalDate endDate, BudgetView budget, List<RiskView> risks) {

		static InitiativeSummary of(Initiative i, LocalDate today) {
			return new InitiativeSummary(i.id(), i.name(), PersonView.of(i.owner()), PersonView.of(i.sponsor()),
					i.status().name(),
					i.objective() == null ? null : new ObjectiveRefView(i.objective().id(), i.objective().title()),
					i.startDate(), i.endDate(), BudgetView.of(i.budget()), RiskView.of(Risk.of(i, today)));
		}
	}

	record StrandView(ObjectiveView objective, List<InitiativeSummary> initiatives) {
	}

	record CategoryTotalView(String category, BigDecimal planned, BigDecimal actual, boolean over) {
	}

	record CurrencyTotalView(String currency, List<CategoryTotalView> categories, BigDecimal planned, BigDecimal actual,
			boolean over, int initiatives) {

		static CurrencyTotalView of(ProgramService.CurrencyTotal t) {
			return new CurrencyTotalView(t.currency(), t.categories().stream()
				.map(c -> new CategoryTotalView(c.category().name(), c.planned(), c.actual(), c.over()))
				.toList(), t.planned(), t.actual(), t.over(), t.initiatives());
		}
	}

	record AtRiskView(UUID id, String name, String status, int severity, List<RiskView> reasons) {
	}

	record FigureView(String name, Double value, String unit, Double target, String direction, Boolean met, String path,
			List<String> initiatives) {

		static FigureView of(ProgramService.LinkedFigure f) {
			KmFigures.FigureValue v = f.figure();
			return new FigureView(v.name(), v.value(), v.unit(), v.target(), v.direction(), v.met(), v.path(),
					f.initiatives());
		}
	}

	/** The program view; {@code budgets} is null for callers who may not see budgets. */
	record ProgramView(List<StrandView> objectives, List<InitiativeSummary> unassigned, List<CurrencyTotalView> budgets,
			List<AtRiskView> atRisk, LocalDate figuresFrom, LocalDate figuresTo, List<FigureView> figures) {

		static ProgramView of(ProgramService.View v) {
			return new ProgramView(v.strands().stream()
				.map(s -> new StrandView(ObjectiveView.of(s.objective()),
						s.initiatives().stream().map(i -> InitiativeSummary.of(i, v.today())).toList()))
				.toList(), v.unassigned().stream().map(i -> InitiativeSummary.of(i, v.today())).toList(),
					v.budgets() == null ? null : v.budgets().stream().map(CurrencyTotalView::of).toList(),
					v.atRisk().stream()
						.map(a -> new AtRiskView(a.initiative().id(), a.initiative().name(), a.initiative().status().name(),
								a.severity(), RiskView.of(a.reasons())))
						.toList(), v.figuresFrom(), v.figuresTo(), v.figures().stream().map(FigureView::of).toList());
		}
	}

	record SharingView(long entries, long reusesByOthers, long kudos) {
	}

	record TrainingView(int open, int completed, int overdue) {
	}

	record AssessmentView(UUID id, String cycle, String status, int openNeeds) {
	}

	record StaffRowView(UUID id, String name, String email, String role, SharingView sharing, String recordPath,
			TrainingView training, AssessmentView assessment) {

		static StaffRowView of(ProgramService.StaffRow r, String slug) {
			return new StaffRowView(r.id().value(), r.name(), r.email(), r.role().name(), new SharingView(
					r.sharing().entries(), r.sharing().reusesByOthers(), r.sharing().kudos()), "/o/" + slug + "/" + r.recordPath(),
					new TrainingView(r.training().open(), r.training().completed(), r.training().overdue()),
					r.assessment().map(a -> new AssessmentView(a.id(), a.cycle(), a.status(), a.openNeeds())).orElse(null));
		}
	}

	record StaffView(PersonView manager, LocalDate from, LocalDate to, org.tacit.shared.Page<StaffRowView> people) {
	}
}
