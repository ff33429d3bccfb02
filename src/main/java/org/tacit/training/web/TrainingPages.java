package org.tacit.training.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Markdown;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.web.Forms;
import org.tacit.training.internal.Assignment;
import org.tacit.training.internal.AssignmentService;
import org.tacit.training.internal.AssignmentStatus;
import org.tacit.training.internal.Course;
import org.tacit.training.internal.CourseService;
import org.tacit.training.internal.CourseType;
import org.tacit.training.internal.Input;
import org.tacit.training.internal.Rule;
import org.tacit.training.internal.RuleService;
import org.tacit.training.internal.TrainingAccess;

/**
 * Training pages: a member's own training (with the completion form), the catalog (filtered by a
 * competency), a course (with the assign form and its assignments for those allowed), an assignment,
 * a manager's team and the rules of knowledge managers.
 */
@Controller
class TrainingPages {

	private final Organizations organizations;
	private final CourseService courses;
	private final AssignmentService assignments;
	private final RuleService rules;
	private final TrainingAccess access;
	private final Records records;
	private final Markdown markdown;
	private final Forms forms;

	TrainingPages(Organizations organizations, CourseService courses, AssignmentService assignments, RuleService rules,
			TrainingAccess access, Records records, Markdown markdown, Forms forms) {
		this.organizations = organizations;
		this.courses = courses;
		this.assignments = assignments;
		this.rules = rules;
		this.access = access;
		this.records = records;
		this.markdown = markdown;
		this.forms = forms;
	}

	private Map<PersonId, String> names(List<Assignment> list) {
		Set<PersonId> people = new HashSet<>();
		list.forEach(a -> people.add(a.person()));
		return organizations.names(people);
	}

	private void common(OrgAccess caller, Model model) {
		model.addAttribute("currentOrg", caller);
		model.addAttribute("today", assignments.today());
		model.addAttribute("manages", access.manages(caller));
		model.addAttribute("hasTeam", !organizations.reportsOf(caller.orgId(), caller.personId()).isEmpty());
	}

	// --- my training

	@GetMapping("/o/{org}/training")
	String mine(@PathVariable String org, Paging paging, Model model) {
		OrgAccess caller = organizations.access(org);
		common(caller, model);
		model.addAttribute("open", assignments.list(caller,
				new AssignmentService.Filter(caller.personId(), null, AssignmentStatus.OPEN, null, false), new Paging(0, Paging.MAX_SIZE)));
		model.addAttribute("completed", assignments.list(caller, AssignmentService.Filter.completed(caller.personId()), paging));
		return "training/mine";
	}

	// --- the catalog

	@GetMapping("/o/{org}/training/courses")
	String catalog(@PathVariable String org, @RequestParam(required = false) String competency,
			@RequestParam(required = false) String type, @RequestParam(defaultValue = "TITLE") String sort, Paging paging,
			Model model) {
		OrgAccess caller = organizations.access(org);
		common(caller, model);
		String code = competency == null ? "" : competency.strip();
		CourseService.Sort order;
		CourseType courseType;
		try {
			order = Input.choice("sort", sort, CourseService.Sort.class);
			courseType = Input.choice("type", type, CourseType.class);
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			order = CourseService.Sort.TITLE;
			courseType = null;
		}
		model.addAttribute("competency", code);
		model.addAttribute("type", courseType == null ? "" : courseType.name());
		model.addAttribute("sort", order == null ? CourseService.Sort.TITLE : order);
		model.addAttribute("types", CourseType.values());
		model.addAttribute("sorts", CourseService.Sort.values());
		model.addAttribute("courses", courses.list(caller, new CourseService.Filter(code, courseType, order), paging));
		return "training/courses";
	}

