package org.tacit.program.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.measurement.KmFigures;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.program.internal.Category;
import org.tacit.program.internal.Initiative;
import org.tacit.program.internal.InitiativeService;
import org.tacit.program.internal.Objective;
import org.tacit.program.internal.ObjectiveService;
import org.tacit.program.internal.ProgramAccess;
import org.tacit.program.internal.ProgramLimits;
import org.tacit.program.internal.ProgramService;
import org.tacit.program.internal.Risk;
import org.tacit.program.internal.Status;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/**
 * The KM program's pages: the program view (printable), objectives, initiatives (list, detail, edit, budget
 * table, milestones, links) and the staff view. A refused form is shown again with the messages by its fields.
 */
@Controller
class ProgramPages {

	private final Organizations organizations;
	private final ObjectiveService objectives;
	private final InitiativeService initiatives;
	private final ProgramService program;
	private final ProgramAccess access;
	private final KmFigures figures;
	private final Forms forms;

	ProgramPages(Organizations organizations, ObjectiveService objectives, InitiativeService initiatives,
			ProgramService program, ProgramAccess access, KmFigures figures, Forms forms) {
		this.organizations = organizations;
		this.objectives = objectives;
		this.initiatives = initiatives;
		this.program = program;
		this.access = access;
		this.figures = figures;
		this.forms = forms;
	}

