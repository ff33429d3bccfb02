package org.tacit.lessons;

/**
 * What a lesson changed, as events carry it: {@code item} (an item id), {@code checklist-step}
 * ({@code <item id>/<step number>}) or {@code process-step} ({@code <process id>/<step id>}).
 */
public record LinkedRecord(String type, String id) {
}
