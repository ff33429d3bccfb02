package org.tacit.lessons.internal;

import org.tacit.organizations.PersonId;

/** Someone named on a record, with the name to show. */
public record Person(PersonId id, String name) {
}
