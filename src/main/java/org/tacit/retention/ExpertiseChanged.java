package org.tacit.retention;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** What is known about a person's expertise changed: their declared profile, or evidence derived from their work. */
public record ExpertiseChanged(OrgId org, PersonId person) {
}
