package org.tacit.communities;

import java.util.List;
import java.util.Optional;

import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/**
 * Communities of practice as other modules use them: look a community up to link and show it, find
 * a person's communities, and read the health figures that measurement reports.
 */
public interface CommunitiesOfPractice {

	/** A community the caller may see; empty if unknown, in another organization or hidden from them. */
	Optional<CommunityRef> community(OrgAccess caller, CommunityId id);

	/** The communities a person is a member of in the organization, by name (whoever asks). */
	List<CommunityRef> communitiesOf(OrgId org, PersonId person);

	/** The health figures of one community of the organization, as of now (whoever asks); empty if unknown. */
	Optional<CommunityHealth> health(OrgId org, CommunityId id);

	/** The health figures of every community of the organization, by name. */
	List<CommunityHealth> health(OrgId org);

	/**
	 * The accepted answer of a question, as a credit to its author with the question's tags and the
	 * community's domain; empty if none is accepted. Members-only communities' answers are included, marked
	 * as such: the caller decides who may see what.
	 */
	Optional<Credit> acceptedAnswer(OrgId org, ThreadId question);

	/** Every accepted answer of the organization's communities (members-only ones marked), for a rebuild. */
	List<Credit> acceptedAnswers(OrgId org);

	/**
	 * Every holder of a charter role in the organization's communities, members-only ones included (the
	 * caller decides who may see what), for a contribution ledger; {@code community} null: all of them.
	 */
	List<RoleHolder> roleHolders(OrgId org, CommunityId community);

	/**
	 * A person named in a role of a community's charter, since the community launched (or was proposed),
	 * with the community's domain tags and whether it is members-only.
	 */
	record RoleHolder(CommunityId community, PersonId person, CharterRole role, java.time.Instant since,
			List<String> domain, boolean membersOnly) {
	}

	/**
	 * An accepted answer as a credit to its author.
	 *
	 * @param record the question
	 * @param tags the question's tags and the community's domain
	 * @param at when the answer was accepted
	 * @param membersOnly whether the community is members-only (its answers are not public expertise)
	 */
	record Credit(PersonId person, java.util.UUID record, List<String> tags, java.time.Instant at,
			boolean membersOnly) {
	}

	/**
	 * A community as other modules show and link it.
	 *
	 * @param domain its domain tags
	 * @param path its page below the organization's root ({@code communities/<id>})
	 */
	record CommunityRef(CommunityId id, String name, CommunityStatus status, List<String> domain, String spaceKey,
			String path) {
	}
}
