package org.tacit.communities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.tacit.communities.CommunityId;
import org.tacit.communities.CommunityStatus;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Sql;

/** A community's own columns, read without any viewer (for search, health and trusted look-ups). */
record CommunityRow(CommunityId id, OrgId org, String name, String description, List<String> tags,
		CommunityStatus status, JoinPolicy joinPolicy, boolean membersOnly, String spaceKey, String purpose,
		String capabilityIntent, String rhythm, int charterVersion, PersonId createdBy, Instant createdAt,
		Instant updatedAt, Instant launchedAt, Instant statusChangedAt, Instant lastActivityAt) {

	static CommunityRow of(ResultSet rs) throws SQLException {
		return new CommunityRow(new CommunityId(Sql.uuid(rs, "id")), new OrgId(Sql.uuid(rs, "org_id")),
				rs.getString("name"), rs.getString("description"), Checks.joined(rs.getString("tags")),
				CommunityStatus.valueOf(rs.getString("status")), JoinPolicy.valueOf(rs.getString("join_policy")),
				rs.getBoolean("members_only"), rs.getString("space_key"), rs.getString("purpose"),
				rs.getString("capability_intent"), rs.getString("rhythm"), rs.getInt("charter_version"),
				new PersonId(Sql.uuid(rs, "created_by")), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
				Sql.instant(rs, "launched_at"), Sql.instant(rs, "status_changed_at"),
				Sql.instant(rs, "last_activity_at"));
	}

	/** The newest activity, or when the community started when it has none. */
	Instant activeSince() {
		if (lastActivityAt != null) {
			return lastActivityAt;
		}
		return launchedAt != null ? launchedAt : createdAt;
	}
}
