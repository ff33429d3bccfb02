package org.tacit.recognition.internal;

/**
 * A badge, earned when a person's ledger holds {@code threshold} entries of its kind (and detail); its
 * default threshold. Organizations change thresholds or switch badges off (docs/recognition.md).
 */
public enum Badge {

	/** Any first entry of the ledger, kudos aside. */
	FIRST_CONTRIBUTION(null, null, 1),
	/** Others used the person's templates this many times. */
	TEMPLATE_REUSED(EntryKind.ITEM_REUSED, "TEMPLATE", 10),
	/** A lesson the person captured changed a process step. */
	LESSON_CHANGED_PROCESS(EntryKind.LESSON_EMBEDDED, "process", 1),
	/** The person leads a community of practice. */
	COMMUNITY_LEADER(EntryKind.COMMUNITY_ROLE, "LEADER", 1),
	/** This many of the person's answers were accepted. */
	TRUSTED_ANSWERER(EntryKind.ANSWER_ACCEPTED, null, 5),
	/** This many people said the person's items helped them. */
	HELPFUL(EntryKind.HELPFUL_FEEDBACK, null, 10);

	/** The highest threshold an organization may set. */
	public static final int THRESHOLD_MAX = 10_000;

	private final EntryKind kind;
	private final String detail;
	private final int threshold;

	Badge(EntryKind kind, String detail, int threshold) {
		this.kind = kind;
		this.detail = detail;
		this.threshold = threshold;
	}

	/** The kind of entry it counts; null: every kind but kudos. */
	public EntryKind kind() {
		return kind;
	}

	/** The detail an entry must have, or null. */
	public String detail() {
		return detail;
	}

	public int defaultThreshold() {
		return threshold;
	}

	boolean counts(Entry entry) {
		if (kind == null) {
			return entry.kind() != EntryKind.KUDOS_RECEIVED;
		}
		return entry.kind() == kind && (detail == null || detail.equals(entry.detail()));
	}
}
