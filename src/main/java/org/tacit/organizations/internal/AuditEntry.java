package org.tacit.organizations.internal;

import java.time.Instant;

/** One line of the audit log. */
public record AuditEntry(long id, String actorEmail, String action, String targetType, String targetId, String detail,
		Instant at) {
}
