package org.tacit.lessons.web;

import org.tacit.search.KnowledgeSearch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.lessons.ActionId;
import org.tacit.lessons.ActionStatus;
import org.tacit.lessons.LessonStatus;
import org.tacit.lessons.LessonsLearned;
import org.tacit.lessons.Priority;
import org.tacit.lessons.internal.ActionService;
import org.tacit.lessons.internal.Activity;
import org.tacit.lessons.internal.ActivityService;
import org.tacit.lessons.internal.AppliedKnowledge;
import org.tacit.lessons.internal.Lesson;
import org.tacit.lessons.internal.LessonFilters;
import org.tacit.lessons.internal.LessonService;
import org.tacit.lessons.internal.LinkService;
import org.tacit.lessons.internal.People;
import org.tacit.lessons.internal.Review;
import org.tacit.lessons.internal.ReviewService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;
import org.tacit.shared.web.Forms;

/**
 * The lessons register, the capture form (guided: what happened, why, what to do next time), a lesson's
 * page with its lifecycle, actions and links, and the forms that move it on.
 */
@Controller
class LessonPages {

	private final Organizations organizations;
	private final KnowledgeSearch search;
	private final LessonService lessons;
	private final ActivityService activities;
	private final ReviewService reviews;
	private final ActionService actions;
	private final LinkService links;
	private final AppliedKnowledge applied;
	private final LessonFilters filters;
	private final LessonsLearned figures;
	private final People people;
	private final Forms forms;
	private final Texts texts;
	private final Clock clock;

	LessonPages(Organizations organizations, LessonService lessons, ActivityService activities, ReviewService reviews,
			ActionService actions, LinkService links, AppliedKnowledge applied, LessonFilters filters,
			LessonsLearned figures, People people, Forms forms, Texts texts, Clock clock, KnowledgeSearch search) {
		this.organizations = organizations;
		this.search = search;
		this.lessons = lessons;
		this.activities = activities;
		this.reviews = reviews;
		this.actions = actions;
		this.links = links;
		this.applied = applied;
		this.filters = filters;
		this.figures = figures;
		this.people = people;
		this.forms = forms;
		this.texts = texts;
		this.clock = clock;
	}

	/** What the lesson form holds. */
	record Draft(String activity, String review, String title, String observation, String rootCause,
			String recommendation, String priority, String tags, String expert) {

		LessonService.Input input() {
			return new LessonService.Input(activity, review, title, observation, rootCause, recommendation, priority,
					FormLists.split(tags), expert);
		}
	}

	/** What the action form holds. */
	record ActionDraft(String title, String owner, String due) {
	}

	@GetMapping("/o/{org}/lessons")
	String register(@PathVariable String org, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String tag,
			@RequestParam(defaultValue = "") String activity, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "") String sort, Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		LessonService.Filter filter = filters.of(access, status, priority, tag, activity, null, mine ? "me" : null, sort);
		model.addAttribute("currentOrg", access);
		model.addAttribute("lessons", lessons.list(access, filter, paging));
		model.addAttribute("filter", filter);
		model.addAttribute("mine", mine);
		model.addAttribute("tag", tag);
		model.addAttribute("activityName", filter.activity() == null ? null
				: activities.find(access, filter.activity().toString()).map(Activity::name).orElse(""));
		model.addAttribute("statuses", LessonStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("sorts", LessonService.Sort.values());
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		model.addAttribute("figures", figures.figures(access.orgId(), today.minusDays(364), today));
		return "lessons/register";
	}

	@GetMapping("/o/{org}/lessons/new")
	String newLesson(@PathVariable String org, @RequestParam(defaultValue = "") String activity,
			@RequestParam(defaultValue = "") String review, Model model) {
		OrgAccess access = organizations.access(org);
		Review source = review.isBlank() ? null : reviews.find(access, review).orElseThrow(ProblemException::notFound);
		String activityId = source != null ? source.activityId().toString() : activity;
		return form(model, access, null, new Draft(activityId, source == null ? "" : source.id().toString(), "", "", "", "",
				Priority.INFORMATION.name(), "", ""));
	}

	@PostMapping("/o/{org}/lessons")
	String capture(@PathVariable String org, @RequestParam(defaultValue = "") String activity,
			@RequestParam(defaultValue = "") String review, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String observation, @RequestParam(defaultValue = "") String rootCause,
			@RequestParam(defaultValue = "") String recommendation, @RequestParam(defaultValue = "") String priority,
			@RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String expert, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Draft draft = new Draft(activity, review, title, observation, rootCause, recommendation, priority, tags, expert);
		try {
			Lesson lesson = lessons.capture(access, draft.input());
			redirect.addFlashAttribute("notice", "lessons.lesson.captured");
			return "redirect:/o/" + access.slug() + "/lessons/" + lesson.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			return form(model, access, null, draft);
		}
	}

	@GetMapping("/o/{org}/lessons/{id}")
	String lesson(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		return page(model, access, find(access, id));
	}

