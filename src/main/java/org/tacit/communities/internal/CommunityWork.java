package org.tacit.communities.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.WorkSource;
import org.tacit.shared.Sql;

/**
 * The communities' part of "My work": questions in the person's communities that nobody has answered,
 * their own questions with answers to choose from, invitations, and for stewards the requests to
 * join; for leaders, communities that have gone quiet long enough to be called dormant.
 */
@Component
@Order(40)
class CommunityWork implements WorkSource {

	private final CommunityStore store;
	private final HealthService health;
	private final Organizations organizations;
	private final Clock clock;

	CommunityWork(CommunityStore store, HealthService health, Organizations organizations, Clock clock) {
		this.store = store;
		this.health = health;
		this.organizations = organizations;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<WorkItem> workFor(OrgAccess access, int limit) {
		List<WorkItem> work = new ArrayList<>();
		store.visible(access, """
				SELECT t.id, t.title, c.name,
				  (SELECT COUNT(*) FROM communities_mention x JOIN communities_post p ON p.id = x.post_id
				   WHERE p.thread_id = t.id AND x.person_id = :me) AS mentions
				FROM communities_thread t
				JOIN communities_community c ON c.id = t.community_id
				JOIN communities_member m ON m.community_id = c.id AND m.person_id = :me AND m.status = 'MEMBER'
				WHERE t.question = TRUE AND t.first_answer_at IS NULL AND t.author_id <> :me
				  AND c.status IN ('LAUNCHED', 'ACTIVE', 'DORMANT') AND """ + CommunityStore.VISIBLE + """
				 ORDER BY mentions DESC, t.created_at, t.id LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> new WorkItem("mywork.communities.unanswered", rs.getString("title"),
					"threads/" + Sql.uuid(rs, "id"), null,
					rs.getLong("mentions") > 0 ? "mywork.communities.mentionsYou" : "mywork.communities.in",
					rs.getString("name")))
			.list()
			.forEach(work::add);
		store.visible(access, """
				SELECT t.id, t.title, t.replies FROM communities_thread t
				JOIN communities_community c ON c.id = t.community_id
				WHERE t.question = TRUE AND t.author_id = :me AND t.accepted_post_id IS NULL AND t.first_answer_at IS NOT NULL
				  AND c.status <> 'RETIRED' AND """ + CommunityStore.VISIBLE + " ORDER BY t.last_post_at DESC, t.id LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new WorkItem("mywork.communities.accept", rs.getString("title"),
					"threads/" + Sql.uuid(rs, "id"), null, "mywork.communities.replies",
					Integer.toString(rs.getInt("replies"))))
			.list()
			.forEach(work::add);
		store.visible(access, """
				SELECT c.id, c.name FROM communities_community c
				JOIN communities_member m ON m.community_id = c.id AND m.person_id = :me AND m.status = 'INVITED'
				WHERE c.status <> 'RETIRED' AND """ + CommunityStore.VISIBLE + " ORDER BY m.created_at LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new WorkItem("mywork.communities.invitations", rs.getString("name"),
					"communities/" + Sql.uuid(rs, "id"), null, null, null))
			.list()
			.forEach(work::add);
		requests(access, limit).forEach(work::add);
		dormant(access, limit).forEach(work::add);
		return work;
	}

	/** Requests to join the communities where the person is a sponsor, leader or facilitator. */
	private List<WorkItem> requests(OrgAccess access, int limit) {
		record Request(UUID community, String name, PersonId person) {
		}
		List<Request> requests = store.visible(access, """
				SELECT c.id, c.name, m.person_id FROM communities_member m
				JOIN communities_community c ON c.id = m.community_id
				WHERE m.status = 'REQUESTED' AND c.status <> 'RETIRED' AND EXISTS (SELECT 1 FROM communities_role r
				  WHERE r.community_id = c.id AND r.person_id = :me AND r.role IN ('SPONSOR', 'LEADER', 'FACILITATOR'))
				  AND """ + CommunityStore.VISIBLE + " ORDER BY m.created_at LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new Request(Sql.uuid(rs, "id"), rs.getString("name"), new PersonId(Sql.uuid(rs, "person_id"))))
			.list();
		Map<PersonId, String> names = organizations.names(requests.stream().map(Request::person).toList());
		return requests.stream()
			.map(r -> new WorkItem("mywork.communities.requests", names.getOrDefault(r.person(), ""),
					"communities/" + r.community() + "/members", null, "mywork.communities.wantsToJoin", r.name()))
			.toList();
	}

	/** The person's communities as a leader that have been quiet for the configured time. */
	private List<WorkItem> dormant(OrgAccess access, int limit) {
		return store.visible(access, """
				SELECT c.* FROM communities_community c
				WHERE c.status IN ('LAUNCHED', 'ACTIVE') AND EXISTS (SELECT 1 FROM communities_role r
				  WHERE r.community_id = c.id AND r.person_id = :me AND r.role = 'LEADER')
				  AND """ + CommunityStore.VISIBLE + " ORDER BY c.name_key, c.id")
			.query((rs, n) -> CommunityRow.of(rs))
			.list()
			.stream()
			.filter(health::dormantSuggested)
			.limit(limit)
			.map(c -> new WorkItem("mywork.communities.dormant", c.name(), "communities/" + c.id(), null,
					"mywork.communities.dormant.note", Long.toString(ChronoUnit.MONTHS
						.between(c.activeSince().atOffset(ZoneOffset.UTC), clock.instant().atOffset(ZoneOffset.UTC)))))
			.toList();
	}
}
