package org.tacit.retention.internal;

import java.time.Instant;
import java.util.List;

import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;

/**
 * A member's expertise profile: what they declare (areas with a self-rated level, "ask me about",
 * languages, location) and, kept apart, what their work shows ({@code derived}).
 *
 * @param updatedAt when the declared part was last saved, or null if never
 * @param manager their manager in the organization, or null
 */
public record Profile(Organizations.Member member, List<Area> areas, String askMeAbout, List<String> languages,
		String location, Instant updatedAt, PersonId manager, String managerName, List<DerivedArea> derived) {

	/** A declared area of expertise: a tag and a level from 1 (basic awareness) to 5 (the go-to person). */
	public record Area(String tag, int level) {
	}

	/**
	 * Expertise a person's work shows on one tag.
	 *
	 * @param score the weights of the evidence together (docs/retention.md)
	 * @param evidence the records the viewer may see, most telling first
	 * @param hidden how many more records there are that the viewer may not see
	 */
	public record DerivedArea(String tag, int score, List<Proof> evidence, int hidden) {
	}

	/** One record that shows expertise, as the viewer may see it. */
	public record Proof(EvidenceKind kind, String type, String id, String title, String path, Instant at) {
	}

	public PersonId person() {
		return member.id();
	}

	/** Whether nothing is declared yet. */
	public boolean declaredEmpty() {
		return areas.isEmpty() && askMeAbout.isEmpty() && languages.isEmpty() && location.isEmpty();
	}
}
