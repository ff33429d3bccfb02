package org.tacit.communities.internal;

import java.time.Instant;

import org.tacit.communities.PostId;
import org.tacit.communities.ThreadId;
import org.tacit.library.ItemId;
import org.tacit.organizations.PersonId;

/**
 * A post as one person sees it: {@code html} is its Markdown rendered through the shared sanitizer,
 * with mentions of members as links; the flags say what the viewer may do with it.
 */
public record Post(PostId id, ThreadId thread, PersonId author, String authorName, String body, String html,
		boolean opening, PostId replyTo, int votes, boolean votedByMe, ItemId promotedItem, Instant createdAt,
		Instant editedAt, boolean accepted, boolean canEdit, boolean canVote, boolean canAccept, boolean canPromote) {

	/** Where the post is on its thread's page. */
	public String path() {
		return "threads/" + thread + "#post-" + id;
	}
}
