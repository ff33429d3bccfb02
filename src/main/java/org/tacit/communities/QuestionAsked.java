package org.tacit.communities;

import java.util.List;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A member asked a question in a community; {@code tags} are the question's and the community's domain. */
public record QuestionAsked(OrgId org, CommunityId community, ThreadId question, String title, PersonId asker,
		List<String> tags) {
}
