package org.tacit.communities.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.communities.AnswerAccepted;
import org.tacit.communities.AnswerPosted;
import org.tacit.communities.AnswerPromoted;
import org.tacit.communities.CommunityId;
import org.tacit.communities.CommunityStatus;
import org.tacit.communities.MemberMentioned;
import org.tacit.communities.PostId;
import org.tacit.communities.QuestionAsked;
import org.tacit.communities.ThreadId;
import org.tacit.library.ItemId;
import org.tacit.library.Kind;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.search.KnowledgeSearch;
import org.tacit.shared.Markdown;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/**
 * Discussions and Q&A: threads with Markdown posts (refused when they hold HTML the sanitizer would
 * remove, rendered through it), replies, mentions of members, up-votes, one accepted answer per
 * question (chosen by the asker or a leader), and answers promoted into FAQ items of the community's
 * space, owned by the answer's author.
 */
@Service
public class ThreadService {

	public static final int TITLE_MAX = 200;
	public static final int BODY_MAX = 20_000;
	public static final int TAGS_MAX = 10;
	public static final int MENTIONS_MAX = 20;
	public static final int SIMILAR = 5;
	/** A member named as @ and their email address; not an email address itself (no word or @ before it). */
	static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

	private final JdbcClient jdbc;
	private final CommunityStore store;
	private final CommunityService communities;
	private final KnowledgeLibrary library;
	private final KnowledgeSearch search;
	private final Organizations organizations;
	private final Markdown markdown;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ThreadService(JdbcClient jdbc, CommunityStore store, CommunityService communities, KnowledgeLibrary library,
			KnowledgeSearch search, Organizations organizations, Markdown markdown, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.communities = communities;
		this.library = library;
		this.search = search;
		this.organizations = organizations;
		this.markdown = markdown;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A new thread: a question when {@code question} is true, else a discussion. */
	public record NewThread(String title, String body, Boolean question, List<String> tags) {
	}

	/** What a thread list can be narrowed to; null means any. */
	public record Filter(Boolean question, Boolean answered) {
	}

	/** A thread with its opening post and a page of its replies (a question's accepted and best answers first). */
	public record Conversation(Community community, CommunityThread thread, Post opening, Page<Post> replies) {
	}

	// ---- reading

	@Transactional(readOnly = true)
	public Page<CommunityThread> threads(OrgAccess access, CommunityId id, Filter filter, Paging paging) {
		store.find(access, id).orElseThrow(ProblemException::notFound);
		StringBuilder where = new StringBuilder("community_id = :community");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("community", id.value());
		if (filter.question() != null) {
			where.append(" AND question = :question");
			params.put("question", filter.question());
		}
		if (filter.answered() != null) {
			where.append(filter.answered() ? " AND accepted_post_id IS NOT NULL" : " AND accepted_post_id IS NULL");
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM communities_thread WHERE " + where).params(params).query(Long.class).single();
		List<CommunityThread> threads = jdbc.sql("SELECT * FROM communities_thread WHERE " + where
				+ " ORDER BY last_post_at DESC, id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> CommunityThread.of(rs))
			.list();
		return paging.of(named(threads), total);
	}

	private List<CommunityThread> named(List<CommunityThread> threads) {
		Map<PersonId, String> names = organizations.names(threads.stream().map(CommunityThread::author).toList());
		return threads.stream().map(t -> t.withAuthorName(names.getOrDefault(t.author(), ""))).toList();
	}

	/** A thread the caller may see (its community's visibility); empty otherwise. */
	@Transactional(readOnly = true)
	public Optional<CommunityThread> thread(OrgAccess access, String id) {
		return Checks.uuid(id)
			.flatMap(uuid -> jdbc.sql("SELECT * FROM communities_thread WHERE id = ? AND org_id = ?")
				.params(uuid, access.orgId().value())
				.query((rs, n) -> CommunityThread.of(rs))
				.optional())
			.filter(t -> store.visibleTo(access, t.community()))
			.map(t -> named(List.of(t)).get(0));
	}

	@Transactional(readOnly = true)
	public Conversation conversation(OrgAccess access, String threadId, Paging paging) {
		CommunityThread thread = thread(access, threadId).orElseThrow(ProblemException::notFound);
		Community community = store.find(access, thread.community()).orElseThrow(ProblemException::notFound);
		String order = thread.question()
				? " ORDER BY CASE WHEN id = :accepted THEN 0 ELSE 1 END, votes DESC, created_at, id"
				: " ORDER BY created_at, id";
		List<PostRow> opening = jdbc.sql("SELECT * FROM communities_post WHERE thread_id = ? AND opening = TRUE")
			.param(thread.id().value())
			.query((rs, n) -> PostRow.of(rs))
			.list();
		long total = jdbc.sql("SELECT COUNT(*) FROM communities_post WHERE thread_id = ? AND opening = FALSE")
			.param(thread.id().value())
			.query(Long.class)
			.single();
		List<PostRow> replies = jdbc.sql("SELECT * FROM communities_post WHERE thread_id = :thread AND opening = FALSE"
				+ order + " LIMIT :limit OFFSET :offset")
			.param("thread", thread.id().value())
			.param("accepted", thread.acceptedPost() == null ? new UUID(0, 0) : thread.acceptedPost().value())
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> PostRow.of(rs))
			.list();
		List<PostRow> all = new ArrayList<>(opening);
		all.addAll(replies);
		List<Post> posts = posts(access, community, thread, all);
		return new Conversation(community, thread, posts.get(0), paging.of(posts.subList(1, posts.size()), total));
	}

	/** A post the caller may see, with what they may do with it. */
	@Transactional(readOnly = true)
	public Optional<Post> post(OrgAccess access, String id) {
		return row(access, id).flatMap(row -> {
			CommunityThread thread = thread(access, row.thread().toString()).orElse(null);
			Community community = thread == null ? null : store.find(access, thread.community()).orElse(null);
			return community == null ? Optional.empty()
					: Optional.of(posts(access, community, thread, List.of(row)).get(0));
		});
	}

	/** Similar questions that already have an accepted answer, among those the caller may see. */
	public List<KnowledgeSearch.Found> similarAnswered(OrgAccess access, String text, String excludeThread) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String like = text.length() > BODY_MAX ? text.substring(0, BODY_MAX) : text;
		return search.related(access, like, Set.of(CommunitySearch.QUESTION), excludeThread == null ? Set.of()
				: Set.of(excludeThread), 4 * SIMILAR)
			.stream()
			.filter(found -> "ANSWERED".equals(found.status()))
			.limit(SIMILAR)
			.toList();
	}

	// ---- writing

	/** A member of a launched community starts a discussion or asks a question. */
	@Transactional
	public CommunityThread start(OrgAccess access, CommunityId id, NewThread request) {
		Community community = store.find(access, id).orElseThrow(ProblemException::notFound);
		requirePosting(community);
		String title = Checks.required("title", request.title(), TITLE_MAX);
		String body = body(request.body());
		List<String> tags = Checks.tags("tags", request.tags(), TAGS_MAX);
		boolean question = Boolean.TRUE.equals(request.question());
		CommunityRow row = store.row(access.orgId(), id).orElseThrow();
		Map<String, PersonId> mentions = mentions(row, body);
		ThreadId thread = ThreadId.random();
		PostId post = PostId.random();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO communities_thread (id, org_id, community_id, title, question, tags, author_id, created_at,
				  last_post_at, replies, first_answer_at, accepted_post_id, accepted_by, accepted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL, NULL, NULL)""")
			.params(thread.value(), access.orgId().value(), id.value(), title, question, String.join(",", tags),
					access.personId().value(), Sql.utc(now), Sql.utc(now))
			.update();
		insertPost(row, thread, post, access.personId(), body, true, null, now);
		writeMentions(row, thread, post, access.personId(), mentions, Set.of());
		communities.activity(row, access.personId(), now);
		audit.record(access.orgId(), question ? "question.asked" : "discussion.started", "thread", thread.toString(),
				title);
		if (question) {
			events.publishEvent(new QuestionAsked(access.orgId(), id, thread, title, access.personId(),
					union(tags, row.tags())));
		}
		events.publishEvent(new ThreadChanged(access.orgId().value(), thread.value()));
		return thread(access, thread.toString()).orElseThrow();
	}

	/** A member replies to a thread, optionally to one post of it; a reply to a question is an answer. */
	@Transactional
	public Post reply(OrgAccess access, String threadId, String body, String replyTo) {
		CommunityThread thread = thread(access, threadId).orElseThrow(ProblemException::notFound);
		Community community = store.find(access, thread.community()).orElseThrow(ProblemException::notFound);
		requirePosting(community);
		String checked = body(body);
		PostId parent = null;
		if (replyTo != null && !replyTo.isBlank()) {
			parent = row(access, replyTo).filter(p -> p.thread().equals(thread.id()))
				.map(PostRow::id)
				.orElseThrow(() -> ProblemException.invalid("replyTo", "post.replyTo.unknown"));
		}
		CommunityRow row = store.row(access.orgId(), community.id()).orElseThrow();
		Map<String, PersonId> mentions = mentions(row, checked);
		PostId post = PostId.random();
		Instant now = clock.instant();
		insertPost(row, thread.id(), post, access.personId(), checked, false, parent, now);
		boolean answer = thread.question() && !thread.author().equals(access.personId());
		jdbc.sql("UPDATE communities_thread SET replies = replies + 1, last_post_at = ? WHERE id = ?")
			.params(Sql.utc(now), thread.id().value())
			.update();
		if (answer) {
			jdbc.sql("UPDATE communities_thread SET first_answer_at = ? WHERE id = ? AND first_answer_at IS NULL")
				.params(Sql.utc(now), thread.id().value())
				.update();
		}
		writeMentions(row, thread.id(), post, access.personId(), mentions, Set.of());
		communities.activity(row, access.personId(), now);
		audit.record(access.orgId(), "post.added", "thread", thread.id().toString(), "post " + post);
		if (answer) {
			events.publishEvent(new AnswerPosted(access.orgId(), community.id(), thread.id(), post, access.personId()));
		}
		events.publishEvent(new PostChanged(access.orgId().value(), post.value()));
		return post(access, post.toString()).orElseThrow();
	}

	/** The author changes their post while the community is not retired. */
	@Transactional
	public Post edit(OrgAccess access, String postId, String body) {
		Post post = post(access, postId).orElseThrow(ProblemException::notFound);
		requireNotRetired(post);
		if (!post.canEdit()) {
			throw ProblemException.forbidden();
		}
		String checked = body(body);
		CommunityThread thread = thread(access, post.thread().toString()).orElseThrow();
		CommunityRow row = store.row(access.orgId(), thread.community()).orElseThrow();
		Map<String, PersonId> mentions = mentions(row, checked);
		Set<PersonId> before = Set.copyOf(jdbc.sql("SELECT person_id FROM communities_mention WHERE post_id = ?")
			.param(post.id().value())
			.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
			.list());
		jdbc.sql("UPDATE communities_post SET body = ?, edited_at = ? WHERE id = ?")
			.params(checked, Sql.utc(clock.instant()), post.id().value())
			.update();
		jdbc.sql("DELETE FROM communities_mention WHERE post_id = ?").param(post.id().value()).update();
		writeMentions(row, thread.id(), post.id(), access.personId(), mentions, before);
		audit.record(access.orgId(), "post.edited", "thread", thread.id().toString(), "post " + post.id());
		events.publishEvent(post.opening() ? new ThreadChanged(access.orgId().value(), thread.id().value())
				: new PostChanged(access.orgId().value(), post.id().value()));
		return post(access, postId).orElseThrow();
	}

	/** The asker or a leader marks the answer that solved the question; another choice replaces it. */
	@Transactional
	public CommunityThread accept(OrgAccess access, String postId) {
		Post post = post(access, postId).orElseThrow(ProblemException::notFound);
		requireNotRetired(post);
		CommunityThread thread = thread(access, post.thread().toString()).orElseThrow();
		if (!thread.question() || post.opening()) {
			throw ProblemException.conflict(null, "post.accept.notAnswer");
		}
		if (!post.canAccept()) {
			throw ProblemException.forbidden();
		}
		if (post.accepted()) {
			return thread;
		}
		Instant now = clock.instant();
		jdbc.sql("UPDATE communities_thread SET accepted_post_id = ?, accepted_by = ?, accepted_at = ? WHERE id = ?")
			.params(post.id().value(), access.personId().value(), Sql.utc(now), thread.id().value())
			.update();
		CommunityRow row = store.row(access.orgId(), thread.community()).orElseThrow();
		audit.record(access.orgId(), "answer.accepted", "thread", thread.id().toString(), "post " + post.id());
		events.publishEvent(new AnswerAccepted(access.orgId(), thread.community(), thread.id(), post.id(), post.author(),
				access.personId(), union(thread.tags(), row.tags())));
		events.publishEvent(new ThreadChanged(access.orgId().value(), thread.id().value()));
		events.publishEvent(new PostChanged(access.orgId().value(), post.id().value()));
		if (thread.acceptedPost() != null) {
			events.publishEvent(new PostChanged(access.orgId().value(), thread.acceptedPost().value()));
		}
		return thread(access, thread.id().toString()).orElseThrow();
	}

	/** A member up-votes someone else's post (once), or takes the vote back. */
	@Transactional
	public Post vote(OrgAccess access, String postId, boolean up) {
		Post post = post(access, postId).orElseThrow(ProblemException::notFound);
		requireNotRetired(post);
		if (post.author().equals(access.personId())) {
			throw ProblemException.conflict(null, "post.vote.own");
		}
		if (!post.canVote()) {
			throw ProblemException.forbidden();
		}
		if (up && !post.votedByMe()) {
			jdbc.sql("INSERT INTO communities_vote (post_id, person_id, created_at) VALUES (?, ?, ?)")
				.params(post.id().value(), access.personId().value(), Sql.utc(clock.instant()))
				.update();
		}
		else if (!up) {
			jdbc.sql("DELETE FROM communities_vote WHERE post_id = ? AND person_id = ?")
				.params(post.id().value(), access.personId().value())
				.update();
		}
		jdbc.sql("UPDATE communities_post SET votes = (SELECT COUNT(*) FROM communities_vote WHERE post_id = ?) WHERE id = ?")
			.params(post.id().value(), post.id().value())
			.update();
		return post(access, postId).orElseThrow();
	}

	/**
	 * A steward turns an answer into a published FAQ item of the community's space: the question and the
	 * answer, owned by the answer's author. An answer is promoted once.
	 */
	@Transactional
	public KnowledgeLibrary.ItemRef promote(OrgAccess access, String postId) {
		Post post = post(access, postId).orElseThrow(ProblemException::notFound);
		requireNotRetired(post);
		CommunityThread thread = thread(access, post.thread().toString()).orElseThrow();
		if (!thread.question() || post.opening()) {
			throw ProblemException.conflict(null, "post.promote.notAnswer");
		}
		if (post.promotedItem() != null) {
			throw ProblemException.conflict(null, "post.promote.done");
		}
		if (!post.canPromote()) {
			throw ProblemException.forbidden();
		}
		CommunityRow row = store.row(access.orgId(), thread.community()).orElseThrow();
		Post opening = conversation(access, thread.id().toString(), new Paging(0, 1)).opening();
		String body = opening.body().strip() + "\n\n---\n\n" + post.body().strip() + "\n\n*"
				+ escape(post.authorName()) + ", in [" + escape(row.name()) + "](/o/" + access.slug() + "/" + thread.path()
				+ ")*\n";
		String summary = Markdown.plainText(opening.body()).strip().replaceAll("\\s+", " ");
		KnowledgeLibrary.ItemRef item = library.createItem(access, new KnowledgeLibrary.NewItem(row.spaceKey(), Kind.FAQ,
				thread.title(), summary.length() > 300 ? summary.substring(0, 299) + "…" : summary, body,
				union(thread.tags(), row.tags()).stream().limit(20).toList(), post.author(), true,
				"Promoted from an answer in " + row.name()));
		jdbc.sql("UPDATE communities_post SET promoted_item_id = ? WHERE id = ?")
			.params(item.id().value(), post.id().value())
			.update();
		audit.record(access.orgId(), "answer.promoted", "thread", thread.id().toString(),
				"post " + post.id() + " → item " + item.id());
		events.publishEvent(new AnswerPromoted(access.orgId(), post.id(), item.id(), post.author()));
		return item;
	}

	// ---- parts

	private static void requirePosting(Community community) {
		if (!community.status().open()) {
			throw ProblemException.conflict(null, community.status() == CommunityStatus.RETIRED ? "community.retired"
					: "community.notLaunched");
		}
		if (!community.member()) {
			throw ProblemException.forbidden();
		}
	}

	/** A retired community is read-only: 409 for every change in it. */
	private void requireNotRetired(Post post) {
		boolean retired = jdbc.sql("""
				SELECT COUNT(*) FROM communities_post p JOIN communities_community c ON c.id = p.community_id
				WHERE p.id = ? AND c.status = 'RETIRED'""")
			.param(post.id().value())
			.query(Long.class)
			.single() > 0;
		if (retired) {
			throw ProblemException.conflict(null, "community.retired");
		}
	}

	/** A post body: required, within the limit, and without HTML the sanitizer would have to take out. */
	private String body(String body) {
		Checks.required("body", body, Integer.MAX_VALUE);
		String checked = body.stripTrailing();
		if (checked.length() > BODY_MAX) {
			throw ProblemException.invalid("body", "problem.field.tooLong", BODY_MAX);
		}
		List<String> unsafe = markdown.unsafeParts(checked);
		if (!unsafe.isEmpty()) {
			throw ProblemException.invalid("body", "post.body.unsafe", String.join(", ", unsafe));
		}
		return checked;
	}

	/** The members of the community the text names as @email (lower-case email to person). */
	private Map<String, PersonId> mentions(CommunityRow community, String body) {
		Map<String, PersonId> found = new LinkedHashMap<>();
		Matcher m = MENTION.matcher(body);
		while (m.find()) {
			String email = m.group(1).toLowerCase(Locale.ROOT);
			if (found.containsKey(email)) {
				continue;
			}
			organizations.findMember(community.org(), email)
				.filter(Organizations.Member::active)
				.filter(member -> store.membership(community.id(), member.id()).orElse(null) == MemberStatus.MEMBER)
				.ifPresent(member -> found.put(email, member.id()));
			if (found.size() > MENTIONS_MAX) {
				throw ProblemException.invalid("body", "post.mentions.tooMany", MENTIONS_MAX);
			}
		}
		return found;
	}

	private void writeMentions(CommunityRow community, ThreadId thread, PostId post, PersonId by,
			Map<String, PersonId> mentions, Set<PersonId> before) {
		for (PersonId person : new LinkedHashSet<>(mentions.values())) {
			jdbc.sql("INSERT INTO communities_mention (post_id, person_id) VALUES (?, ?)")
				.params(post.value(), person.value())
				.update();
			if (!before.contains(person) && !person.equals(by)) {
				events.publishEvent(new MemberMentioned(community.org(), community.id(), thread, post, person, by));
			}
		}
	}

	private void insertPost(CommunityRow community, ThreadId thread, PostId post, PersonId author, String body,
			boolean opening, PostId replyTo, Instant now) {
		jdbc.sql("""
				INSERT INTO communities_post (id, org_id, community_id, thread_id, author_id, body, opening, reply_to, votes,
				  promoted_item_id, created_at, edited_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, NULL)""")
			.params(post.value(), community.org().value(), community.id().value(), thread.value(), author.value(), body,
					opening, replyTo == null ? null : replyTo.value(), Sql.utc(now))
			.update();
	}

	private Optional<PostRow> row(OrgAccess access, String id) {
		return Checks.uuid(id)
			.flatMap(uuid -> jdbc.sql("SELECT * FROM communities_post WHERE id = ? AND org_id = ?")
				.params(uuid, access.orgId().value())
				.query((rs, n) -> PostRow.of(rs))
				.optional());
	}

	/** A post's columns. */
	record PostRow(PostId id, ThreadId thread, PersonId author, String body, boolean opening, PostId replyTo, int votes,
			ItemId promotedItem, Instant createdAt, Instant editedAt) {

		static PostRow of(java.sql.ResultSet rs) throws java.sql.SQLException {
			UUID replyTo = Sql.uuid(rs, "reply_to");
			UUID item = Sql.uuid(rs, "promoted_item_id");
			return new PostRow(new PostId(Sql.uuid(rs, "id")), new ThreadId(Sql.uuid(rs, "thread_id")),
					new PersonId(Sql.uuid(rs, "author_id")), rs.getString("body"), rs.getBoolean("opening"),
					replyTo == null ? null : new PostId(replyTo), rs.getInt("votes"), item == null ? null : new ItemId(item),
					Sql.instant(rs, "created_at"), Sql.instant(rs, "edited_at"));
		}
	}

	/** Posts as the viewer sees them: authors' names, mentions as links, their votes and what they may do. */
	private List<Post> posts(OrgAccess access, Community community, CommunityThread thread, List<PostRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = rows.stream().map(r -> r.id().value()).toList();
		Set<UUID> voted = Set.copyOf(jdbc.sql("SELECT post_id FROM communities_vote WHERE person_id = :me AND post_id IN (:ids)")
			.param("me", access.personId().value())
			.param("ids", ids)
			.query((rs, n) -> Sql.uuid(rs, "post_id"))
			.list());
		Map<UUID, List<PersonId>> mentioned = new HashMap<>();
		jdbc.sql("SELECT post_id, person_id FROM communities_mention WHERE post_id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "post_id"), new PersonId(Sql.uuid(rs, "person_id"))))
			.list()
			.forEach(e -> mentioned.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Set<PersonId> people = new LinkedHashSet<>();
		rows.forEach(r -> people.add(r.author()));
		mentioned.values().forEach(people::addAll);
		Map<PersonId, String> names = organizations.names(people);
		Map<PersonId, String> emails = new HashMap<>();
		mentioned.values().stream().flatMap(List::stream).distinct().forEach(p -> emails.put(p,
				organizations.findMember(access.orgId(), p.toString()).map(Organizations.Member::email).orElse("")));
		boolean readOnly = community.status() == CommunityStatus.RETIRED;
		boolean mayAccept = thread.question() && !readOnly
				&& (thread.author().equals(access.personId()) || community.leader());
		return rows.stream().map(r -> {
			boolean mine = r.author().equals(access.personId());
			boolean accepted = r.id().equals(thread.acceptedPost());
			String html = markdown.toHtml(linkMentions(access, community, r.body(),
					mentioned.getOrDefault(r.id().value(), List.of()), names, emails));
			return new Post(r.id(), r.thread(), r.author(), names.getOrDefault(r.author(), ""), r.body(), html,
					r.opening(), r.replyTo(), r.votes(), voted.contains(r.id().value()), r.promotedItem(), r.createdAt(),
					r.editedAt(), accepted, mine && !readOnly, !mine && community.member() && community.status().open(),
					mayAccept && !r.opening() && !accepted,
					thread.question() && !r.opening() && r.promotedItem() == null && !readOnly && community.steward());
		}).toList();
	}

	/** Each @email of a mentioned member becomes a link to them among the community's members. */
	private static String linkMentions(OrgAccess access, Community community, String body, List<PersonId> mentioned,
			Map<PersonId, String> names, Map<PersonId, String> emails) {
		if (mentioned.isEmpty()) {
			return body;
		}
		Map<String, PersonId> byEmail = new HashMap<>();
		mentioned.forEach(p -> byEmail.put(emails.getOrDefault(p, "").toLowerCase(Locale.ROOT), p));
		Matcher m = MENTION.matcher(body);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			PersonId person = byEmail.get(m.group(1).toLowerCase(Locale.ROOT));
			String replacement = person == null ? m.group()
					: "[@" + escape(names.getOrDefault(person, m.group(1))) + "](/o/" + access.slug() + "/"
							+ community.path() + "/members#member-" + person + ")";
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** Text that goes into Markdown as it is, without being read as markup. */
	static String escape(String text) {
		return text.replaceAll("([\\\\`*_\\[\\]()<>#!|~])", "\\\\$1");
	}

	private static List<String> union(List<String> first, List<String> second) {
		Set<String> all = new LinkedHashSet<>(first);
		all.addAll(second);
		return List.copyOf(all);
	}
}
