package org.tacit.communities;

import java.util.List;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * The asker or a leader chose the answer that solved a question: a credit for the answer's author.
 * {@code tags} are the question's and the community's domain, for expertise.
 */
public record AnswerAccepted(OrgId org, CommunityId community, ThreadId question, PostId answer, PersonId answerAuthor,
		PersonId acceptedBy, List<String> tags) {
}
