package org.tacit.communities.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.communities.internal.CommunityService;
import org.tacit.communities.internal.CommunityThread;
import org.tacit.communities.internal.Post;
import org.tacit.communities.internal.ThreadService;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.search.KnowledgeSearch;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** Discussions and Q&A in communities: threads, posts, up-votes, accepted answers and promotion to FAQ. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Community discussions", description = "Threads and posts, questions with accepted answers, FAQ promotion")
class ThreadApi {

	private final Organizations organizations;
	private final CommunityService communities;
	private final ThreadService threads;

	ThreadApi(Organizations organizations, CommunityService communities, ThreadService threads) {
		this.organizations = organizations;
		this.communities = communities;
		this.threads = threads;
	}

	record Author(UUID id, String name) {
	}

	record ThreadView(UUID id, UUID community, String title, boolean question, String state, List<String> tags,
			Author author, int replies, UUID acceptedPost, Instant createdAt, Instant lastPostAt, Instant firstAnswerAt,
			Instant acceptedAt) {

		static ThreadView of(CommunityThread t) {
			return new ThreadView(t.id().value(), t.community().value(), t.title(), t.question(), t.state(), t.tags(),
					new Author(t.author().value(), t.authorName()), t.replies(),
					t.acceptedPost() == null ? null : t.acceptedPost().value(), t.createdAt(), t.lastPostAt(),
					t.firstAnswerAt(), t.acceptedAt());
		}
	}

	record PostView(UUID id, UUID thread, Author author, String body, String html, boolean opening, UUID replyTo,
			int votes, boolean votedByYou, boolean accepted, UUID promotedItem, Instant createdAt, Instant editedAt) {

		static PostView of(Post p) {
			return new PostView(p.id().value(), p.thread().value(), new Author(p.author().value(), p.authorName()),
					p.body(), p.html(), p.opening(), p.replyTo() == null ? null : p.replyTo().value(), p.votes(),
					p.votedByMe(), p.accepted(), p.promotedItem() == null ? null : p.promotedItem().value(), p.createdAt(),
					p.editedAt());
		}
	}

	record NewThread(String title, String body, Boolean question, List<String> tags) {
	}

	@PostMapping("/communities/{id}/threads")
	@Operation(summary = "Start a discussion, or ask a question with question=true (members of a launched community). "
			+ "The body is Markdown of at most 20,000 characters; HTML the sanitizer would remove is refused (400)")
	ResponseEntity<ThreadView> start(@PathVariable String org, @PathVariable String id, @RequestBody NewThread request) {
		OrgAccess access = organizations.access(org);
		CommunityThread thread = threads.start(access, communityId(access, id),
				new ThreadService.NewThread(request.title(), request.body(), request.question(), request.tags()));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/threads/" + thread.id()))
			.body(ThreadView.of(thread));
	}

	@GetMapping("/communities/{id}/threads")
	@Operation(summary = "A community's threads, most recently active first; question=true|false, answered=true|false")
	Page<ThreadView> list(@PathVariable String org, @PathVariable String id,
			@RequestParam(required = false) Boolean question, @RequestParam(required = false) Boolean answered,
			Paging paging) {
		OrgAccess access = organizations.access(org);
		return threads.threads(access, communityId(access, id), new ThreadService.Filter(question, answered), paging)
			.map(ThreadView::of);
	}

	record Conversation(ThreadView thread, PostView opening, Page<PostView> replies) {
	}

	@GetMapping("/threads/{id}")
	@Operation(summary = "A thread with its opening post and a page of replies (a question's accepted answer first, then by votes)")
	Conversation thread(@PathVariable String org, @PathVariable String id, Paging paging) {
		ThreadService.Conversation c = threads.conversation(organizations.access(org), id, paging);
		return new Conversation(ThreadView.of(c.thread()), PostView.of(c.opening()), c.replies().map(PostView::of));
	}

	record NewPost(String body, String replyTo) {
	}

	@PostMapping("/threads/{id}/posts")
	@Operation(summary = "Reply to a thread (members); replyTo names a post of the same thread. Mention members as @email")
	ResponseEntity<PostView> reply(@PathVariable String org, @PathVariable String id, @RequestBody NewPost request) {
		OrgAccess access = organizations.access(org);
		Post post = threads.reply(access, id, request.body(), request.replyTo());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/posts/" + post.id()))
			.body(PostView.of(post));
	}

	@GetMapping("/posts/{id}")
	@Operation(summary = "One post")
	PostView post(@PathVariable String org, @PathVariable String id) {
		return PostView.of(threads.post(organizations.access(org), id).orElseThrow(ProblemException::notFound));
	}

	record PostEdit(String body) {
	}

	@PutMapping("/posts/{id}")
	@Operation(summary = "Change your own post")
	PostView edit(@PathVariable String org, @PathVariable String id, @RequestBody PostEdit request) {
		return PostView.of(threads.edit(organizations.access(org), id, request.body()));
	}

	@PostMapping("/posts/{id}/accept")
	@Operation(summary = "Accept an answer to a question (its asker or a leader of the community); replaces an earlier choice")
	ThreadView accept(@PathVariable String org, @PathVariable String id) {
		return ThreadView.of(threads.accept(organizations.access(org), id));
	}

	@PostMapping("/posts/{id}/votes")
	@Operation(summary = "Up-vote someone else's post (members; once per person)")
	PostView vote(@PathVariable String org, @PathVariable String id) {
		return PostView.of(threads.vote(organizations.access(org), id, true));
	}

	@DeleteMapping("/posts/{id}/votes")
	@Operation(summary = "Take your up-vote back")
	PostView unvote(@PathVariable String org, @PathVariable String id) {
		return PostView.of(threads.vote(organizations.access(org), id, false));
	}

	record Promoted(UUID item, String title, String path) {
	}

	@PostMapping("/posts/{id}/promote")
	@Operation(summary = "Promote an answer into a published FAQ item of the community's space, owned by the answer's "
			+ "author (stewards; once per answer, 409 after)")
	ResponseEntity<Promoted> promote(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		KnowledgeLibrary.ItemRef item = threads.promote(access, id);
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/items/" + item.id()))
			.body(new Promoted(item.id().value(), item.title(), item.path()));
	}

	record Similar(String type, String id, String title, String path, String snippet) {
	}

	@GetMapping("/questions/similar")
	@Operation(summary = "Questions like the given text that already have an accepted answer (at most 5), among those "
			+ "the caller can see")
	List<Similar> similar(@PathVariable String org, @RequestParam(defaultValue = "") String text) {
		OrgAccess access = organizations.access(org);
		if (text.length() > ThreadService.BODY_MAX) {
			throw ProblemException.invalid("text", "problem.field.tooLong", ThreadService.BODY_MAX);
		}
		return threads.similarAnswered(access, text, null)
			.stream()
			.map((KnowledgeSearch.Found f) -> new Similar(f.type(), f.id(), f.title(), f.url(), f.snippet()))
			.toList();
	}

	private org.tacit.communities.CommunityId communityId(OrgAccess access, String id) {
		return communities.find(access, id).orElseThrow(ProblemException::notFound).id();
	}
}
