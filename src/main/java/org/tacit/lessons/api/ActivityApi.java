package org.tacit.lessons.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.lessons.ReviewKind;
import org.tacit.lessons.internal.Activity;
import org.tacit.lessons.internal.ActivityService;
import org.tacit.lessons.internal.AppliedKnowledge;
import org.tacit.lessons.internal.Review;
import org.tacit.lessons.internal.ReviewService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** Activities and the reviews held for them. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Lessons: activities", description = "Projects, operations, events or work that the organization learns from")
class ActivityApi {

	private final Organizations organizations;
	private final ActivityService activities;
	private final ReviewService reviews;
	private final AppliedKnowledge applied;

	ActivityApi(Organizations organizations, ActivityService activities, ReviewService reviews,
			AppliedKnowledge applied) {
		this.organizations = organizations;
		this.activities = activities;
		this.reviews = reviews;
		this.applied = applied;
	}

	record ActivityRequest(String name, String description, String owner, String startsOn, String endsOn,
			List<String> tags, List<String> participants) {

		ActivityService.Input input() {
			return new ActivityService.Input(name, description, owner, startsOn, endsOn, tags, participants);
		}
	}

	@PostMapping("/activities")
	@Operation(summary = "Start an activity (contributors and above); owner and participants are members (id or email), "
			+ "the owner defaults to the caller; dates as 2026-12-31")
	ResponseEntity<Views.ActivityView> create(@PathVariable String org, @RequestBody ActivityRequest request) {
		OrgAccess access = organizations.access(org);
		Activity activity = activities.create(access, request.input());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/activities/" + activity.id()))
			.body(Views.ActivityView.of(activity));
	}

	@GetMapping("/activities")
	@Operation(summary = "The organization's activities, latest change first; mine=true for those the caller owns or "
			+ "takes part in, q for a word of the name")
	Page<Views.ActivityView> list(@PathVariable String org, @RequestParam(required = false) Boolean mine,
			@RequestParam(required = false) String q, Paging paging) {
		return activities.list(organizations.access(org), new ActivityService.Filter(Boolean.TRUE.equals(mine), q), paging)
			.map(Views.ActivityView::of);
	}

	@GetMapping("/activities/{id}")
	@Operation(summary = "One activity")
	Views.ActivityView get(@PathVariable String org, @PathVariable String id) {
		return Views.ActivityView.of(activity(organizations.access(org), id));
	}

	@PutMapping("/activities/{id}")
	@Operation(summary = "Change an activity (its owner, editors and above); the body replaces it, a missing owner keeps the owner")
	Views.ActivityView update(@PathVariable String org, @PathVariable String id, @RequestBody ActivityRequest request) {
		OrgAccess access = organizations.access(org);
		return Views.ActivityView.of(activities.update(access, activity(access, id).id(), request.input()));
	}

	/** A review as clients send it: the kind, and the answers to its questions. */
	record ReviewRequest(String kind, String date, String facilitator, List<String> participants, String notes,
			String objectives, String risks, String observations, String adjustments, String expected, String actual,
			String why, String sustain, String improve) {

		ReviewService.Input input() {
			Map<String, String> answers = new LinkedHashMap<>();
			List<String> given = java.util.Arrays.asList(objectives, risks, observations, adjustments, expected, actual,
					why, sustain, improve);
			for (int i = 0; i < ReviewKind.ALL_QUESTIONS.size(); i++) {
				answers.put(ReviewKind.ALL_QUESTIONS.get(i), given.get(i));
			}
			return new ReviewService.Input(kind, date, facilitator, participants, notes, answers);
		}
	}

	@PostMapping("/activities/{id}/reviews")
	@Operation(summary = "Hold a review of the activity (its owner, participants, editors and above): kind BEFORE "
			+ "(objectives, risks), DURING (observations, adjustments) or AFTER (expected, actual, why, sustain, improve); "
			+ "date defaults to today, facilitator to the caller")
	ResponseEntity<Views.ReviewView> createReview(@PathVariable String org, @PathVariable String id,
			@RequestBody ReviewRequest request) {
		OrgAccess access = organizations.access(org);
		Review review = reviews.create(access, activity(access, id).id(), request.input());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/reviews/" + review.id()))
			.body(ReviewApi.view(access, review, applied));
	}

	@GetMapping("/activities/{id}/reviews")
	@Operation(summary = "The reviews of an activity, earliest first")
	Page<Views.ReviewView> reviews(@PathVariable String org, @PathVariable String id, Paging paging) {
		OrgAccess access = organizations.access(org);
		return paging.slice(reviews.of(access, activity(access, id).id())
			.stream()
			.map(r -> ReviewApi.view(access, r, applied))
			.toList());
	}

	private Activity activity(OrgAccess access, String id) {
		return activities.find(access, id).orElseThrow(ProblemException::notFound);
	}
}
