package org.tacit.lessons.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.lessons.ReviewKind;
import org.tacit.lessons.internal.AppliedKnowledge;
import org.tacit.lessons.internal.Review;
import org.tacit.lessons.internal.ReviewService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.ProblemException;

/** Reviews: their answers, and for before-action reviews the suggested past knowledge and what the team applies. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/reviews/{id}")
@Tag(name = "Lessons: reviews", description = "Before-, during- and after-action reviews of activities")
class ReviewApi {

	private final Organizations organizations;
	private final ReviewService reviews;
	private final AppliedKnowledge applied;

	ReviewApi(Organizations organizations, ReviewService reviews, AppliedKnowledge applied) {
		this.organizations = organizations;
		this.reviews = reviews;
		this.applied = applied;
	}

	static Views.ReviewView view(OrgAccess access, Review review, AppliedKnowledge applied) {
		return Views.ReviewView.of(review,
				review.kind() == ReviewKind.BEFORE ? applied.applied(access, review.id()) : null);
	}

	@GetMapping
	@Operation(summary = "One review with its answers (and, for BEFORE, what the team will apply)")
	Views.ReviewView get(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return view(access, review(access, id), applied);
	}

	@PutMapping
	@Operation(summary = "Change a review (its facilitator and participants, the activity's owner and participants, "
			+ "editors and above); the kind stays")
	Views.ReviewView update(@PathVariable String org, @PathVariable String id,
			@RequestBody ActivityApi.ReviewRequest request) {
		OrgAccess access = organizations.access(org);
		return view(access, reviews.update(access, review(access, id).id(), request.input()), applied);
	}

	@GetMapping("/suggestions")
	@Operation(summary = "Past lessons and published items about what the activity is about (its name, description and "
			+ "tags, the review's objectives and risks), best first, at most 20; BEFORE reviews only (409 otherwise)")
	List<Views.SuggestionView> suggestions(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return applied.suggestions(access, review(access, id).id()).stream().map(Views.SuggestionView::of).toList();
	}

	record ApplyRequest(String type, String id) {
	}

	@PostMapping("/applied")
	@Operation(summary = "Mark a lesson or item (type lesson or item, and its id) as what the team will apply: 201 the "
			+ "first time, 200 when it was marked already. Applying a lesson is its reuse (LessonApplied)")
	ResponseEntity<Views.AppliedView> apply(@PathVariable String org, @PathVariable String id,
			@RequestBody ApplyRequest request) {
		OrgAccess access = organizations.access(org);
		Review review = review(access, id);
		AppliedKnowledge.Marked marked = applied.apply(access, review.id(), request.type(), request.id());
		Views.AppliedView view = Views.AppliedView.of(marked.applied());
		return marked.created()
				? ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/reviews/" + review.id())).body(view)
				: ResponseEntity.status(HttpStatus.OK).body(view);
	}

	private Review review(OrgAccess access, String id) {
		return reviews.find(access, id).orElseThrow(ProblemException::notFound);
	}
}
