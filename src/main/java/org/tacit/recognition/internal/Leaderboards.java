package org.tacit.recognition.internal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.communities.CommunitiesOfPractice;
import org.tacit.communities.CommunityId;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/**
 * Leaderboards: the people with the most points in a period, in the organization or among a community's
 * members. Off by default (an empty board that says so); an organization switches them on in its settings.
 */
@Service
public class Leaderboards {

	/** People ranked at most: a leaderboard is about the top, not about everyone. */
	public static final int RANKED = 100;

	private final Ledger ledger;
	private final SettingsService settings;
	private final CommunitiesOfPractice communities;
	private final Organizations organizations;

	Leaderboards(Ledger ledger, SettingsService settings, CommunitiesOfPractice communities, Organizations organizations) {
		this.ledger = ledger;
		this.settings = settings;
		this.communities = communities;
		this.organizations = organizations;
	}

	/** One place: rank (from 1), the person and their points and entries. */
	public record Place(int rank, PersonId person, String name, long points, long entries) {
	}

	/** The ranking, with the community it is for (null: the organization); empty and not enabled while off. */
	public record Board(boolean enabled, CommunitiesOfPractice.CommunityRef community, Page<Place> places) {
	}

	@Transactional(readOnly = true)
	public Board board(OrgAccess caller, Period period, String community, Paging paging) {
		if (!settings.of(caller.orgId()).leaderboardsEnabled()) {
			return new Board(false, null, paging.of(List.of(), 0));
		}
		CommunitiesOfPractice.CommunityRef ref = null;
		if (community != null && !community.isBlank()) {
			CommunityId id;
			try {
				id = new CommunityId(java.util.UUID.fromString(community.strip()));
			}
			catch (IllegalArgumentException e) {
				throw ProblemException.invalid("community", "recognition.community.unknown");
			}
			ref = communities.community(caller, id)
				.orElseThrow(() -> ProblemException.invalid("community", "recognition.community.unknown"));
		}
		// ranked over more people than shown, so that a community's members still fill the board
		List<Ledger.Ranked> ranked = ledger.ranking(caller.orgId(), period.start(), period.end(), RANKED * 10);
		if (ref != null) {
			CommunityId id = ref.id();
			ranked = ranked.stream()
				.filter(r -> communities.communitiesOf(caller.orgId(), r.person()).stream().anyMatch(c -> c.id().equals(id)))
				.toList();
		}
		ranked = ranked.stream().limit(RANKED).toList();
		Map<PersonId, String> names = organizations.names(ranked.stream().map(Ledger.Ranked::person).toList());
		List<Place> places = new java.util.ArrayList<>();
		for (int i = 0; i < ranked.size(); i++) {
			Ledger.Ranked r = ranked.get(i);
			places.add(new Place(i + 1, r.person(), names.get(r.person()), r.points(), r.entries()));
		}
		return new Board(true, ref, paging.slice(places));
	}
}
