package org.tacit.communities;

import org.tacit.library.ItemId;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** An answer became a FAQ item of the community's space, owned by (credited to) the answer's author. */
public record AnswerPromoted(OrgId org, PostId post, ItemId item, PersonId author) {
}
