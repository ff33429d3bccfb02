package org.tacit.organizations;

import java.util.UUID;

/**
 * Identifies a person's account, across every organization they belong to. Serializable because the
 * signed-in person ({@code TacitUser}) is kept in the servlet session.
 */
public record PersonId(UUID value) implements java.io.Serializable {

	public static PersonId random() {
		return new PersonId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
