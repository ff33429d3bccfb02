package org.tacit.lessons.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tacit.lessons.ActivityId;

/**
 * A project, operation, event or piece of work that the organization learns from.
 *
 * @param canEdit whether the viewer may change it (its owner, editors and above)
 * @param canReview whether the viewer may hold its reviews (its owner, its participants, editors and above)
 */
public record Activity(ActivityId id, String name, String description, Person owner, LocalDate startsOn,
		LocalDate endsOn, List<String> tags, List<Person> participants, long reviews, long lessons, Instant createdAt,
		Instant updatedAt, boolean canEdit, boolean canReview) {
}
