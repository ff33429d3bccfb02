package org.tacit.processes.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.lessons.LessonEmbedded;
import org.tacit.lessons.LinkedRecord;

/**
 * A lesson embedded in a process step shows on that step: the process map is where people doing the
 * work meet what was learned about it, and the process-wide view lists the lessons that changed it.
 */
@Component
class EmbeddedLessons {

	private final LinkService links;

	EmbeddedLessons(LinkService links) {
		this.links = links;
	}

	@ApplicationModuleListener
	void on(LessonEmbedded event) {
		for (LinkedRecord link : event.links()) {
			if (link.type().equals(ProcessRecords.STEP)) {
				links.embedLesson(event.org(), link.id(), event.lesson().toString(), event.embeddedBy());
			}
		}
	}
}
