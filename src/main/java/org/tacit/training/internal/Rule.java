package org.tacit.training.internal;

import java.time.Instant;
import java.util.UUID;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.Role;

/** Every member with {@code role} completes the course within {@code withinDays}, and again every {@code everyDays} (null: once). */
public record Rule(UUID id, OrgId org, UUID courseId, String courseTitle, Role role, int withinDays, Integer everyDays,
		Instant createdAt) {
}
