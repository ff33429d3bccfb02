package org.tacit.organizations;

import java.util.UUID;

/** Identifies a person's account, across every organization they belong to. */
public record PersonId(UUID value) {

	public static PersonId random() {
		return new PersonId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
