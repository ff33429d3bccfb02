package org.tacit.organizations;

/**
 * Records who changed what. Call it inside the transaction that makes the change, so that the
 * change and its record are written together or not at all.
 */
public interface AuditLog {

	/**
	 * @param org the organization the record belongs to, or {@code null} for installation-wide changes
	 * @param action what happened, as {@code <record>.<past-tense verb>}, for example {@code member.added}
	 * @param targetType the kind of record changed
	 * @param targetId the id of the record changed
	 * @param detail a short human-readable description (at most 1,000 characters)
	 */
	void record(OrgId org, String action, String targetType, String targetId, String detail);

	/** Records several changes of one organization at once (a bulk import), as {@link #record} would each. */
	default void recordAll(OrgId org, java.util.List<Entry> entries) {
		entries.forEach(e -> record(org, e.action(), e.targetType(), e.targetId(), e.detail()));
	}

	/** One change, as {@link #recordAll} takes it. */
	record Entry(String action, String targetType, String targetId, String detail) {
	}
}
