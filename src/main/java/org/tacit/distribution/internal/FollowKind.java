package org.tacit.distribution.internal;

/** What a member can follow; the target is a space key, a tag, or the id of the record. */
public enum FollowKind {
	SPACE, TAG, COMMUNITY, PROCESS, PERSON, ITEM
}
