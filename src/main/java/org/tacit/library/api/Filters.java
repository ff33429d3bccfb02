package org.tacit.library.api;

import java.util.Locale;

import org.tacit.library.ItemStatus;
import org.tacit.library.Kind;
import org.tacit.library.internal.ItemStore;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.ProblemException;

/** Reads list filters from request parameters, naming the parameter that is wrong. */
final class Filters {

	private Filters() {
	}

	static ItemStore.Filter of(OrgAccess access, Organizations organizations, String space, String kind, String status,
			String tag, String owner, Boolean stale, String sort) {
		PersonId ownerId = null;
		if (owner != null && !owner.isBlank()) {
			ownerId = organizations.findMember(access.orgId(), owner)
				.map(Organizations.Member::id)
				.orElseThrow(() -> ProblemException.invalid("owner", "item.owner.unknown"));
		}
		return new ItemStore.Filter(blankToNull(space), parse(Kind.class, "kind", kind),
				parse(ItemStatus.class, "status", status), blankToNull(tag), ownerId, stale,
				parse(ItemStore.Sort.class, "sort", sort));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(field, "problem.field.format");
		}
	}
}
