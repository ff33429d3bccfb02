package org.tacit.communities.internal;

import java.util.UUID;

/** A thread's title, opening post or answered state changed. */
public record ThreadChanged(UUID org, UUID thread) {
}