	record CourseForm(String title, String description, String type, String trainer, String duration, String links,
			String competencies) {

		static CourseForm of(Course c, Map<PersonId, String> emails) {
			StringBuilder links = new StringBuilder();
			c.links().forEach(l -> links.append(l.type()).append(':').append(l.id()).append('\n'));
			return new CourseForm(c.title(), c.description(), c.type().name(),
					c.trainer() == null ? "" : emails.getOrDefault(c.trainer(), c.trainer().toString()), c.duration() == null ? "" : c.duration(),
					links.toString(), String.join(", ", c.competencies()));
		}

		CourseService.CourseInput input() {
			List<Course.Link> parsed = new ArrayList<>();
			for (String line : (links == null ? "" : links).split("\\R")) {
				String value = line.strip();
				if (value.isEmpty()) {
					continue;
				}
				int items = value.lastIndexOf("/items/");
				if (items >= 0) {
					parsed.add(new Course.Link("item", value.substring(items + "/items/".length()).replaceAll("[/?#].*$", "")));
				}
				else if (value.indexOf(':') > 0 && !value.contains("://")) {
					parsed.add(new Course.Link(value.substring(0, value.indexOf(':')).strip(), value.substring(value.indexOf(':') + 1).strip()));
				}
				else {
					parsed.add(new Course.Link("item", value));
				}
			}
			List<String> codes = competencies == null ? List.of()
					: Arrays.stream(competencies.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
			return new CourseService.CourseInput(title, description, type, trainer, duration, parsed, codes);
		}
	}

	private static CourseForm form(String title, String description, String type, String trainer, String duration,
			String links, String competencies) {
		return new CourseForm(title, description, type, trainer, duration, links, competencies);
	}

	@GetMapping("/o/{org}/training/courses/new")
	String newCourse(@PathVariable String org, @RequestParam(defaultValue = "") String competency, Model model) {
		OrgAccess caller = organizations.access(org);
		if (!access.manages(caller)) {
			throw ProblemException.forbidden();
		}
		model.addAttribute("form", form("", "", CourseType.KM_METHOD.name(), "", "", "", competency.strip()));
		return courseForm(caller, null, model);
	}

	private String courseForm(OrgAccess caller, Course course, Model model) {
		common(caller, model);
		model.addAttribute("course", course);
		model.addAttribute("types", CourseType.values());
		return "training/course-form";
	}

	private void rejectCourse(Model model, ProblemException e) {
		Map<String, String> inputs = new LinkedHashMap<>();
		for (int i = 0; i < 100; i++) {
			inputs.put("links[" + i + "]", "links");
		}
		forms.reject(model, e, inputs);
	}

	@PostMapping("/o/{org}/training/courses")
	String create(@PathVariable String org, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String trainer, @RequestParam(defaultValue = "") String duration,
			@RequestParam(defaultValue = "") String links, @RequestParam(defaultValue = "") String competencies, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		if (!access.manages(caller)) {
			throw ProblemException.forbidden();
		}
		CourseForm form = form(title, description, type, trainer, duration, links, competencies);
		try {
			Course course = courses.create(caller, form.input());
			redirect.addFlashAttribute("notice", "training.course.created");
			return "redirect:/o/" + caller.slug() + "/training/courses/" + course.id();
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			rejectCourse(model, e);
			model.addAttribute("form", form);
			return courseForm(caller, null, model);
		}
	}

	@GetMapping("/o/{org}/training/courses/{id}/edit")
	String edit(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		Course course = courses.get(caller, id);
		if (!access.manages(caller)) {
			throw ProblemException.forbidden();
		}
		Map<PersonId, String> emails = new LinkedHashMap<>();
		if (course.trainer() != null) {
			organizations.findMember(caller.orgId(), course.trainer().toString()).ifPresent(m -> emails.put(m.id(), m.email()));
		}
		model.addAttribute("form", CourseForm.of(course, emails));
		return courseForm(caller, course, model);
	}

	@PostMapping("/o/{org}/training/courses/{id}")
	String update(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String type,
			@RequestParam(defaultValue = "") String trainer, @RequestParam(defaultValue = "") String duration,
			@RequestParam(defaultValue = "") String links, @RequestParam(defaultValue = "") String competencies, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		Course course = courses.get(caller, id);
		if (!access.manages(caller)) {
			throw ProblemException.forbidden();
		}
		CourseForm form = form(title, description, type, trainer, duration, links, competencies);
		try {
			courses.update(caller, id, form.input());
			redirect.addFlashAttribute("notice", "training.course.saved");
			return "redirect:/o/" + caller.slug() + "/training/courses/" + course.id();
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			rejectCourse(model, e);
			model.addAttribute("form", form);
			return courseForm(caller, course, model);
		}
	}

	/** A learning link as the viewer may see it: its title and page, or that it is hidden. */
	record ShownLink(String title, String path) {
	}

	@GetMapping("/o/{org}/training/courses/{id}")
	String course(@PathVariable String org, @PathVariable String id, Paging paging, Model model) {
		OrgAccess caller = organizations.access(org);
		Course course = courses.get(caller, id);
		return coursePage(caller, course, paging, model);
	}

	private String coursePage(OrgAccess caller, Course course, Paging paging, Model model) {
		common(caller, model);
		model.addAttribute("course", course);
		model.addAttribute("descriptionHtml", markdown.toHtml(course.description()));
		List<ShownLink> links = new ArrayList<>();
		for (Course.Link link : course.links()) {
			RecordRef ref = records.find(caller.orgId().value(), link.type(), link.id(), caller.personId().value()).orElse(null);
			links.add(ref == null ? new ShownLink(null, null) : new ShownLink(ref.title(), ref.path()));
		}
		model.addAttribute("links", links);
		model.addAttribute("trainerName",
				course.trainer() == null ? null : organizations.names(List.of(course.trainer())).get(course.trainer()));
		Page<Assignment> list = assignments.list(caller, new AssignmentService.Filter(null, course.id(), null, null, false), paging);
		model.addAttribute("assignments", list);
		model.addAttribute("names", names(list.items()));
		model.addAttribute("canAssign", access.canAssign(caller));
		if (!model.containsAttribute("assignForm")) {
			model.addAttribute("assignForm", new AssignmentService.NewAssignment("", assignments.today().plusDays(30).toString(), ""));
		}
		return "training/course";
	}

	@PostMapping("/o/{org}/training/courses/{id}/assignments")
	String assign(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "") String due, @RequestParam(defaultValue = "") String reason, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		Course course = courses.get(caller, id);
		AssignmentService.NewAssignment request = new AssignmentService.NewAssignment(person, due, reason);
		try {
			assignments.assign(caller, id, request);
			redirect.addFlashAttribute("notice", "training.assignment.created");
			return "redirect:/o/" + caller.slug() + "/training/courses/" + course.id() + "#assignments";
		}
		catch (ProblemException e) {
			if (e.status().value() != 400 && e.status().value() != 409) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("assignForm", request);
			return coursePage(caller, course, Paging.first(), model);
		}
	}

