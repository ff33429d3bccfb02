package org.tacit.program.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A KM project.
 *
 * @param objective the objective it serves, or null
 * @param links records of other modules it is about (a title of null: the viewer may not see the record)
 * @param figures names of measurement figures it wants to move
 * @param budget null when no budget is set or the viewer may not see it ({@code budgetShown})
 * @param budgetShown whether the viewer may see the budget (knowledge managers, administrators, the owner, the sponsor)
 */
public record Initiative(UUID id, String name, String description, Person owner, Person sponsor, Status status,
		ObjectiveRef objective, LocalDate startDate, LocalDate endDate, List<Milestone> milestones, List<Link> links,
		List<String> figures, Budget budget, boolean budgetShown, Instant createdAt, Instant updatedAt) {

	public record ObjectiveRef(UUID id, String title) {
	}

	public record Milestone(UUID id, String title, LocalDate dueDate, Instant doneAt) {

		public boolean done() {
			return doneAt != null;
		}

		public boolean overdue(LocalDate today) {
			return doneAt == null && dueDate != null && dueDate.isBefore(today);
		}
	}

	public record Link(String type, String id, String title, String path) {
	}

	/** A budget in one currency, one line per category. */
	public record Budget(String currency, List<Line> lines, Person changedBy, Instant changedAt) {

		public BigDecimal planned() {
			return lines.stream().map(Line::planned).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		}

		public BigDecimal actual() {
			return lines.stream().map(Line::actual).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		}

		public Line line(Category category) {
			return lines.stream().filter(l -> l.category() == category).findFirst().orElse(null);
		}
	}

	public record Line(Category category, BigDecimal planned, BigDecimal actual) {

		public boolean over() {
			return actual.compareTo(planned) > 0;
		}
	}

	/** A change of the budget: who, when, and what it became. */
	public record BudgetChange(Person by, Instant at, String currency, String summary) {
	}

	public boolean ownedOrSponsoredBy(org.tacit.organizations.PersonId person) {
		return owner.id().equals(person) || sponsor.id().equals(person);
	}

	Initiative withoutBudget() {
		return new Initiative(id, name, description, owner, sponsor, status, objective, startDate, endDate, milestones,
				links, figures, null, false, createdAt, updatedAt);
	}
}
