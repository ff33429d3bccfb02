package org.tacit.organizations.internal;

import java.util.Arrays;
import java.util.Locale;

import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;

/** Reads a role name from a request, naming the field when it is not one. */
public final class Roles {

	private Roles() {
	}

	public static Role parse(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(field, "role.unknown", Arrays.toString(Role.values()));
		}
	}
}
