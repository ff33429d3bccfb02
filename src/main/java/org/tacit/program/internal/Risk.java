package org.tacit.program.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Why an initiative that is not closed is at risk, with what the reason is about (a category, a
 * milestone's title, a date). Reasons weigh: an end date passed 4, actual above planned 3, a milestone
 * overdue 2 (each), on hold 1; the heaviest initiatives come first.
 */
public record Risk(Reason reason, String detail) {

	public enum Reason {
		END_DATE_PASSED(4), OVER_BUDGET(3), MILESTONE_OVERDUE(2), ON_HOLD(1);

		private final int weight;

		Reason(int weight) {
			this.weight = weight;
		}

		public int weight() {
			return weight;
		}
	}

	/** An initiative at risk, with its reasons (heaviest first) and their weight in all. */
	public record AtRisk(Initiative initiative, List<Risk> reasons, int severity) {
	}

	/**
	 * The reasons an initiative is at risk on {@code today}; none when it is closed. Budget reasons only from
	 * the budget the initiative carries (absent when the viewer may not see it).
	 */
	public static List<Risk> of(Initiative initiative, LocalDate today) {
		List<Risk> reasons = new ArrayList<>();
		if (initiative.status().closed()) {
			return reasons;
		}
		if (initiative.endDate() != null && initiative.endDate().isBefore(today)) {
			reasons.add(new Risk(Reason.END_DATE_PASSED, initiative.endDate().toString()));
		}
		if (initiative.budget() != null) {
			Initiative.Budget budget = initiative.budget();
			budget.lines().stream().filter(Initiative.Line::over).forEach(line -> reasons.add(new Risk(Reason.OVER_BUDGET,
					line.category().name())));
		}
		initiative.milestones().stream().filter(m -> m.overdue(today)).forEach(m -> reasons.add(
				new Risk(Reason.MILESTONE_OVERDUE, m.title())));
		if (initiative.status() == Status.ON_HOLD) {
			reasons.add(new Risk(Reason.ON_HOLD, ""));
		}
		return reasons;
	}

	/** The initiatives at risk, worst first (then by name). */
	public static List<AtRisk> rank(List<Initiative> initiatives, LocalDate today) {
		return initiatives.stream().map(i -> {
			List<Risk> reasons = of(i, today);
			return new AtRisk(i, reasons, reasons.stream().mapToInt(r -> r.reason().weight()).sum());
		})
			.filter(a -> a.severity() > 0)
			.sorted(Comparator.comparingInt(AtRisk::severity).reversed()
				.thenComparing(a -> a.initiative().name(), String.CASE_INSENSITIVE_ORDER)
				.thenComparing(a -> a.initiative().id()))
			.toList();
	}
}
