package org.tacit.communities.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.communities.CharterRole;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.search.SearchDocument;
import org.tacit.search.SearchIndex;
import org.tacit.search.SearchSource;
import org.tacit.shared.Markdown;
import org.tacit.shared.Sql;

/**
 * Communities, their questions and discussions, and the replies in them, in the one search box. Each
 * record has its community's visibility (the space's); a question's status is OPEN or ANSWERED, an
 * accepted answer's ACCEPTED, a community's its lifecycle status. Changes reach the index after
 * their transaction commits; the whole module can be offered for a rebuild.
 */
@Component
class CommunitySearch implements SearchSource {

	static final String COMMUNITY = "community";
	static final String QUESTION = "question";
	static final String DISCUSSION = "thread";
	static final String POST = "post";
	private static final int BATCH = 500;

	private final JdbcClient jdbc;
	private final CommunityStore store;
	private final SearchIndex index;
	private final Organizations organizations;

	CommunitySearch(JdbcClient jdbc, CommunityStore store, SearchIndex index, Organizations organizations) {
		this.jdbc = jdbc;
		this.store = store;
		this.index = index;
		this.organizations = organizations;
	}

	@ApplicationModuleListener
	void on(CommunityChanged event) {
		// a community's change may re-read all its threads: one step per organization covers communities, threads and posts
		index.inStep(event.org(), "communities", () -> {
			Names names = new Names();
			Optional<CommunityRow> community = store.row(event.community());
			if (community.isEmpty()) {
				index.remove(event.org(), COMMUNITY, event.community().toString());
				return;
			}
			index.put(community(community.get(), names));
			if (event.threadsToo()) {
				threadsOf(community.get(), names, index::put);
			}
		});
	}

	@ApplicationModuleListener
	void on(ThreadChanged event) {
		index.inStep(event.org(), "communities", () -> {
			Names names = new Names();
			thread(event.thread()).ifPresent(t -> store.row(t.community().value())
				.ifPresent(c -> index.put(thread(c, t, names))));
		});
	}

	@ApplicationModuleListener
	void on(PostChanged event) {
		index.inStep(event.org(), "communities", () -> {
			Names names = new Names();
			post(event.post()).ifPresent(p -> thread(p.threadId())
				.ifPresent(t -> store.row(t.community().value()).ifPresent(c -> index.put(post(c, t, p, names)))));
		});
	}

	@Override
	public String name() {
		return "communities";
	}

