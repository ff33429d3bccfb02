package org.tacit.lessons.internal;

import java.util.Optional;
import java.util.UUID;

/** Ids and words as people type them into addresses and forms. */
final class Ids {

	private Ids() {
	}

	/** The UUID, or empty for anything that is not one. */
	static Optional<UUID> uuid(String id) {
		if (id == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(id.strip()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** A word for LIKE, its wildcards taken literally (with ESCAPE '\'). */
	static String likeEscaped(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
