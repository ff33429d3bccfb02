package org.tacit.communities.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tacit.communities.internal.Community;
import org.tacit.communities.internal.CommunityService;
import org.tacit.shared.Texts;

/** The charter parts a community still lacks for launch, as the pages list them: each with the field to fix. */
@Component
class MissingParts {

	private final CommunityService communities;
	private final Texts texts;

	MissingParts(CommunityService communities, Texts texts) {
		this.communities = communities;
		this.texts = texts;
	}

	/** One missing part; {@code anchor} is the id of the charter editor's input to fix it. */
	record Part(String field, String anchor, String message) {
	}

	List<Part> of(Community community) {
		return communities.missing(community)
			.stream()
			.map(f -> new Part(f.field(), anchor(f.field()), texts.get(f.messageKey(), f.arguments())))
			.toList();
	}

	/** "roles[2].person" is the input "roles-2-person"; "sponsor" and "leader" are the first role rows. */
	static String anchor(String field) {
		return switch (field) {
			case "sponsor", "leader" -> "roles";
			default -> field.replace("[", "-").replace("].", "-").replace("]", "");
		};
	}
}
