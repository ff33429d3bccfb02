package org.tacit.communities.internal;

import java.util.UUID;

/** A reply was written, edited, accepted or no longer accepted. */
public record PostChanged(UUID org, UUID post) {
}