	private String page(Model model, OrgAccess access, Lesson lesson) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("lesson", lesson);
		model.addAttribute("cycle", List.of(LessonStatus.CAPTURED, LessonStatus.VALIDATED, LessonStatus.ACTIONED,
				LessonStatus.EMBEDDED, LessonStatus.CLOSED));
		model.addAttribute("history", lessons.history(access, lesson.id()));
		model.addAttribute("actions", actions.of(access, lesson.id()));
		model.addAttribute("links", links.list(access, lesson.id()));
		model.addAttribute("mayLink", links.mayLink(access, lesson));
		model.addAttribute("timesApplied", applied.timesApplied(access, lesson.id()));
		model.addAttribute("related", search.related(access, String.join("\n", lesson.title(), lesson.observation(),
				lesson.recommendation() == null ? "" : lesson.recommendation(), String.join(" ", lesson.tags())),
				java.util.Set.of(), java.util.Set.of(lesson.id().toString()), KnowledgeSearch.RELATED_ON_PAGE));
		model.addAttribute("actionStatuses", ActionStatus.values());
		model.addAttribute("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		if (!model.containsAttribute("actionDraft")) {
			model.addAttribute("actionDraft", new ActionDraft("", "", ""));
		}
		return "lessons/lesson";
	}

	@GetMapping("/o/{org}/lessons/{id}/edit")
	String edit(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = find(access, id);
		if (!lesson.canEdit()) {
			throw ProblemException.forbidden();
		}
		List<String> expert = lesson.expert() == null ? List.of()
				: people.emails(access.orgId(), List.of(lesson.expert().id()));
		return form(model, access, lesson, new Draft("", "", lesson.title(), lesson.observation(), lesson.rootCause(),
				lesson.recommendation(), lesson.priority().name(), FormLists.join(lesson.tags()),
				expert.isEmpty() ? "" : expert.get(0)));
	}

	@PostMapping("/o/{org}/lessons/{id}")
	String save(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String observation, @RequestParam(defaultValue = "") String rootCause,
			@RequestParam(defaultValue = "") String recommendation, @RequestParam(defaultValue = "") String priority,
			@RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String expert, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = find(access, id);
		Draft draft = new Draft("", "", title, observation, rootCause, recommendation, priority, tags, expert);
		try {
			lessons.update(access, lesson.id(), draft.input());
			redirect.addFlashAttribute("notice", "lessons.lesson.saved");
			return "redirect:/o/" + access.slug() + "/lessons/" + lesson.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 409) {
				throw e;
			}
			forms.reject(model, e);
			return form(model, access, lesson, draft);
		}
	}

	private String form(Model model, OrgAccess access, Lesson lesson, Draft draft) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("lesson", lesson);
		model.addAttribute("draft", draft);
		model.addAttribute("priorities", Priority.values());
		if (lesson == null) {
			Activity activity = draft.activity().isBlank() ? null : activities.find(access, draft.activity()).orElse(null);
			Review review = draft.review().isBlank() ? null : reviews.find(access, draft.review()).orElse(null);
			model.addAttribute("sourceActivity", activity);
			model.addAttribute("sourceReview", review);
		}
		return "lessons/lesson-edit";
	}

	@PostMapping("/o/{org}/lessons/{id}/transition")
	String transition(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = find(access, id);
		try {
			Lesson moved = lessons.transition(access, lesson.id(), to, reason);
			redirect.addFlashAttribute("notice", "lessons.status." + moved.status() + ".notice");
			return "redirect:/o/" + access.slug() + "/lessons/" + lesson.id();
		}
		catch (ProblemException e) {
			if (!PageErrors.shownOnPage(e)) {
				throw e;
			}
			model.addAttribute("transitionError", PageErrors.message(texts, e));
			model.addAttribute("reason", reason);
			return page(model, access, lessons.get(access, lesson.id()));
		}
	}

	@PostMapping("/o/{org}/lessons/{id}/actions")
	String addAction(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String owner, @RequestParam(defaultValue = "") String due, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = find(access, id);
		try {
			actions.add(access, lesson.id(), new ActionService.Input(title, owner, due));
			redirect.addFlashAttribute("notice", "lessons.action.added");
			return "redirect:/o/" + access.slug() + "/lessons/" + lesson.id() + "#actions";
		}
		catch (ProblemException e) {
			if (!PageErrors.shownOnPage(e)) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("actionDraft", new ActionDraft(title, owner, due));
			return page(model, access, lesson);
		}
	}

	@PostMapping("/o/{org}/lessons/{id}/actions/{actionId}")
	String updateAction(@PathVariable String org, @PathVariable String id, @PathVariable String actionId,
			@RequestParam(defaultValue = "") String status, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = find(access, id);
		ActionId action = new ActionId(PageErrors.id(actionId));
		try {
			actions.update(access, lesson.id(), action, new ActionService.Update(null, null, null, status));
			redirect.addFlashAttribute("notice", "lessons.action.saved");
		}
		catch (ProblemException e) {
			if (!PageErrors.shownOnPage(e)) {
				throw e;
			}
			redirect.addFlashAttribute("pageError", PageErrors.message(texts, e));
		}
		return "redirect:/o/" + access.slug() + "/lessons/" + lesson.id() + "#actions";
	}


	private Lesson find(OrgAccess access, String id) {
		return lessons.find(access, id).orElseThrow(ProblemException::notFound);
	}
}
