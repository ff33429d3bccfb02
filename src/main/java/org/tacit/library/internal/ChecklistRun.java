package org.tacit.library.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tacit.library.ItemId;
import org.tacit.organizations.PersonId;

/**
 * One run of a checklist: the steps as they were when it started, who ticked which and when, and
 * whether it is finished (then it is read-only). Lists carry no steps, only the progress.
 */
public record ChecklistRun(UUID id, ItemId itemId, int itemVersion, String title, PersonId startedBy,
		String startedByName, Instant startedAt, PersonId finishedBy, String finishedByName, Instant finishedAt,
		String note, int done, int total, List<Step> steps) {

	public boolean finished() {
		return finishedAt != null;
	}

	ChecklistRun withSteps(List<Step> all) {
		return new ChecklistRun(id, itemId, itemVersion, title, startedBy, startedByName, startedAt, finishedBy,
				finishedByName, finishedAt, note, done, total, all);
	}

	/** A step of a run; {@code n} counts from 1. */
	public record Step(int n, String section, String text, boolean done, PersonId doneBy, String doneByName,
			Instant doneAt, String note, PersonId noteBy, String noteByName, Instant noteAt) {
	}
}
