package org.tacit.lessons.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.lessons.ReviewKind;
import org.tacit.lessons.internal.Activity;
import org.tacit.lessons.internal.ActivityService;
import org.tacit.lessons.internal.AppliedKnowledge;
import org.tacit.lessons.internal.LessonService;
import org.tacit.lessons.internal.People;
import org.tacit.lessons.internal.Person;
import org.tacit.lessons.internal.Review;
import org.tacit.lessons.internal.ReviewService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;
import org.tacit.shared.web.Forms;

/**
 * The review forms (the questions of each kind, with what a good answer covers), a review's page with
 * the suggested past lessons and items of a before-action review, and its printable view.
 */
@Controller
class ReviewPages {

	private final Organizations organizations;
	private final ActivityService activities;
	private final ReviewService reviews;
	private final AppliedKnowledge applied;
	private final LessonService lessons;
	private final People people;
	private final Forms forms;
	private final Texts texts;

	ReviewPages(Organizations organizations, ActivityService activities, ReviewService reviews,
			AppliedKnowledge applied, LessonService lessons, People people, Forms forms, Texts texts) {
		this.organizations = organizations;
		this.activities = activities;
		this.reviews = reviews;
		this.applied = applied;
		this.lessons = lessons;
		this.people = people;
		this.forms = forms;
		this.texts = texts;
	}

	/** What the review form holds; {@code answers} by question. */
	record Draft(ReviewKind kind, String date, String facilitator, String participants, String notes,
			Map<String, String> answers) {

		public String answer(String question) {
			return answers.getOrDefault(question, "");
		}

		ReviewService.Input input() {
			return new ReviewService.Input(kind.name(), date, facilitator, FormLists.split(participants), notes, answers);
		}

		static Draft of(ReviewKind kind, Map<String, String> form) {
			Map<String, String> answers = new LinkedHashMap<>();
			kind.questions().forEach(q -> answers.put(q, form.getOrDefault(q, "")));
			return new Draft(kind, form.getOrDefault("date", ""), form.getOrDefault("facilitator", ""),
					form.getOrDefault("participants", ""), form.getOrDefault("notes", ""), answers);
		}
	}

	@GetMapping("/o/{org}/activities/{id}/reviews/new")
	String newReview(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String kind,
			Model model) {
		OrgAccess access = organizations.access(org);
		Activity activity = activity(access, id);
		if (!activity.canReview()) {
			throw ProblemException.forbidden();
		}
		ReviewKind reviewKind = kind(kind);
		Map<String, String> prefill = new LinkedHashMap<>();
		// those who take part in the activity take part in its reviews, unless the form says otherwise
		prefill.put("participants",
				FormLists.join(people.emails(access.orgId(), activity.participants().stream().map(Person::id).toList())));
		return form(model, access, activity, null, Draft.of(reviewKind, prefill));
	}

	@PostMapping("/o/{org}/activities/{id}/reviews")
	String create(@PathVariable String org, @PathVariable String id, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Activity activity = activity(access, id);
		Draft draft = Draft.of(kind(form.get("kind")), form);
		try {
			Review review = reviews.create(access, activity.id(), draft.input());
			redirect.addFlashAttribute("notice", "lessons.review.created");
			return "redirect:/o/" + access.slug() + "/reviews/" + review.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			return form(model, access, activity, null, draft);
		}
	}

	@GetMapping("/o/{org}/reviews/{id}")
	String review(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Review review = find(access, id);
		model.addAttribute("currentOrg", access);
		content(model, access, review);
		if (review.kind() == ReviewKind.BEFORE) {
			model.addAttribute("suggestions", applied.suggestions(access, review.id()));
		}
		return "lessons/review";
	}

	@GetMapping("/o/{org}/reviews/{id}/print")
	String print(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Review review = find(access, id);
		model.addAttribute("org", access);
		content(model, access, review);
		model.addAttribute("activity", activities.get(access, review.activityId()));
		return "lessons/review-print";
	}

	/** What both the review's page and its printable view show. */
	private void content(Model model, OrgAccess access, Review review) {
		model.addAttribute("review", review);
		model.addAttribute("applied", review.kind() == ReviewKind.BEFORE ? applied.applied(access, review.id()) : List.of());
		model.addAttribute("lessons",
				lessons.list(access, LessonService.Filter.ofReview(review.id()), new Paging(0, Paging.MAX_SIZE)).items());
	}

	@PostMapping("/o/{org}/reviews/{id}/applied")
	String apply(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String recordId, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Review review = find(access, id);
		try {
			AppliedKnowledge.Marked marked = applied.apply(access, review.id(), type, recordId);
			redirect.addFlashAttribute("notice", "lessons.applied.marked");
			redirect.addFlashAttribute("noticeArg", marked.applied().title());
		}
		catch (ProblemException e) {
			if (!PageErrors.shownOnPage(e)) {
				throw e;
			}
			redirect.addFlashAttribute("pageError", PageErrors.message(texts, e));
		}
		return "redirect:/o/" + access.slug() + "/reviews/" + review.id() + "#suggestions";
	}

	@GetMapping("/o/{org}/reviews/{id}/edit")
	String edit(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Review review = find(access, id);
		if (!review.canEdit()) {
			throw ProblemException.forbidden();
		}
		List<String> facilitator = people.emails(access.orgId(), List.of(review.facilitator().id()));
		Draft draft = new Draft(review.kind(), review.heldOn().toString(), facilitator.isEmpty() ? "" : facilitator.get(0),
				FormLists.join(people.emails(access.orgId(), review.participants().stream().map(Person::id).toList())),
				review.notes(), new LinkedHashMap<>(review.answers()));
		return form(model, access, activities.get(access, review.activityId()), review, draft);
	}

	@PostMapping("/o/{org}/reviews/{id}")
	String save(@PathVariable String org, @PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Review review = find(access, id);
		Draft draft = Draft.of(review.kind(), form);
		try {
			reviews.update(access, review.id(), draft.input());
			redirect.addFlashAttribute("notice", "lessons.review.saved");
			return "redirect:/o/" + access.slug() + "/reviews/" + review.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			return form(model, access, activities.get(access, review.activityId()), review, draft);
		}
	}

	private String form(Model model, OrgAccess access, Activity activity, Review review, Draft draft) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("activity", activity);
		model.addAttribute("review", review);
		model.addAttribute("draft", draft);
		return "lessons/review-edit";
	}


	private static ReviewKind kind(String kind) {
		try {
			return ReviewKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("kind", "lessons.choice.unknown", java.util.Arrays.toString(ReviewKind.values()));
		}
	}

	private Activity activity(OrgAccess access, String id) {
		return activities.find(access, id).orElseThrow(ProblemException::notFound);
	}

	private Review find(OrgAccess access, String id) {
		return reviews.find(access, id).orElseThrow(ProblemException::notFound);
	}
}
