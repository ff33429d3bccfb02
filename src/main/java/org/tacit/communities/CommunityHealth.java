package org.tacit.communities;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * How a community is doing, computed from its real activity (see docs/communities.md for each figure).
 *
 * @param members current members
 * @param activeMembers members who posted or voted in the last 30 days
 * @param months posts and questions of each of the last six calendar months (UTC), oldest first
 * @param questions questions asked
 * @param answered questions with an accepted answer
 * @param shareAnswered answered / questions, from 0 to 1; null without questions
 * @param medianTimeToFirstAnswer median time from a question to its first reply by someone else; null
 *        when no question has one
 * @param deliverables deliverables of the charter
 * @param delivered deliverables delivered
 * @param deliveredOnTime deliverables delivered on or before their target date
 * @param overdue deliverables not delivered whose target date has passed
 * @param lastActivity the newest thread or post, or null
 * @param monthsSinceLastActivity whole months since the last activity (since the launch, or the
 *        proposal, when there is none)
 * @param dormantSuggested launched or active, and without activity for the configured time
 */
public record CommunityHealth(CommunityId community, String name, CommunityStatus status, int members,
		int activeMembers, List<Month> months, int questions, int answered, Double shareAnswered,
		Duration medianTimeToFirstAnswer, int deliverables, int delivered, int deliveredOnTime, int overdue,
		Instant lastActivity, int monthsSinceLastActivity, boolean dormantSuggested, Instant computedAt) {

	/** Activity of one calendar month. */
	public record Month(YearMonth month, int posts, int questions) {
	}
}
