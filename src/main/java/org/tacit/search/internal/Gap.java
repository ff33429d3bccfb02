package org.tacit.search.internal;

import java.time.Instant;

/** A search that found nothing: the organization's knowledge may have a gap there. */
public record Gap(String query, long searches, Instant firstSearchedAt, Instant lastSearchedAt) {
}
