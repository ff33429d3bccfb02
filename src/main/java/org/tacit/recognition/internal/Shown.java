package org.tacit.recognition.internal;

import java.time.Instant;

/**
 * A record as a knowledge-sharing record shows it: its type and id, its title and page when the viewer
 * may see it (null otherwise: it still counts, but what it is stays hidden), who was involved and when.
 */
public record Shown(String type, String id, String title, String path, String byName, Instant at, String note) {
}
