package org.tacit.communities.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.communities.CharterRole;
import org.tacit.communities.CommunitiesOfPractice;
import org.tacit.communities.CommunityHealth;
import org.tacit.communities.CommunityId;
import org.tacit.communities.ThreadId;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Sql;

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
	@Override
	@Transactional(readOnly = true)
	public Optional<Credit> acceptedAnswer(OrgId org, ThreadId question) {
		return answers(org, "AND t.id = ?", question.value()).stream().findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Credit> acceptedAnswers(OrgId org) {
		return answers(org, "", null);
	}

	private List<Credit> answers(OrgId org, String condition, Object parameter) {
		var query = jdbc.sql("""
				SELECT p.author_id, t.id, t.tags, c.tags AS domain, c.members_only, t.accepted_at
				FROM communities_thread t JOIN communities_post p ON p.id = t.accepted_post_id
				JOIN communities_community c ON c.id = t.community_id
				WHERE t.org_id = ? %s ORDER BY t.accepted_at, t.id""".formatted(condition))
			.param(org.value());
		if (parameter != null) {
			query = query.param(parameter);
		}
		return query.query((rs, n) -> {
			java.util.Set<String> tags = new java.util.LinkedHashSet<>(Checks.joined(rs.getString("tags")));
			tags.addAll(Checks.joined(rs.getString("domain")));
			return new Credit(new PersonId(Sql.uuid(rs, "author_id")), Sql.uuid(rs, "id"), List.copyOf(tags),
					Sql.instant(rs, "accepted_at"), rs.getBoolean("members_only"));
		}).list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<RoleHolder> roleHolders(OrgId org, CommunityId community) {
		var query = jdbc.sql("""
				SELECT r.person_id, r.role, c.id, c.tags, c.members_only, COALESCE(c.launched_at, c.created_at) AS since
				FROM communities_role r JOIN communities_community c ON c.id = r.community_id
				WHERE c.org_id = ? %s ORDER BY c.id, r.position""".formatted(community == null ? "" : "AND c.id = ?"))
			.param(org.value());
		if (community != null) {
			query = query.param(community.value());
		}
		return query
			.query((rs, n) -> new RoleHolder(new CommunityId(Sql.uuid(rs, "id")), new PersonId(Sql.uuid(rs, "person_id")),
					CharterRole.valueOf(rs.getString("role")), Sql.instant(rs, "since"), Checks.joined(rs.getString("tags")),
					rs.getBoolean("members_only")))
			.list();
	}
}
