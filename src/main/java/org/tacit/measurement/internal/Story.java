package org.tacit.measurement.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tacit.organizations.PersonId;

/**
 * A success story of the value register: what happened, the knowledge it used and what it was worth.
 *
 * @param hoursSaved null when not quantified
 * @param costAvoided null when not quantified
 * @param effect revenue or quality effects, in words
 * @param innovationKind PRODUCT, PROCESS or PRACTICE when the story is an innovation (may be null)
 */
public record Story(UUID id, String title, String story, LocalDate occurredOn, BigDecimal hoursSaved, Money costAvoided,
		String effect, boolean innovation, InnovationKind innovationKind, String innovationNote, List<Link> links,
		PersonId reportedBy, Instant reportedAt, PersonId confirmedBy, Instant confirmedAt) {

	/** What an innovation brought: a new product, process or practice. */
	public enum InnovationKind {
		PRODUCT, PROCESS, PRACTICE
	}

	/** An amount in a currency (ISO 4217 code). */
	public record Money(BigDecimal amount, String currency) {
	}

	/**
	 * A piece of knowledge the story used.
	 *
	 * @param visible whether the reader may see it; otherwise its title and path are empty
	 */
	public record Link(String type, String id, String title, String path, boolean visible) {
	}

	public boolean confirmed() {
		return confirmedAt != null;
	}
}
