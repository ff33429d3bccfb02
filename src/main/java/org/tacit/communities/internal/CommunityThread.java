package org.tacit.communities.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.tacit.communities.CommunityId;
import org.tacit.communities.PostId;
import org.tacit.communities.ThreadId;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Sql;

/** A discussion or a question of a community; a question is answered once it has an accepted answer. */
public record CommunityThread(ThreadId id, OrgId org, CommunityId community, String title, boolean question,
		List<String> tags, PersonId author, String authorName, Instant createdAt, Instant lastPostAt, int replies,
		Instant firstAnswerAt, PostId acceptedPost, PersonId acceptedBy, Instant acceptedAt) {

	static CommunityThread of(ResultSet rs) throws SQLException {
		UUID accepted = Sql.uuid(rs, "accepted_post_id");
		UUID acceptedBy = Sql.uuid(rs, "accepted_by");
		return new CommunityThread(new ThreadId(Sql.uuid(rs, "id")), new OrgId(Sql.uuid(rs, "org_id")),
				new CommunityId(Sql.uuid(rs, "community_id")), rs.getString("title"), rs.getBoolean("question"),
				Checks.joined(rs.getString("tags")), new PersonId(Sql.uuid(rs, "author_id")), "",
				Sql.instant(rs, "created_at"), Sql.instant(rs, "last_post_at"), rs.getInt("replies"),
				Sql.instant(rs, "first_answer_at"), accepted == null ? null : new PostId(accepted),
				acceptedBy == null ? null : new PersonId(acceptedBy), Sql.instant(rs, "accepted_at"));
	}

	CommunityThread withAuthorName(String name) {
		return new CommunityThread(id, org, community, title, question, tags, author, name, createdAt, lastPostAt, replies,
				firstAnswerAt, acceptedPost, acceptedBy, acceptedAt);
	}

	public boolean answered() {
		return acceptedPost != null;
	}

	/** The state search shows: a question is OPEN or ANSWERED; a discussion has none. */
	public String state() {
		return !question ? null : answered() ? "ANSWERED" : "OPEN";
	}

	public String path() {
		return "threads/" + id;
	}
}
