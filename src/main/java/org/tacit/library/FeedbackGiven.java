package org.tacit.library;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** Someone said an item helped them (or did not); a helpful vote is a credit for its owner. */
public record FeedbackGiven(OrgId org, ItemId item, PersonId owner, PersonId by, boolean helpful) {
}
