package org.tacit.organizations;

/** A person's account was deactivated: their sessions and tokens no longer work. */
public record PersonDeactivated(PersonId personId) {
}
