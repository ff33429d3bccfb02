package org.tacit.competencies;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * KM competencies as other modules use them: whether a competency exists (a course that develops it),
 * a person's training needs and latest assessment (a staff view), and the figures of a period
 * (measurement, the KM program). Whoever asks: the calling module decides who may see the answer.
 */
public interface Competencies {

	/** Whether one of the organization's frameworks (the built-in one included) has a competency with this code. */
	boolean hasCompetency(OrgId org, String code);

	/** The person's open training needs from their latest rated assessment, largest gap first. */
	List<Need> needsOf(OrgId org, PersonId person);

	/** The person's latest assessment (the latest cycle's), if they have one. */
	Optional<AssessmentSummary> latestAssessment(OrgId org, PersonId person);

	/**
	 * Figures of a period ({@code from} inclusive, {@code to} exclusive): assessments signed off in it,
	 * assessments created before its end and not signed off, and, as of now, the people with at least one
	 * training need and the needs they have.
	 */
	Figures figures(OrgId org, Instant from, Instant to);

	/**
	 * A training need: a competency whose assessed level is below the level the person's profile requires.
	 *
	 * @param code the competency's code (a slug, such as {@code develops-km-measurements})
	 * @param required the level the profile requires
	 * @param assessed the manager's level, or the person's own when the manager has not rated it
	 */
	record Need(String code, String name, int required, int assessed) {

		public int gap() {
			return required - assessed;
		}
	}

	/**
	 * An assessment in brief.
	 *
	 * @param cycle the cycle's name
	 * @param status OPEN, SELF_ASSESSED, MANAGER_ASSESSED or SIGNED_OFF
	 * @param openNeeds its training needs
	 */
	record AssessmentSummary(UUID id, String cycle, String status, int openNeeds) {
	}

	record Figures(long assessmentsSignedOff, long assessmentsOpen, long peopleWithNeeds, long openNeeds) {
	}
}
