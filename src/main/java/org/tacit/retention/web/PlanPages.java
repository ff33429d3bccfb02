package org.tacit.retention.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.retention.internal.Input;
import org.tacit.retention.internal.Plan;
import org.tacit.retention.internal.PlanService;
import org.tacit.retention.internal.RiskService;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** A transfer plan's page: its tasks, its outputs (linked or captured) and its status. */
@Controller
class PlanPages {

	private final Organizations organizations;
	private final PlanService plans;
	private final RiskService risks;
	private final Forms forms;

	PlanPages(Organizations organizations, PlanService plans, RiskService risks, Forms forms) {
		this.organizations = organizations;
		this.plans = plans;
		this.risks = risks;
		this.forms = forms;
	}

	/** The plan form of a risk entry's page, as typed. */
	record PlanForm(String successors, List<String> methods, String dueDate, String notes) {
	}

	/** The task form, as typed. */
	record TaskForm(String title, String method, String owner, String dueDate) {
	}

	/** The output forms, as typed: a link ({@code type}, {@code id}) or notes captured as an item. */
	record OutputForm(String type, String id, String space, String title, String body, String tags) {
	}

	@GetMapping("/o/{org}/plans/{id}")
	String plan(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		Plan plan = plans.get(caller, id);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("plan", plan);
		model.addAttribute("rights", plans.rights(caller, plan));
		model.addAttribute("viewer", caller.personId());
		model.addAttribute("today", risks.today());
		model.addAttribute("methods", Plan.Method.values());
		if (!model.containsAttribute("planForm")) {
			model.addAttribute("planForm", new PlanForm(String.join(", ", plan.successors()
				.stream()
				.map(s -> organizations.findMember(caller.orgId(), s.id().toString())
					.map(Organizations.Member::email)
					.orElse(s.id().toString()))
				.toList()), plan.methods().stream().map(Enum::name).toList(),
					plan.dueDate() == null ? "" : plan.dueDate().toString(), plan.notes()));
		}
		if (!model.containsAttribute("taskForm")) {
			model.addAttribute("taskForm", new TaskForm("", "", "", ""));
		}
		if (!model.containsAttribute("outputForm")) {
			model.addAttribute("outputForm", new OutputForm("item", "", "", "", "", ""));
		}
		return "retention/plan";
	}

	private String refused(ProblemException e, String org, String id, Model model) {
		if (e.status().value() != 400 && e.status().value() != 409) {
			throw e;
		}
		forms.reject(model, e);
		return plan(org, id, model);
	}

	@PostMapping("/o/{org}/plans/{id}/tasks")
	String addTask(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String method, @RequestParam(defaultValue = "") String owner,
			@RequestParam(defaultValue = "") String dueDate, Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		try {
			Plan.Task task = plans.addTask(caller, id, new PlanService.TaskChange(title, method, owner, dueDate));
			redirect.addFlashAttribute("notice", "retention.task.added");
			redirect.addFlashAttribute("noticeArg", task.title());
			return "redirect:/o/" + caller.slug() + "/plans/" + id + "#tasks";
		}
		catch (ProblemException e) {
			model.addAttribute("taskForm", new TaskForm(title, method, owner, dueDate));
			model.addAttribute("formFor", "task");
			return refused(e, org, id, model);
		}
	}

	@PostMapping("/o/{org}/plans/{id}/tasks/{task}/done")
	String done(@PathVariable String org, @PathVariable String id, @PathVariable String task,
			@RequestParam(defaultValue = "true") boolean done, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		Plan.Task changed = plans.setDone(caller, id, task, done);
		redirect.addFlashAttribute("notice", done ? "retention.task.done" : "retention.task.reopened");
		redirect.addFlashAttribute("noticeArg", changed.title());
		return "redirect:/o/" + caller.slug() + "/plans/" + id + "#tasks";
	}

	@PostMapping("/o/{org}/plans/{id}/outputs")
	String addOutput(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String type,
			@RequestParam(name = "record", defaultValue = "") String record, @RequestParam(defaultValue = "") String space,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "link") String how, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		boolean capture = how.equals("capture");
		try {
			if (!capture && record.isBlank()) {
				throw ProblemException.invalid("record", "problem.field.required");
			}
			Plan.Output output = plans.addOutput(caller, id, capture
					? new PlanService.OutputChange("item", null, space, title, body, Input.split(tags))
					: new PlanService.OutputChange(type, lastPart(record), null, null, null, null));
			redirect.addFlashAttribute("notice", capture ? "retention.output.captured" : "retention.output.linked");
			redirect.addFlashAttribute("noticeArg", output.title());
			return "redirect:/o/" + caller.slug() + "/plans/" + id + "#outputs";
		}
		catch (ProblemException e) {
			model.addAttribute("outputForm", new OutputForm(type, record, space, title, body, tags));
			model.addAttribute("formFor", capture ? "capture" : "link");
			return refused(e, org, id, model);
		}
	}

	/** A pasted address of a record ({@code .../items/<id>}) stands for its id. */
	static String lastPart(String record) {
		String value = record.strip();
		int hash = value.indexOf('#');
		value = hash >= 0 ? value.substring(0, hash) : value;
		int query = value.indexOf('?');
		value = query >= 0 ? value.substring(0, query) : value;
		while (value.endsWith("/")) {
			value = value.substring(0, value.length() - 1);
		}
		return value.contains("/") ? value.substring(value.lastIndexOf('/') + 1) : value;
	}

	@PostMapping("/o/{org}/plans/{id}/outputs/{output}/remove")
	String removeOutput(@PathVariable String org, @PathVariable String id, @PathVariable String output,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		plans.removeOutput(caller, id, output);
		redirect.addFlashAttribute("notice", "retention.output.removed");
		return "redirect:/o/" + caller.slug() + "/plans/" + id + "#outputs";
	}

	/** Completing or reopening a plan is one click; cancelling asks first ({@code confirm} page). */
	@PostMapping("/o/{org}/plans/{id}/status")
	String status(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		if (status.equals("CANCELLED") && !confirmed) {
			model.addAttribute("currentOrg", caller);
			model.addAttribute("plan", plans.get(caller, id));
			return "retention/plan-cancel";
		}
		try {
			if (status.isBlank()) {
				throw ProblemException.invalid("status", "problem.field.required");
			}
			plans.update(caller, id, new PlanService.PlanChange(null, null, null, null, status));
			redirect.addFlashAttribute("notice", "retention.plan.statusChanged." + status);
			return "redirect:/o/" + caller.slug() + "/plans/" + id;
		}
		catch (ProblemException e) {
			return refused(e, org, id, model);
		}
	}

	@PostMapping("/o/{org}/plans/{id}")
	String update(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String successors,
			@RequestParam(name = "method", required = false) List<String> methods,
			@RequestParam(defaultValue = "") String dueDate, @RequestParam(defaultValue = "") String notes, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		try {
			plans.update(caller, id, new PlanService.PlanChange(Input.split(successors),
					methods == null ? List.of() : methods, dueDate, notes, null));
			redirect.addFlashAttribute("notice", "retention.plan.saved");
			return "redirect:/o/" + caller.slug() + "/plans/" + id;
		}
		catch (ProblemException e) {
			model.addAttribute("formFor", "plan");
			model.addAttribute("planForm", new PlanForm(successors, methods == null ? List.of() : methods, dueDate, notes));
			return refused(e, org, id, model);
		}
	}
}
