package org.tacit.program.internal;

import org.tacit.organizations.PersonId;

/** A member as the program shows them. */
public record Person(PersonId id, String name) {
}
