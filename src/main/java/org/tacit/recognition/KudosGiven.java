package org.tacit.recognition;

import java.util.UUID;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** A member thanked another ({@code to}) for a piece of help; {@code kudos} is the thanks' id. */
public record KudosGiven(OrgId org, UUID kudos, PersonId from, PersonId to) {
}
