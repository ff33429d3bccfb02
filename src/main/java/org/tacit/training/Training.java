package org.tacit.training;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** The training catalog as other modules use it: a person's training status, figures, completed courses. */
public interface Training {

	/**
	 * A person's assignments now.
	 *
	 * @param open not completed yet (overdue ones included)
	 * @param completed completed (self-reported or confirmed)
	 * @param overdue not completed and the due date has passed
	 */
	record Status(int open, int completed, int overdue) {
	}

	Status statusOf(OrgId org, PersonId person);

	/**
	 * The organization's training in a period ({@code from} inclusive, {@code to} exclusive).
	 *
	 * @param due assignments whose due date (its start, UTC) is in the period
	 * @param completed assignments completed in the period
	 * @param completedOnTime of those completed in the period, the ones completed on or before their due date
	 * @param overdue of those due in the period, the ones whose due date has passed without a completion by then
	 */
	record Figures(long due, long completed, long completedOnTime, long overdue) {
	}

	Figures figures(OrgId org, Instant from, Instant to);

	/** A course a person completed, with the competency codes it develops. */
	record CompletedCourse(UUID courseId, String title, List<String> competencies, Instant at) {
	}

	/** The courses a person completed in the period, oldest first. */
	List<CompletedCourse> completedBy(OrgId org, PersonId person, Instant from, Instant to);

	/** Every completion of the organization, as its {@link TrainingCompleted} event said (to derive credits again). */
	List<TrainingCompleted> completions(OrgId org);
}
