package org.tacit.library;

import java.util.List;
import java.util.Optional;

import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;

/**
 * The library as other modules use it: look items up to link and show them, create a community's
 * space and the items other modules produce (a promoted answer, interview notes), and hand a leaving
 * person's items over. Permission checks that belong to the library (who sees an item) happen here;
 * the calling module decides whether its own action is allowed.
 */
public interface KnowledgeLibrary {

	/** An item the caller may see; empty if it does not exist, is in another organization or is hidden from them. */
	Optional<ItemRef> item(OrgAccess caller, ItemId id);

	/** An item of the organization, whoever asks; for checks that a stored link stays in its organization. */
	Optional<ItemRef> itemOf(OrgId org, ItemId id);

	/** The steps of a checklist the caller may see, in order (empty for other kinds). */
	List<String> checklistSteps(OrgAccess caller, ItemId id);

	/** Items a person owns in the organization, any status, by title. */
	List<ItemRef> ownedBy(OrgId org, PersonId owner);

	/**
	 * Creates a space on behalf of another module (a community's space): the calling module has decided
	 * the caller may; the caller becomes the space's editor. 400 for a bad or taken key.
	 */
	SpaceRef createSpace(OrgAccess caller, String key, String name, String description, boolean membersOnly);

	/** Adds a person to a space or changes their space role (EDITOR, CONTRIBUTOR or VIEWER); trusted as above. */
	void setSpaceMember(OrgId org, String spaceKey, PersonId person, Role role);

	/** Removes a person from a space; trusted as above. Unknown members are ignored. */
	void removeSpaceMember(OrgId org, String spaceKey, PersonId person);

	/**
	 * Creates an item as the caller (who must be a contributor in the space), owned by {@code owner}
	 * (null: the caller). With {@code publish}, it is submitted and approved at once, which needs an
	 * editor of the space; otherwise it stays a draft.
	 */
	ItemRef createItem(OrgAccess caller, NewItem item);

	/** Gives every item {@code from} owns to {@code to} (an active member), each recorded; returns how many. */
	int reassignOwner(OrgAccess caller, PersonId from, PersonId to);

	/**
	 * Published items of the organization with who owns them and who last verified them, by id, one page
	 * at a time ({@code limit} at most 1,000): for modules that derive something from the library and
	 * must be able to derive it again (expertise from contributions).
	 */
	List<PublishedItem> publishedItems(OrgId org, int offset, int limit);

	/**
	 * What the organization's items credit people with, for a contribution ledger that must be able to
	 * derive itself again: each item's first publication (its owner), its last verification after that
	 * (the verifier), each use by someone other than its owner and each helpful vote by someone other
	 * than its owner (both credit the owner). {@code items} are the items to read (at most 1,000); null
	 * reads the organization's items with ids after {@code after} (null: from the first), at most
	 * {@code limit} items (1 to 1,000) by id.
	 */
	CreditPage credits(OrgId org, List<ItemId> items, ItemId after, int limit);

	/** What one kind of activity on an item credits a person with. */
	enum CreditKind {
		PUBLISHED, VERIFIED, REUSED, HELPFUL
	}

	/**
	 * One credit.
	 *
	 * @param person who is credited
	 * @param by who caused it (the approver, the user, the voter), or null
	 * @param at when it happened
	 * @param membersOnly whether the item's space is members-only
	 */
	record Credit(CreditKind kind, ItemId item, Kind itemKind, PersonId person, PersonId by, java.time.Instant at,
			boolean membersOnly) {
	}

	/** Credits of a page of items; {@code last} is the last item read, null when there are no more. */
	record CreditPage(List<Credit> credits, ItemId last) {
	}

	/**
	 * The library's activity figures of a period, per space, for measurement: versions saved by kind, who
	 * saved them, "used this" marks and views, in whole UTC days ({@code from}'s day up to the day before
	 * {@code to}'s; read from daily counts, by the space and kind an item had at the time), and, as of now,
	 * how many published items are past their review-by date. Read-only, whoever asks.
	 */
	LibraryFigures figures(OrgId org, java.time.Instant from, java.time.Instant to);

	/**
	 * Versions saved per person in a period (whole UTC days: {@code from}'s day up to the day before
	 * {@code to}'s), for measurement's drill-down by team; people who saved nothing are not listed.
	 */
	java.util.Map<PersonId, Long> contributionsByPerson(OrgId org, java.time.Instant from, java.time.Instant to);

	/**
	 * The library's figures of a period.
	 *
	 * @param spaces one entry per space of the organization, by name
	 * @param contributors distinct people who saved a version in the period, over all spaces
	 */
	record LibraryFigures(List<SpaceFigures> spaces, long contributors) {
	}

	/**
	 * One space's figures.
	 *
	 * @param contributions versions saved in the period (a new item's first version and every later save), by the item's kind
	 * @param contributors distinct people who saved those versions
	 * @param views times its items were opened in the period
	 * @param reuses "used this" marks in the period
	 * @param published its published items now
	 * @param stale of those, how many are past their review-by date now
	 */
	record SpaceFigures(String spaceKey, String name, boolean membersOnly, java.util.Map<Kind, Long> contributions,
			long contributors, long views, long reuses, long published, long stale) {
	}

	/**
	 * An item as other modules show and link it.
	 *
	 * @param path its page, below the organization's root ({@code items/<id>})
	 * @param tags its tags, lower case, in the author's order
	 * @param membersOnly whether its space is members-only (only the space's members may know it exists)
	 */
	record ItemRef(ItemId id, String title, String summary, Kind kind, ItemStatus status, String spaceKey,
			String spaceName, PersonId owner, boolean stale, String path, List<String> tags, boolean membersOnly) {
	}

	/**
	 * A published item as evidence of its owner's and verifier's knowledge.
	 *
	 * @param publishedAt when it was last approved
	 * @param verifiedBy who last confirmed it is still right, or null
	 * @param verifiedAt when, or null
	 * @param membersOnly whether its space is members-only
	 */
	record PublishedItem(ItemId id, List<String> tags, PersonId owner, java.time.Instant publishedAt,
			PersonId verifiedBy, java.time.Instant verifiedAt, boolean membersOnly) {
	}

	/** A space as other modules show and link it; {@code path} is its page below the organization's root. */
	record SpaceRef(String key, String name, boolean membersOnly, String path) {
	}

	/** A new item from another module. Null tags mean none; a null message is no change note. */
	record NewItem(String spaceKey, Kind kind, String title, String summary, String body, List<String> tags,
			PersonId owner, boolean publish, String message) {
	}
}