	// --- an assignment

	@GetMapping("/o/{org}/training/assignments/{id}")
	String assignment(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		return assignmentPage(caller, assignments.get(caller, id), model);
	}

	private String assignmentPage(OrgAccess caller, Assignment assignment, Model model) {
		common(caller, model);
		model.addAttribute("a", assignment);
		Set<PersonId> people = new HashSet<>();
		people.add(assignment.person());
		for (PersonId p : Arrays.asList(assignment.assignedBy(), assignment.completedBy(), assignment.confirmedBy())) {
			if (p != null) {
				people.add(p);
			}
		}
		model.addAttribute("names", organizations.names(people));
		model.addAttribute("canComplete", access.canComplete(caller, assignment) && assignment.status() == AssignmentStatus.OPEN);
		model.addAttribute("canConfirm", access.canConfirm(caller, assignment)
				&& (assignment.status() == AssignmentStatus.OPEN || assignment.status() == AssignmentStatus.COMPLETED_SELF_REPORTED));
		if (!model.containsAttribute("evidence")) {
			model.addAttribute("evidence", "");
			model.addAttribute("link", "");
		}
		return "training/assignment";
	}

	@PostMapping("/o/{org}/training/assignments/{id}/completion")
	String complete(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String evidence,
			@RequestParam(defaultValue = "") String link, @RequestParam(defaultValue = "") String back, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		Assignment assignment = assignments.get(caller, id);
		try {
			assignments.complete(caller, id, new AssignmentService.Completion(evidence, link));
			redirect.addFlashAttribute("notice", "training.completion.saved");
			return "mine".equals(back) ? "redirect:/o/" + caller.slug() + "/training"
					: "redirect:/o/" + caller.slug() + "/training/assignments/" + assignment.id();
		}
		catch (ProblemException e) {
			if (e.status().value() != 400 && e.status().value() != 409) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("evidence", evidence);
			model.addAttribute("link", link);
			return assignmentPage(caller, assignments.get(caller, id), model);
		}
	}

