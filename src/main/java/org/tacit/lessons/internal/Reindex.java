package org.tacit.lessons.internal;

import java.util.UUID;

import org.tacit.organizations.OrgId;

/**
 * A lesson, review or activity changed and its search entries must follow (an activity's name is part
 * of its reviews' and lessons' entries). Handled after commit, replayed after a crash.
 */
record Reindex(OrgId org, String type, UUID id) {

	static final String LESSON = "lesson";
	static final String REVIEW = "review";
	static final String ACTIVITY = "activity";
}
