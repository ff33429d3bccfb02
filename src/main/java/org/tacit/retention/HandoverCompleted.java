package org.tacit.retention;

import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** Everything {@code from} held (items, roles, open actions) was handed to {@code to}; {@code count} things in all. */
public record HandoverCompleted(OrgId org, PersonId from, PersonId to, int count) {
}