	@PostMapping("/o/{org}/training/assignments/{id}/confirmation")
	String confirm(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		Assignment assignment = assignments.get(caller, id);
		try {
			assignments.confirm(caller, id);
			redirect.addFlashAttribute("notice", "training.confirmation.saved");
		}
		catch (ProblemException e) {
			if (e.status().value() != 409) {
				throw e;
			}
			redirect.addFlashAttribute("notice", "training.confirmation.already");
		}
		return "redirect:/o/" + caller.slug() + "/training/assignments/" + assignment.id();
	}

	// --- my team

	@GetMapping("/o/{org}/training/team")
	String team(@PathVariable String org, @RequestParam(defaultValue = "false") boolean overdue, Paging paging, Model model) {
		OrgAccess caller = organizations.access(org);
		common(caller, model);
		Page<Assignment> list = assignments.list(caller,
				new AssignmentService.Filter(null, null, overdue ? AssignmentStatus.OPEN : null, overdue ? Boolean.TRUE : null, true),
				paging);
		model.addAttribute("assignments", list);
		model.addAttribute("names", names(list.items()));
		model.addAttribute("overdue", overdue);
		return "training/team";
	}

	// --- rules

	private OrgAccess manager(String org) {
		OrgAccess caller = organizations.access(org);
		if (!caller.can(Role.KNOWLEDGE_MANAGER)) {
			throw ProblemException.forbidden();
		}
		return caller;
	}

	@GetMapping("/o/{org}/training/rules")
	String rules(@PathVariable String org, Paging paging, Model model) {
		OrgAccess caller = manager(org);
		return rulesPage(caller, paging, model);
	}

	private String rulesPage(OrgAccess caller, Paging paging, Model model) {
		common(caller, model);
		model.addAttribute("rules", rules.list(caller, paging));
		model.addAttribute("allCourses", courses.list(caller, new CourseService.Filter(null, null, CourseService.Sort.TITLE),
				new Paging(0, Paging.MAX_SIZE)).items());
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("ruleForm")) {
			model.addAttribute("ruleForm", new RuleForm("EDITOR", "", "30", ""));
		}
		return "training/rules";
	}

	record RuleForm(String role, String course, String withinDays, String everyDays) {
	}

	private static Integer number(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw ProblemException.invalid(field, "training.days.range", org.tacit.training.internal.Limits.DAYS);
		}
	}

	@PostMapping("/o/{org}/training/rules")
	String createRule(@PathVariable String org, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String course, @RequestParam(defaultValue = "") String withinDays,
			@RequestParam(defaultValue = "") String everyDays, Model model, RedirectAttributes redirect) {
		OrgAccess caller = manager(org);
		RuleForm form = new RuleForm(role, course, withinDays, everyDays);
		try {
			RuleService.Created created = rules.create(caller,
					new RuleService.NewRule(role, course, number("withinDays", withinDays), number("everyDays", everyDays)));
			redirect.addFlashAttribute("notice", "training.rule.created");
			redirect.addFlashAttribute("noticeArg", created.assigned());
			return "redirect:/o/" + caller.slug() + "/training/rules";
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("ruleForm", form);
			return rulesPage(caller, Paging.first(), model);
		}
	}

	@GetMapping("/o/{org}/training/rules/{id}/delete")
	String confirmDelete(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		Rule rule = rules.get(caller, id);
		if (!caller.can(Role.KNOWLEDGE_MANAGER)) {
			throw ProblemException.forbidden();
		}
		common(caller, model);
		model.addAttribute("rule", rule);
		return "training/rule-delete";
	}

	@PostMapping("/o/{org}/training/rules/{id}/delete")
	String delete(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		rules.remove(caller, id);
		redirect.addFlashAttribute("notice", "training.rule.removed");
		return "redirect:/o/" + caller.slug() + "/training/rules";
	}
}
