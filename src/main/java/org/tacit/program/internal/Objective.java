package org.tacit.program.internal;

import java.time.Instant;
import java.util.UUID;

/** A strategy objective: what the organization wants its knowledge management to achieve. */
public record Objective(UUID id, String title, String description, Person owner, Instant createdAt, Instant updatedAt) {
}
