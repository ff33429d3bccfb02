package org.tacit.communities;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** Someone other than the asker replied to a question. */
public record AnswerPosted(OrgId org, CommunityId community, ThreadId question, PostId answer, PersonId author) {
}
