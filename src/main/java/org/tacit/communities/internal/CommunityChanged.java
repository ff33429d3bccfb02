package org.tacit.communities.internal;

import java.util.UUID;

/**
 * A community's own record changed (its index entry is out of date); with {@code threadsToo}, the
 * entries of its threads and posts too, which carry its name.
 */
public record CommunityChanged(UUID org, UUID community, boolean threadsToo) {
}
