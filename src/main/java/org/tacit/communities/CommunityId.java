package org.tacit.communities;

import java.util.UUID;

/** Identifies a community of practice. */
public record CommunityId(UUID value) {

	public static CommunityId random() {
		return new CommunityId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
