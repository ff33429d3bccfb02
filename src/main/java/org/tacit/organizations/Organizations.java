package org.tacit.organizations;

import java.util.Optional;

/** The facade other modules use to find out who is asking and in which organization. */
public interface Organizations {

	/**
	 * The current person's access to the organization with this slug. Unknown organizations and
	 * organizations the person does not belong to both answer 404, so that their existence is not
	 * revealed.
	 */
	OrgAccess access(String slug);

	/** The slug of an organization, for building links to its pages; empty if it does not exist. */
	Optional<String> slug(OrgId org);

	/**
	 * Access of a named member, for trusted callers that act without a web request (the command line).
	 * Without a person, the organization's longest-serving active administrator acts. 404 if the
	 * organization or the member does not exist, or the member is deactivated.
	 */
	OrgAccess accessAs(String slug, String personIdOrEmail);

	/**
	 * The access of an active member of the organization, for work that runs without a web request on
	 * someone's behalf (checking at delivery that a notification's reader may see its record). Empty if
	 * the organization does not exist or the person is not an active member of it.
	 */
	Optional<OrgAccess> memberAccess(OrgId org, PersonId person);

	/** The signed-in person, if any. */
	Optional<PersonId> currentPerson();

	/** Whether the signed-in person is a site administrator (runs the installation: backups, all organizations). */
	boolean currentIsSiteAdmin();

	/** A member of the organization, found by id or email; empty if not a member. */
	Optional<Member> findMember(OrgId org, String idOrEmail);

	/**
	 * Display names of people, for showing who owns or changed a record. People who have left the
	 * organization keep their name on what they did.
	 */
	java.util.Map<PersonId, String> names(java.util.Collection<PersonId> people);

	/** The member's manager in the organization (another member), if one is set. */
	Optional<PersonId> managerOf(OrgId org, PersonId person);

	/** The members whose manager in the organization is {@code manager}, by name. */
	java.util.List<PersonId> reportsOf(OrgId org, PersonId manager);

	/** How many active people are members of the organization (for participation figures). */
	long activeMemberCount(OrgId org);

	/**
	 * The active members of the organization, by name: for work that reaches each of them (the audience of
	 * an announcement). Whoever asks; the calling module decides who may.
	 */
	java.util.List<Member> activeMembers(OrgId org);

	/** A person as other modules may show them. */
	record Member(PersonId id, String email, String name, Role role, boolean active) {
	}
}
