package org.tacit.library.api;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.library.internal.FeedbackService;
import org.tacit.library.internal.ItemCommentService;
import org.tacit.library.internal.ItemUseService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;

/** Feedback, recorded uses and comments on knowledge items. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/items/{id}")
@Tag(name = "Item use and feedback", description = "\"This helped\", \"I used this\" and comments on items")
class ItemUseApi {

	private final Organizations organizations;
	private final FeedbackService feedback;
	private final ItemUseService uses;
	private final ItemCommentService comments;

	ItemUseApi(Organizations organizations, FeedbackService feedback, ItemUseService uses,
			ItemCommentService comments) {
		this.organizations = organizations;
		this.feedback = feedback;
		this.uses = uses;
		this.comments = comments;
	}

	record Person(UUID id, String name) {
	}

	record VoteView(boolean helpful, String comment, Instant at) {
	}

	record FeedbackComment(Person author, boolean helpful, String comment, Instant at) {
	}

	/** {@code comments} is null for callers who may not read them (everyone but the owner and editors). */
	record FeedbackView(long helpful, long notHelpful, VoteView yours, Page<FeedbackComment> comments) {

		static FeedbackView of(FeedbackService.Feedback f) {
			return new FeedbackView(f.helpful(), f.notHelpful(),
					f.yours() == null ? null : new VoteView(f.yours().helpful(), f.yours().comment(), f.yours().at()),
					f.comments() == null ? null
							: f.comments()
								.map(c -> new FeedbackComment(new Person(c.authorId().value(), c.authorName()),
										c.helpful(), c.comment(), c.at())));
		}
	}

	record FeedbackRequest(Boolean helpful, String comment) {
	}

	@PostMapping("/feedback")
	@Operation(summary = "Say whether the item helped (helpful true or false), with an optional comment of at most "
			+ "2,000 characters for its owner and editors; a new vote replaces your earlier one")
	FeedbackView giveFeedback(@PathVariable String org, @PathVariable String id,
			@RequestBody FeedbackRequest request) {
		return FeedbackView
			.of(feedback.vote(organizations.access(org), id, request.helpful(), request.comment()));
	}

	@GetMapping("/feedback")
	@Operation(summary = "The counts of votes and your own vote; the owner and editors also get the comments, "
			+ "newest first (paged)")
	FeedbackView feedback(@PathVariable String org, @PathVariable String id, Paging paging) {
		return FeedbackView.of(feedback.feedback(organizations.access(org), id, paging));
	}

	record UseRequest(String note) {
	}

	record UsesView(long uses, long yours, Instant yourLastUse) {

		static UsesView of(ItemUseService.Uses u) {
			return new UsesView(u.total(), u.yours(), u.yourLast());
		}
	}

	@PostMapping("/uses")
	@Operation(summary = "Record that you used a TEMPLATE, CHECKLIST or WORK_SAMPLE (credits its owner), with an "
			+ "optional note; 409 for other kinds and for a second use within a minute")
	ResponseEntity<UsesView> use(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) UseRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(UsesView.of(uses.use(organizations.access(org), id, request == null ? null : request.note())));
	}

	@GetMapping("/uses")
	@Operation(summary = "How often the item was used, and how often by you")
	UsesView uses(@PathVariable String org, @PathVariable String id) {
		return UsesView.of(uses.uses(organizations.access(org), id));
	}

	record CommentView(UUID id, Person author, String body, String bodyHtml, Instant createdAt, boolean canDelete) {

		static CommentView of(ItemCommentService.Comment c) {
			return new CommentView(c.id(), new Person(c.authorId().value(), c.authorName()), c.body(), c.html(),
					c.createdAt(), c.canDelete());
		}
	}

	record NewComment(String body) {
	}

	@PostMapping("/comments")
	@Operation(summary = "Comment on an item (Markdown, at most 10,000 characters; rendered sanitized)")
	ResponseEntity<CommentView> comment(@PathVariable String org, @PathVariable String id,
			@RequestBody NewComment request) {
		OrgAccess access = organizations.access(org);
		ItemCommentService.Comment comment = comments.add(access, id, request.body());
		return ResponseEntity
			.created(URI.create("/api/v1/orgs/" + access.slug() + "/items/" + id + "/comments/" + comment.id()))
			.body(CommentView.of(comment));
	}

	@GetMapping("/comments")
	@Operation(summary = "The comments on an item, oldest first")
	Page<CommentView> comments(@PathVariable String org, @PathVariable String id, Paging paging) {
		return comments.list(organizations.access(org), id, paging).map(CommentView::of);
	}

	@GetMapping("/comments/{commentId}")
	@Operation(summary = "One comment")
	CommentView commentById(@PathVariable String org, @PathVariable String id, @PathVariable String commentId) {
		return CommentView.of(comments.get(organizations.access(org), id, commentId));
	}

	@DeleteMapping("/comments/{commentId}")
	@Operation(summary = "Remove a comment (its author or an editor)")
	ResponseEntity<Void> deleteComment(@PathVariable String org, @PathVariable String id,
			@PathVariable String commentId) {
		comments.delete(organizations.access(org), id, commentId);
		return ResponseEntity.noContent().build();
	}
}
