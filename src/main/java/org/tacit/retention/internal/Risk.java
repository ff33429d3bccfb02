package org.tacit.retention.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tacit.organizations.PersonId;
import org.tacit.retention.RiskBand;
import org.tacit.retention.RiskId;

/**
 * An entry of the knowledge-loss risk register: whose (or which position's) critical knowledge may be
 * lost, when they are expected to leave, and the risk that follows.
 *
 * @param person the person who holds the knowledge, or null for a position
 * @param position the position, or empty
 * @param attritionGiven the assessor's attrition risk when there is no departure date, else null
 * @param attritionRisk 1 to 5, computed from the date (or the given value), refreshed as time passes
 * @param positionRisk 1 to 5, set by the manager from criticality, uniqueness and the documentation gap
 * @param plan the plan in progress or completed, or null
 */
public record Risk(RiskId id, PersonId person, String personName, String position, List<KnowledgeArea> areas,
		Departure departure, Integer attritionGiven, Integer criticality, Integer uniqueness, Integer documentationGap,
		int positionRisk, int attritionRisk, int total, RiskBand band, Status status, String notes, PersonId createdBy,
		Instant createdAt, Instant updatedAt, PlanRef plan) {

	/** Why and when the person is expected to leave; a date, a reason, or both. */
	public record Departure(DepartureType type, LocalDate date, String reason) {
	}

	public enum DepartureType {
		RETIREMENT, TRANSFER, CONTRACT_END, OTHER
	}

	public enum Status {
		/** Still a risk to manage. */
		OPEN,
		/** The knowledge was transferred, or the risk no longer applies. */
		CLOSED
	}

	/** A critical knowledge area: what it is, and its tags (which link it to experts and items). */
	public record KnowledgeArea(String description, List<String> tags) {
	}

	/** The transfer plan that covers the entry. */
	public record PlanRef(org.tacit.retention.PlanId id, Plan.Status status) {
	}

	/** The person's name, or the position for an entry about a position. */
	public String subject() {
		return person == null ? position : position.isEmpty() ? personName : personName + " (" + position + ")";
	}
}
