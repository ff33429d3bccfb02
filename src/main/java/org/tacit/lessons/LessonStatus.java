package org.tacit.lessons;

import java.util.List;
import java.util.Map;

/**
 * Where a lesson is in its lifecycle. A lesson ends only when it has changed something (CLOSED), or
 * when it is REJECTED with a reason; both are final.
 */
public enum LessonStatus {

	/** Written down, not yet checked. */
	CAPTURED,
	/** An editor, knowledge manager or the lesson's subject-matter expert confirmed it is right and worth acting on. */
	VALIDATED,
	/** Actions, each with an owner and a due date, are assigned. */
	ACTIONED,
	/** Linked to the knowledge item, checklist step or process step that changed. */
	EMBEDDED,
	/** Done: the change is in place and no action is open. */
	CLOSED,
	/** Not taken up, with the reason why. */
	REJECTED;

	private static final Map<LessonStatus, List<LessonStatus>> NEXT = Map.of(CAPTURED, List.of(VALIDATED, REJECTED),
			VALIDATED, List.of(ACTIONED, REJECTED), ACTIONED, List.of(EMBEDDED, REJECTED), EMBEDDED, List.of(CLOSED),
			CLOSED, List.of(), REJECTED, List.of());

	/** The statuses the lifecycle allows next, in the order of the cycle. */
	public List<LessonStatus> next() {
		return NEXT.get(this);
	}

	public boolean canGoTo(LessonStatus status) {
		return NEXT.get(this).contains(status);
	}

	public boolean isFinal() {
		return NEXT.get(this).isEmpty();
	}
}
