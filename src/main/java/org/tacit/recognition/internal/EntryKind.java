package org.tacit.recognition.internal;

/**
 * What a ledger entry credits a person with, and its default weight. Use of one's work by others weighs
 * most: it shows the knowledge was worth sharing, where volume alone does not (docs/recognition.md).
 */
public enum EntryKind {

	/** An item the person owns was published (its first publication only). */
	ITEM_PUBLISHED(2),
	/** The person confirmed a published item is still right. */
	ITEM_VERIFIED(1),
	/** Someone else used the person's template, checklist or work sample. */
	ITEM_REUSED(5),
	/** Someone else said the person's item helped them. */
	HELPFUL_FEEDBACK(3),
	/** The person captured a lesson. */
	LESSON_CAPTURED(2),
	/** A lesson the person captured was validated. */
	LESSON_VALIDATED(3),
	/** A lesson the person captured changed guidance, a checklist or a process. */
	LESSON_EMBEDDED(5),
	/** The person's answer was accepted in a community. */
	ANSWER_ACCEPTED(3),
	/** The person holds a role in a community's charter. */
	COMMUNITY_ROLE(3),
	/** The person did a task of a knowledge transfer plan. */
	TRANSFER_TASK_DONE(2),
	/** Another member thanked the person. */
	KUDOS_RECEIVED(2),
	/** The person completed an assigned course of the training catalog. */
	TRAINING_COMPLETED(1);

	/** The largest weight an organization may give a kind. */
	public static final int WEIGHT_MAX = 100;

	private final int weight;

	EntryKind(int weight) {
		this.weight = weight;
	}

	public int defaultWeight() {
		return weight;
	}
}
