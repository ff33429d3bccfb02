package org.tacit.lessons.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * What a lesson changed, as the viewer may see it.
 *
 * @param type {@code item}, {@code checklist-step} or {@code process-step}
 * @param recordId the item id, {@code <item id>/<step>} or {@code <process id>/<step id>}
 * @param title the record's title now, or null when the viewer may not see it (or it is gone)
 * @param path the record's page below the organization's root, or null like the title
 * @param step the checklist step's number, or null
 * @param stepText the checklist step's text when it was linked, or null
 */
public record LessonLink(UUID id, String type, String recordId, String title, String path, Integer step,
		String stepText, Person addedBy, Instant addedAt) {

	public boolean visible() {
		return title != null;
	}
}
