package org.tacit.communities.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.communities.CommunitiesOfPractice;
import org.tacit.communities.CommunityHealth;
import org.tacit.communities.CommunityId;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** The module's facade for other modules ({@link CommunitiesOfPractice}). */
@Service
class CommunitiesFacade implements CommunitiesOfPractice {

	private final JdbcClient jdbc;
	private final CommunityStore store;
	private final HealthService health;

	CommunitiesFacade(JdbcClient jdbc, CommunityStore store, HealthService health) {
		this.jdbc = jdbc;
		this.store = store;
		this.health = health;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CommunityRef> community(OrgAccess caller, CommunityId id) {
		return store.find(caller, id)
			.map(c -> new CommunityRef(c.id(), c.name(), c.status(), c.tags(), c.spaceKey(), c.path()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<CommunityRef> communitiesOf(OrgId org, PersonId person) {
		return jdbc.sql("""
				SELECT c.* FROM communities_community c JOIN communities_member m ON m.community_id = c.id
				WHERE c.org_id = ? AND m.person_id = ? AND m.status = 'MEMBER' ORDER BY c.name_key, c.id""")
			.params(org.value(), person.value())
			.query((rs, n) -> CommunityRow.of(rs))
			.list()
			.stream()
			.map(CommunitiesFacade::ref)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<CommunityHealth> health(OrgId org, CommunityId id) {
		return store.row(org, id).map(health::of);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CommunityHealth> health(OrgId org) {
		return store.rows(org).stream().map(health::of).toList();
	}

	static CommunityRef ref(CommunityRow c) {
		return new CommunityRef(c.id(), c.name(), c.status(), c.tags(), c.spaceKey(), "communities/" + c.id());
	}
}