	private static UUID id(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.notFound();
		}
	}

	/** 403 and 404 are the page's answer; any other refusal is shown on the form. */
	private static void rethrowUnlessInput(ProblemException e) {
		if (e.status().value() == 403 || e.status().value() == 404) {
			throw e;
		}
	}

	private OrgAccess caller(String org, Model model) {
		OrgAccess caller = organizations.access(org);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("manages", access.manages(caller));
		return caller;
	}

	/** Adds a value unless a refused form put the typed one there already. */
	private static void keep(Model model, String name, Object value) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, value);
		}
	}

	private static String base(OrgAccess caller) {
		return "redirect:/o/" + caller.slug() + "/program";
	}

	// --- the program view

	@GetMapping("/o/{org}/program")
	String view(@PathVariable String org, Model model) {
		OrgAccess caller = caller(org, model);
		ProgramService.View view = program.view(caller);
		model.addAttribute("view", view);
		model.addAttribute("categories", Category.values());
		return "program/view";
	}

	// --- objectives

	@GetMapping("/o/{org}/program/objectives")
	String objectivesPage(@PathVariable String org, Paging paging, Model model) {
		OrgAccess caller = caller(org, model);
		model.addAttribute("objectives", objectives.list(caller, paging));
		model.addAttribute("titleMax", ProgramLimits.TITLE_MAX);
		model.addAttribute("descriptionMax", ProgramLimits.DESCRIPTION_MAX);
		model.addAttribute("members", organizations.activeMembers(caller.orgId()));
		keep(model, "form", new ObjectiveService.Input("", "", caller.personId() == null ? "" : caller.personId().toString()));
		return "program/objectives";
	}

	@PostMapping("/o/{org}/program/objectives")
	String createObjective(@PathVariable String org, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String owner, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		ObjectiveService.Input input = new ObjectiveService.Input(title, description, owner);
		try {
			objectives.create(caller, input);
			redirect.addFlashAttribute("notice", "program.objective.created");
			return base(caller) + "/objectives";
		}
		catch (ProblemException e) {
			rethrowUnlessInput(e);
			forms.reject(model, e);
			model.addAttribute("form", input);
			return objectivesPage(org, Paging.first(), model);
		}
	}

	@GetMapping("/o/{org}/program/objectives/{id}")
	String objectivePage(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = caller(org, model);
		access.requireManager(caller);
		Objective objective = objectives.get(caller, id(id));
		model.addAttribute("objective", objective);
		keep(model, "form", new ObjectiveService.Input(objective.title(), objective.description(),
				objective.owner() == null ? "" : objective.owner().id().toString()));
		model.addAttribute("titleMax", ProgramLimits.TITLE_MAX);
		model.addAttribute("descriptionMax", ProgramLimits.DESCRIPTION_MAX);
		model.addAttribute("members", organizations.activeMembers(caller.orgId()));
		return "program/objective";
	}

	@PostMapping("/o/{org}/program/objectives/{id}")
	String updateObjective(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, @RequestParam(required = false) String owner, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		UUID objective = id(id);
		ObjectiveService.Input input = new ObjectiveService.Input(title, description, owner);
		try {
			objectives.update(caller, objective, input);
			redirect.addFlashAttribute("notice", "program.objective.saved");
			return base(caller) + "/objectives";
		}
		catch (ProblemException e) {
			rethrowUnlessInput(e);
			forms.reject(model, e);
			model.addAttribute("form", input);
			return objectivePage(org, id, model);
		}
	}

	// --- initiatives

	@GetMapping("/o/{org}/program/initiatives")
	String list(@PathVariable String org, @RequestParam(required = false) String status,
			@RequestParam(required = false) String sort, Paging paging, Model model) {
		OrgAccess caller = caller(org, model);
		String chosen = status == null ? "" : status.strip();
		String order = sort == null ? "" : sort.strip();
		Page<Initiative> page;
		try {
			page = initiatives.list(caller, chosen, order, paging);
		}
		catch (ProblemException e) {
			rethrowUnlessInput(e);
			forms.reject(model, e);
			chosen = "";
			order = "";
			page = initiatives.list(caller, null, null, paging);
		}
		model.addAttribute("page", page);
		model.addAttribute("status", chosen);
		model.addAttribute("sort", order);
		model.addAttribute("statuses", Status.values());
		model.addAttribute("sorts", List.of("name", "-name", "created", "-created", "start", "-start", "end", "-end"));
		model.addAttribute("today", initiatives.today());
		return "program/initiatives";
	}

	/** The initiative form as typed. */
	record Form(String name, String description, String owner, String sponsor, String status, String objective,
			String startDate, String endDate) {

		InitiativeService.Input input() {
			return new InitiativeService.Input(name, description, owner, sponsor, status, objective, startDate, endDate);
		}

		static Form of(Initiative i) {
			return new Form(i.name(), i.description(), i.owner().id().toString(), i.sponsor().id().toString(),
					i.status().name(), i.objective() == null ? "" : i.objective().id().toString(),
					i.startDate() == null ? "" : i.startDate().toString(), i.endDate() == null ? "" : i.endDate().toString());
		}
	}

	private void formChoices(OrgAccess caller, Model model) {
		model.addAttribute("members", organizations.activeMembers(caller.orgId()));
		model.addAttribute("allObjectives", objectives.all(caller.orgId()));
		model.addAttribute("statuses", Status.values());
		model.addAttribute("titleMax", ProgramLimits.TITLE_MAX);
		model.addAttribute("descriptionMax", ProgramLimits.DESCRIPTION_MAX);
	}

	@GetMapping("/o/{org}/program/initiatives/new")
	String newInitiative(@PathVariable String org, @RequestParam(required = false) String objective, Model model) {
		OrgAccess caller = caller(org, model);
		access.requireManager(caller);
		formChoices(caller, model);
		String me = caller.personId() == null ? "" : caller.personId().toString();
		keep(model, "form", new Form("", "", me, me, Status.PROPOSED.name(), objective == null ? "" : objective, "", ""));
		model.addAttribute("initiative", null);
		model.addAttribute("ownerOnly", false);
		return "program/initiative-form";
	}

	@PostMapping("/o/{org}/program/initiatives")
	String create(@PathVariable String org, @RequestParam(required = false) String name,
			@RequestParam(required = false) String description, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String sponsor, @RequestParam(required = false) String status,
			@RequestParam(required = false) String objective, @RequestParam(required = false) String startDate,
			@RequestParam(required = false) String endDate, Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		Form form = new Form(name, description, owner, sponsor, status, objective, startDate, endDate);
		try {
			Initiative created = initiatives.create(caller, form.input());
			redirect.addFlashAttribute("notice", "program.initiative.created");
			return base(caller) + "/initiatives/" + created.id();
		}
		catch (ProblemException e) {
			rethrowUnlessInput(e);
			forms.reject(model, e);
			model.addAttribute("form", form);
			return newInitiative(org, null, model);
		}
	}

	@GetMapping("/o/{org}/program/initiatives/{id}")
	String detail(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = caller(org, model);
		Initiative initiative = initiatives.get(caller, id(id));
		model.addAttribute("initiative", initiative);
		model.addAttribute("risks", Risk.of(initiative, initiatives.today()));
		model.addAttribute("today", initiatives.today());
		model.addAttribute("owns", access.owns(caller, initiative));
		model.addAttribute("canChange", access.manages(caller) || access.owns(caller, initiative));
		model.addAttribute("history", initiatives.history(caller, initiative.id()));
		model.addAttribute("linkedFigures", program.figuresOf(caller, initiative));
		model.addAttribute("figureNames", figures.names());
		model.addAttribute("categories", Category.values());
		model.addAttribute("figureDays", ProgramLimits.FIGURE_DAYS);
		keep(model, "recordsText", recordsText(initiative));
		keep(model, "milestoneTitle", "");
		keep(model, "milestoneDue", "");
		return "program/initiative";
	}

	private static String recordsText(Initiative initiative) {
		StringBuilder text = new StringBuilder();
		initiative.links().forEach(l -> text.append(l.type()).append(' ').append(l.id()).append('\n'));
		return text.toString();
	}

	@GetMapping("/o/{org}/program/initiatives/{id}/edit")
	String edit(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = caller(org, model);
		Initiative initiative = initiatives.get(caller, id(id));
		access.requireManagerOrOwner(caller, initiative);
		formChoices(caller, model);
		model.addAttribute("initiative", initiative);
		model.addAttribute("ownerOnly", !access.manages(caller));
		keep(model, "form", Form.of(initiative));
		return "program/initiative-form";
	}

	@PostMapping("/o/{org}/program/initiatives/{id}")
	String update(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String description, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String sponsor, @RequestParam(required = false) String status,
			@RequestParam(required = false) String objective, @RequestParam(required = false) String startDate,
			@RequestParam(required = false) String endDate, Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		UUID initiative = id(id);
		Form form = new Form(name, description, owner, sponsor, status, objective, startDate, endDate);
		try {
			initiatives.update(caller, initiative, form.input());
			redirect.addFlashAttribute("notice", "program.initiative.saved");
			return base(caller) + "/initiatives/" + initiative;
		}
		catch (ProblemException e) {
			rethrowUnlessInput(e);
			forms.reject(model, e);
			Initiative current = initiatives.get(caller, initiative);
			model.addAttribute("form", new Form(name == null ? current.name() : name,
					description == null ? current.description() : description, owner, sponsor, status, objective, startDate,
					endDate));
			return edit(org, id, model);
		}
	}

	// --- the budget

	/** One row of the budget table, as typed. */
	record BudgetRow(Category category, String planned, String actual) {
	}

	@GetMapping("/o/{org}/program/initiatives/{id}/budget")
	String budgetPage(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = caller(org, model);
		Initiative initiative = initiatives.get(caller, id(id));
		access.requireManagerOrOwner(caller, initiative);
		model.addAttribute("initiative", initiative);
		model.addAttribute("ownerOnly", !access.manages(caller));
		if (!model.containsAttribute("rows")) {
			List<BudgetRow> rows = new ArrayList<>();
			for (Category category : Category.values()) {
				Initiative.Line line = initiative.budget() == null ? null : initiative.budget().line(category);
				rows.add(new BudgetRow(category, line == null ? "" : line.planned().toPlainString(),
						line == null ? "" : line.actual().toPlainString()));
			}
			model.addAttribute("rows", rows);
			model.addAttribute("currency", initiative.budget() == null ? "" : initiative.budget().currency());
		}
		model.addAttribute("amountMax", ProgramLimits.AMOUNT_MAX.toPlainString());
		return "program/budget";
	}

	@PostMapping("/o/{org}/program/initiatives/{id}/budget")
	String saveBudget(@PathVariable String org, @PathVariable String id, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		UUID initiative = id(id);
		List<BudgetRow> rows = new ArrayList<>();
		List<InitiativeService.LineInput> lines = new ArrayList<>();
		Map<String, String> inputOfField = new HashMap<>();
		for (Category category : Category.values()) {
			String planned = form.getOrDefault("planned." + category.name(), "");
			String actual = form.getOrDefault("actual." + category.name(), "");
			rows.add(new BudgetRow(category, planned, actual));
			if (!planned.isBlank() || !actual.isBlank()) {
				int index = lines.size();
				inputOfField.put("lines[" + index + "].planned", "planned." + category.name());
				inputOfField.put("lines[" + index + "].actual", "actual." + category.name());
				lines.add(new InitiativeService.LineInput(category.name(), planned, actual));
			}
		}
		String currency = form.get("currency");
		try {
			initiatives.setBudget(caller, initiative, new InitiativeService.BudgetInput(currency, lines));
			redirect.addFlashAttribute("notice", "program.budget.saved");
			return base(caller) + "/initiatives/" + initiative;
		}
		catch (ProblemException e) {
			rethrowUnlessInput(e);
			forms.reject(model, e, inputOfField);
			model.addAttribute("rows", rows);
			model.addAttribute("currency", currency == null ? "" : currency);
			return budgetPage(org, id, model);
		}
	}

	// --- milestones and links

	@PostMapping("/o/{org}/program/initiatives/{id}/milestones")
	String addMilestone(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String dueDate, Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		UUID initiative = id(id);
		try {
			initiatives.addMilestone(caller, initiative, new InitiativeService.MilestoneInput(title, dueDate, false));
			redirect.addFlashAttribute("notice", "program.milestone.added");
			return base(caller) + "/initiatives/" + initiative + "#milestones";
		}
		catch (ProblemException e) {
			rethrowUnlessInput(e);
			forms.reject(model, e, Map.of("title", "milestoneTitle", "dueDate", "milestoneDue"));
			model.addAttribute("milestoneTitle", title == null ? "" : title);
			model.addAttribute("milestoneDue", dueDate == null ? "" : dueDate);
			return detail(org, id, model);
		}
	}

	@PostMapping("/o/{org}/program/initiatives/{id}/milestones/{mid}")
	String changeMilestone(@PathVariable String org, @PathVariable String id, @PathVariable String mid,
			@RequestParam(required = false) Boolean done, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		UUID initiative = id(id);
		initiatives.updateMilestone(caller, initiative, id(mid), new InitiativeService.MilestoneInput(null, null, done));
		redirect.addFlashAttribute("notice", "program.milestone.saved");
		return base(caller) + "/initiatives/" + initiative + "#milestones";
	}

	@PostMapping("/o/{org}/program/initiatives/{id}/links")
	String links(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) String records,
			@RequestParam(name = "figure", required = false) List<String> figureNames, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		UUID initiative = id(id);
		List<InitiativeService.RecordInput> refs = null;
		if (records != null) {
			refs = new ArrayList<>();
			for (String line : records.split("\\R")) {
				String[] parts = line.strip().split("\\s+", 2);
				if (parts.length == 2) {
					refs.add(new InitiativeService.RecordInput(parts[0], parts[1].strip()));
				}
				else if (!parts[0].isBlank()) {
					refs.add(new InitiativeService.RecordInput(null, parts[0]));
				}
			}
		}
		try {
			initiatives.setLinks(caller, initiative, new InitiativeService.LinksInput(refs,
					records == null && figureNames == null ? null : figureNames == null ? List.of() : figureNames));
			redirect.addFlashAttribute("notice", "program.links.saved");
			return base(caller) + "/initiatives/" + initiative + "#links";
		}
		catch (ProblemException e) {
			rethrowUnlessInput(e);
			Map<String, String> inputs = new LinkedHashMap<>();
			e.fields().forEach(f -> inputs.put(f.field(), f.field().startsWith("figures") ? "figures" : "records"));
			forms.reject(model, e, inputs);
			model.addAttribute("recordsText", records == null ? "" : records);
			return detail(org, id, model);
		}
	}

	// --- the staff view

	@GetMapping("/o/{org}/program/staff")
	String staff(@PathVariable String org, @RequestParam(required = false) String manager, Paging paging, Model model) {
		OrgAccess caller = caller(org, model);
		access.requireManager(caller);
		ProgramService.Staff staff;
		try {
			staff = program.staff(caller, manager, paging);
		}
		catch (ProblemException e) {
			rethrowUnlessInput(e);
			forms.reject(model, e);
			staff = program.staff(caller, null, paging);
		}
		model.addAttribute("staff", staff);
		model.addAttribute("members", organizations.activeMembers(caller.orgId()));
		return "program/staff";
	}
}
