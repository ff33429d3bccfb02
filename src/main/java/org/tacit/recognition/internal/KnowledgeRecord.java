package org.tacit.recognition.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tacit.organizations.PersonId;

/**
 * A person's knowledge-sharing record for a period, as their manager uses it in a review.
 *
 * @param points the weighted sum of the period's entries, or null when the organization shows no points
 * @param contributions entries of the period by kind (every kind, zero included)
 * @param reuse uses of the person's items by others, with the latest as examples
 * @param lessons the lessons the person captured in the period and what they became
 * @param answers accepted answers of the period (the latest)
 * @param roles charter roles the person held up to the end of the period
 * @param kudos kudos received in the period (the latest) and how many
 * @param owned the published items the person owns now and how many are current
 * @param expectations the organization's expectations for the person's role, with their evidence
 * @param badges badges earned up to the end of the period, or empty when badges are off
 */
public record KnowledgeRecord(PersonId person, String name, PersonId manager, String managerName, LocalDate from,
		LocalDate to, Long points, List<KindCount> contributions, Reuse reuse, List<LessonOutcome> lessons,
		Examples answers, List<Shown> roles, KudosReceived kudos, Owned owned, List<ExpectationResult> expectations,
		List<EarnedBadge> badges) {

	public record KindCount(EntryKind kind, long count, Long points) {
	}

	public record Reuse(long count, long people, List<Shown> examples) {
	}

	public record Examples(long count, List<Shown> examples) {
	}

	public record LessonOutcome(Shown lesson, String status, Instant capturedAt, Instant validatedAt, Instant embeddedAt,
			boolean changedProcess) {
	}

	public record KudosReceived(long count, List<KudosService.Kudos> latest) {
	}

	/** {@code shareCurrent} from 0 to 1, null when the person owns no published item. */
	public record Owned(int published, int current, Double shareCurrent, List<Shown> stale) {
	}

	public record ExpectationResult(Expectation expectation, double actual, boolean met, List<Shown> evidence) {
	}

	public record EarnedBadge(Badge badge, Instant at) {
	}

	/** How many entries in all. */
	public long entries() {
		return contributions.stream().mapToLong(KindCount::count).sum();
	}
}
