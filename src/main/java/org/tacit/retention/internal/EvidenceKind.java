package org.tacit.retention.internal;

/**
 * What a piece of evidence of expertise is, and how much it counts when ranking experts. The weights
 * are documented in docs/retention.md; a declared area counts twice its self-rated level.
 */
public enum EvidenceKind {

	/** The person owns a published library item with the tag. */
	AUTHORED(3),
	/** The person confirmed a published item is still right. */
	VERIFIED(1),
	/** The person's answer was accepted in a community (communities module). */
	ANSWER_ACCEPTED(2),
	/** A lesson the person captured was validated (lessons module). */
	LESSON_VALIDATED(3),
	/** The person holds a role in a community about the topic (communities module). */
	COMMUNITY_ROLE(2);

	private final int weight;

	EvidenceKind(int weight) {
		this.weight = weight;
	}

	public int weight() {
		return weight;
	}
}
