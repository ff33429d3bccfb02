package org.tacit.communities.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.communities.CommunityId;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.RecordLookup;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Sql;
import org.tacit.shared.Texts;

/**
 * Communities, threads and posts as other modules link to them: types {@code community},
 * {@code thread} (any thread), {@code question} (only questions) and {@code post}, each with its
 * community's visibility.
 */
@Component
class CommunityRecords implements RecordLookup {

	private final JdbcClient jdbc;
	private final CommunityStore store;
	private final Organizations organizations;
	private final Texts texts;

	CommunityRecords(JdbcClient jdbc, CommunityStore store, Organizations organizations, Texts texts) {
		this.jdbc = jdbc;
		this.store = store;
		this.organizations = organizations;
		this.texts = texts;
	}

	@Override
	public Set<String> types() {
		return Set.of(CommunitySearch.COMMUNITY, CommunitySearch.DISCUSSION, CommunitySearch.QUESTION,
				CommunitySearch.POST);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<RecordRef> find(UUID org, String type, String id, UUID viewer) {
		Optional<UUID> uuid = Checks.uuid(id);
		if (uuid.isEmpty()) {
			return Optional.empty();
		}
		Optional<OrgAccess> access = viewer == null ? Optional.empty()
				: organizations.memberAccess(new OrgId(org), new PersonId(viewer));
		if (viewer != null && access.isEmpty()) {
			return Optional.empty();
		}
		record Found(UUID community, RecordRef ref) {
		}
		Optional<Found> found = switch (type) {
			case CommunitySearch.COMMUNITY -> store.row(new OrgId(org), new CommunityId(uuid.get()))
				.map(c -> new Found(c.id().value(), new RecordRef(type, id, c.name(), "communities/" + c.id())));
			case CommunitySearch.POST -> jdbc.sql("""
					SELECT p.community_id, p.thread_id, p.opening, p.author_id, t.title, t.question
					FROM communities_post p JOIN communities_thread t ON t.id = p.thread_id
					WHERE p.org_id = ? AND p.id = ?""")
				.params(org, uuid.get())
				.query((rs, n) -> {
					String author = organizations.names(java.util.List.of(new PersonId(Sql.uuid(rs, "author_id"))))
						.values()
						.stream()
						.findFirst()
						.orElse("");
					String kind = rs.getBoolean("opening") ? "community.record.opening"
							: rs.getBoolean("question") ? "community.record.answer" : "community.record.reply";
					return new Found(Sql.uuid(rs, "community_id"), new RecordRef(type, id,
							texts.get(kind, author, rs.getString("title")),
							"threads/" + Sql.uuid(rs, "thread_id") + "#post-" + id));
				})
				.optional();
			default -> jdbc.sql("SELECT community_id, title, question FROM communities_thread WHERE org_id = ? AND id = ?")
				.params(org, uuid.get())
				.query((rs, n) -> Map.entry(rs.getBoolean("question"), new Found(Sql.uuid(rs, "community_id"),
						new RecordRef(type, id, rs.getString("title"), "threads/" + id))))
				.optional()
				.filter(e -> e.getKey() || type.equals(CommunitySearch.DISCUSSION))
				.map(Map.Entry::getValue);
		};
		return found.filter(f -> access.isEmpty() || store.visibleTo(access.get(), new CommunityId(f.community())))
			.map(Found::ref);
	}
}
