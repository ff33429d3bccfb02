package org.tacit.retention.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tacit.organizations.PersonId;
import org.tacit.retention.PlanId;
import org.tacit.retention.RiskId;
import org.tacit.retention.TaskId;

/**
 * A knowledge transfer plan for a risk entry: who receives the knowledge, how it is transferred, the
 * tasks that do it and what they captured.
 *
 * @param subject whose (or which position's) knowledge it is about
 * @param areas the critical knowledge areas of the entry: what the plan must transfer
 * @param dueDate when the transfer should be done (usually before the departure), or null
 * @param behindSchedule in progress with the plan or an open task past its due date
 */
public record Plan(PlanId id, RiskId risk, PersonId person, String subject, List<Risk.KnowledgeArea> areas,
		Status status, List<Method> methods, List<Named> successors, LocalDate dueDate, String notes, List<Task> tasks,
		List<Output> outputs, boolean behindSchedule, PersonId createdBy, Instant createdAt, Instant updatedAt) {

	public enum Status {
		ACTIVE, COMPLETED, CANCELLED;

		/** Whether a plan in this status covers its risk (for coverage): in progress or done. */
		public boolean covers() {
			return this != CANCELLED;
		}
	}

	/** How knowledge is transferred. */
	public enum Method {
		/** A structured interview of the person, its notes captured. */
		INTERVIEW,
		MENTORING, SHADOWING, DOCUMENTATION,
		/** A recorded walkthrough of the work. */
		WALKTHROUGH,
		/** The handover of the items and roles the person holds. */
		HANDOVER
	}

	/** A person as a plan shows them. */
	public record Named(PersonId id, String name) {
	}

	/** A task of the plan; {@code doneAt} is null while it is open. */
	public record Task(TaskId id, String title, Method method, PersonId owner, String ownerName, LocalDate dueDate,
			Instant doneAt, PersonId doneBy) {

		public boolean done() {
			return doneAt != null;
		}

		public boolean overdue(LocalDate today) {
			return doneAt == null && dueDate.isBefore(today);
		}
	}

	/** Something the plan captured: a library item or a lesson, by record type and id. */
	public record Output(UUID id, String type, String recordId, String title, String path, PersonId addedBy,
			Instant addedAt) {
	}

	public long openTasks() {
		return tasks.stream().filter(t -> !t.done()).count();
	}
}
