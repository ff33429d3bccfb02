package org.tacit.lessons.web;

import java.util.List;

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
import org.tacit.lessons.internal.LessonService;
import org.tacit.lessons.internal.People;
import org.tacit.lessons.internal.Person;
import org.tacit.lessons.internal.ReviewService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** The list of activities, an activity's page with its reviews and lessons, and the activity form. */
@Controller
class ActivityPages {

	/** Lessons shown on an activity's page; the register has the rest. */
	static final int LESSONS_ON_PAGE = 50;

	private final Organizations organizations;
	private final ActivityService activities;
	private final ReviewService reviews;
	private final LessonService lessons;
	private final People people;
	private final Forms forms;

	ActivityPages(Organizations organizations, ActivityService activities, ReviewService reviews, LessonService lessons,
			People people, Forms forms) {
		this.organizations = organizations;
		this.activities = activities;
		this.reviews = reviews;
		this.lessons = lessons;
		this.people = people;
		this.forms = forms;
	}

	/** What the activity form holds: dates as typed, tags and participants as one text each. */
	record Draft(String name, String description, String owner, String startsOn, String endsOn, String tags,
			String participants) {

		ActivityService.Input input() {
			return new ActivityService.Input(name, description, owner, startsOn, endsOn, FormLists.split(tags),
					FormLists.split(participants));
		}
	}

	@GetMapping("/o/{org}/activities")
	String list(@PathVariable String org, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "") String q, Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("activities", activities.list(access, new ActivityService.Filter(mine, q), paging));
		model.addAttribute("mine", mine);
		model.addAttribute("q", q);
		model.addAttribute("canCreate", access.can(Role.CONTRIBUTOR));
		return "lessons/activities";
	}

	@GetMapping("/o/{org}/activities/new")
	String newActivity(@PathVariable String org, Model model) {
		OrgAccess access = organizations.access(org).require(Role.CONTRIBUTOR);
		return form(model, access, null, new Draft("", "", "", "", "", "", ""));
	}

	@PostMapping("/o/{org}/activities")
	String create(@PathVariable String org, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String owner,
			@RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String endsOn,
			@RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String participants,
			Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Draft draft = new Draft(name, description, owner, startsOn, endsOn, tags, participants);
		try {
			Activity activity = activities.create(access, draft.input());
			redirect.addFlashAttribute("notice", "lessons.activity.created");
			return "redirect:/o/" + access.slug() + "/activities/" + activity.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			return form(model, access, null, draft);
		}
	}

	@GetMapping("/o/{org}/activities/{id}")
	String activity(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Activity activity = find(access, id);
		model.addAttribute("currentOrg", access);
		model.addAttribute("activity", activity);
		model.addAttribute("reviews", reviews.of(access, activity.id()));
		model.addAttribute("lessons",
				lessons.list(access, LessonService.Filter.ofActivity(activity.id()), new Paging(0, LESSONS_ON_PAGE)));
		model.addAttribute("kinds", ReviewKind.values());
		return "lessons/activity";
	}

	@GetMapping("/o/{org}/activities/{id}/edit")
	String edit(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Activity activity = find(access, id);
		if (!activity.canEdit()) {
			throw ProblemException.forbidden();
		}
		List<String> owner = people.emails(access.orgId(), List.of(activity.owner().id()));
		return form(model, access, activity, new Draft(activity.name(), activity.description(),
				owner.isEmpty() ? "" : owner.get(0), activity.startsOn() == null ? "" : activity.startsOn().toString(),
				activity.endsOn() == null ? "" : activity.endsOn().toString(), FormLists.join(activity.tags()),
				FormLists.join(people.emails(access.orgId(), activity.participants().stream().map(Person::id).toList()))));
	}

	@PostMapping("/o/{org}/activities/{id}")
	String save(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String owner,
			@RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String endsOn,
			@RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String participants,
			Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Activity activity = find(access, id);
		Draft draft = new Draft(name, description, owner, startsOn, endsOn, tags, participants);
		try {
			activities.update(access, activity.id(), draft.input());
			redirect.addFlashAttribute("notice", "lessons.activity.saved");
			return "redirect:/o/" + access.slug() + "/activities/" + activity.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			return form(model, access, activity, draft);
		}
	}

	private String form(Model model, OrgAccess access, Activity activity, Draft draft) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("activity", activity);
		model.addAttribute("draft", draft);
		return "lessons/activity-edit";
	}

	private Activity find(OrgAccess access, String id) {
		return activities.find(access, id).orElseThrow(ProblemException::notFound);
	}
}