	@Override
	public long count() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM communities_community) + (SELECT COUNT(*) FROM communities_thread)
				  + (SELECT COUNT(*) FROM communities_post WHERE opening = FALSE)""").query(Long.class).single();
	}

	@Override
	public void forEach(Consumer<SearchDocument> sink) {
		Names names = new Names();
		for (int offset = 0;; offset += BATCH) {
			List<UUID> ids = jdbc.sql("SELECT id FROM communities_community ORDER BY id LIMIT ? OFFSET ?")
				.params(BATCH, offset)
				.query(UUID.class)
				.list();
			ids.forEach(id -> store.row(id).ifPresent(c -> {
				sink.accept(community(c, names));
				threadsOf(c, names, sink);
			}));
			if (ids.size() < BATCH) {
				return;
			}
		}
	}

	private void threadsOf(CommunityRow community, Names names, Consumer<SearchDocument> sink) {
		List<CommunityThread> threads = jdbc.sql("SELECT * FROM communities_thread WHERE community_id = ? ORDER BY id")
			.param(community.id().value())
			.query((rs, n) -> CommunityThread.of(rs))
			.list();
		for (CommunityThread thread : threads) {
			sink.accept(thread(community, thread, names));
			jdbc.sql("SELECT * FROM communities_post WHERE thread_id = ? AND opening = FALSE ORDER BY id")
				.param(thread.id().value())
				.query((rs, n) -> PostText.of(rs))
				.list()
				.forEach(post -> sink.accept(post(community, thread, post, names)));
		}
	}

	private SearchDocument community(CommunityRow c, Names names) {
		Charter charter = store.charter(c);
		StringBuilder text = new StringBuilder(c.description()).append("\n\n").append(c.purpose());
		text.append("\n\n").append(c.capabilityIntent()).append("\n\n").append(c.rhythm());
		charter.deliverables().forEach(d -> text.append("\n").append(d.description()));
		charter.roles().forEach(r -> text.append("\n").append(r.personName()));
		PersonId owner = charter.holdersOf(CharterRole.LEADER).stream().map(Charter.Role::person).findFirst()
			.orElse(c.createdBy());
		return new SearchDocument(c.org().value(), COMMUNITY, c.id().toString(), null,
				names.url(c.org(), "communities/" + c.id()), c.name(), text.toString(), c.tags(), null, c.status().name(),
				c.spaceKey(), c.name(), owner.value(), names.person(owner), true, c.membersOnly(), false, null,
				c.updatedAt());
	}

	private SearchDocument thread(CommunityRow c, CommunityThread t, Names names) {
		String opening = jdbc.sql("SELECT body FROM communities_post WHERE thread_id = ? AND opening = TRUE")
			.param(t.id().value())
			.query(String.class)
			.optional()
			.orElse("");
		return new SearchDocument(c.org().value(), t.question() ? QUESTION : DISCUSSION, t.id().toString(), null,
				names.url(c.org(), t.path()), t.title(), Markdown.plainText(opening), tags(t, c), null, t.state(),
				c.spaceKey(), c.name(), t.author().value(), names.person(t.author()), true, c.membersOnly(), false, null,
				t.lastPostAt());
	}

	private SearchDocument post(CommunityRow c, CommunityThread t, PostText p, Names names) {
		return new SearchDocument(c.org().value(), POST, p.id().toString(), t.id().toString(),
				names.url(c.org(), t.path() + "#post-" + p.id()), t.title(), Markdown.plainText(p.body()), tags(t, c), null,
				p.id().equals(t.acceptedPost() == null ? null : t.acceptedPost().value()) ? "ACCEPTED" : null, c.spaceKey(),
				c.name(), p.author().value(), names.person(p.author()), true, c.membersOnly(), false, null,
				p.editedAt() != null ? p.editedAt() : p.createdAt());
	}

	private static List<String> tags(CommunityThread t, CommunityRow c) {
		Set<String> tags = new LinkedHashSet<>(t.tags());
		tags.addAll(c.tags());
		return List.copyOf(tags);
	}

	private Optional<CommunityThread> thread(UUID id) {
		return jdbc.sql("SELECT * FROM communities_thread WHERE id = ?")
			.param(id)
			.query((rs, n) -> CommunityThread.of(rs))
			.optional();
	}

	private Optional<PostText> post(UUID id) {
		return jdbc.sql("SELECT * FROM communities_post WHERE id = ? AND opening = FALSE")
			.param(id)
			.query((rs, n) -> PostText.of(rs))
			.optional();
	}

	/** What the index needs of a post. */
	private record PostText(UUID id, UUID threadId, PersonId author, String body, Instant createdAt, Instant editedAt) {

		static PostText of(java.sql.ResultSet rs) throws java.sql.SQLException {
			return new PostText(Sql.uuid(rs, "id"), Sql.uuid(rs, "thread_id"), new PersonId(Sql.uuid(rs, "author_id")),
					rs.getString("body"), Sql.instant(rs, "created_at"), Sql.instant(rs, "edited_at"));
		}
	}

	/** Organization slugs and people's names, looked up once per event or rebuild. */
	private final class Names {

		private final Map<UUID, String> slugs = new HashMap<>();
		private final Map<PersonId, String> people = new HashMap<>();

		String url(OrgId org, String path) {
			String slug = slugs.computeIfAbsent(org.value(), o -> organizations.slug(org).orElse(""));
			return slug.isEmpty() ? "/" + path : "/o/" + slug + "/" + path;
		}

		String person(PersonId person) {
			return people.computeIfAbsent(person, p -> organizations.names(List.of(p)).getOrDefault(p, ""));
		}
	}
}
