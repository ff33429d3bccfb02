package org.tacit.retention.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.retention.RiskBand;
import org.tacit.retention.internal.Input;
import org.tacit.retention.internal.Plan;
import org.tacit.retention.internal.PlanService;
import org.tacit.retention.internal.RetentionOverview;
import org.tacit.retention.internal.Risk;
import org.tacit.retention.internal.RiskAccess;
import org.tacit.retention.internal.RiskMethod;
import org.tacit.retention.internal.RiskService;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** The risk register: the list, an entry's page and form, the overview and the scoring method. */
@Controller
class RiskPages {

	/** The API's field names, as the form's inputs are named. */
	private static final Map<String, String> INPUTS = Map.of("departure.type", "departureType", "departure.date",
			"departureDate", "departure.reason", "departureReason");

	private final Organizations organizations;
	private final RiskService risks;
	private final RiskAccess access;
	private final PlanService plans;
	private final RetentionOverview overview;
	private final Forms forms;

	RiskPages(Organizations organizations, RiskService risks, RiskAccess access, PlanService plans,
			RetentionOverview overview, Forms forms) {
		this.organizations = organizations;
		this.risks = risks;
		this.access = access;
		this.plans = plans;
		this.overview = overview;
		this.forms = forms;
	}

	/** The register; only the results when htmx asks (the filters change). */
	@GetMapping("/o/{org}/risks")
	String register(@PathVariable String org, @RequestParam(required = false) String band,
			@RequestParam(defaultValue = "OPEN") String status, @RequestParam(required = false) String departureType,
			@RequestParam(required = false) String planned, @RequestParam(required = false) String person,
			@RequestParam(defaultValue = "TOTAL") String sort, @RequestParam(required = false) Boolean desc, Paging paging,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		OrgAccess caller = organizations.access(org);
		RiskService.Sort order = Input.choice("sort", sort, RiskService.Sort.class);
		order = order == null ? RiskService.Sort.TOTAL : order;
		boolean descending = desc != null ? desc : order != RiskService.Sort.DEPARTURE;
		PersonId who = person == null || person.isBlank() ? null
				: organizations.findMember(caller.orgId(), person).map(Organizations.Member::id).orElse(null);
		RiskService.Filter filter = new RiskService.Filter(Input.choice("band", band, RiskBand.class),
				"ANY".equals(status) ? null : Input.choice("status", status, Risk.Status.class),
				Input.choice("departureType", departureType, Risk.DepartureType.class),
				planned == null || planned.isBlank() ? null : Boolean.valueOf(planned), who, order, descending);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("risks", risks.list(caller, filter, paging));
		model.addAttribute("filter", filter);
		model.addAttribute("band", band == null ? "" : band);
		model.addAttribute("status", status);
		model.addAttribute("departureType", departureType == null ? "" : departureType);
		model.addAttribute("planned", planned == null ? "" : planned);
		model.addAttribute("person", who == null ? "" : who.toString());
		model.addAttribute("sort", order);
		model.addAttribute("desc", descending);
		model.addAttribute("bands", RiskBand.values());
		model.addAttribute("departureTypes", Risk.DepartureType.values());
		model.addAttribute("sorts", RiskService.Sort.values());
		model.addAttribute("canCreate", access.canCreate(caller));
		model.addAttribute("seesAll", access.seesAll(caller));
		return htmx != null ? "retention/risks :: results" : "retention/risks";
	}

	@GetMapping("/o/{org}/risks/new")
	String newForm(@PathVariable String org, @RequestParam(defaultValue = "") String person, Model model) {
		OrgAccess caller = organizations.access(org);
		if (!access.canCreate(caller)) {
			throw ProblemException.forbidden();
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", RiskForm.empty(person));
		}
		return form(caller, null, model);
	}

	private String form(OrgAccess caller, Risk risk, Model model) {
		model.addAttribute("currentOrg", caller);
		model.addAttribute("risk", risk);
		model.addAttribute("departureTypes", Risk.DepartureType.values());
		model.addAttribute("scores", List.of(1, 2, 3, 4, 5));
		model.addAttribute("statuses", Risk.Status.values());
		model.addAttribute("method", risks.method(caller.orgId()));
		model.addAttribute("today", risks.today());
		return "retention/risk-form";
	}

	private static RiskForm read(MultiValueMap<String, String> params) {
		return new RiskForm(first(params, "person"), first(params, "position"),
				RiskForm.rows(params.get("areaDescription"), params.get("areaTags")), first(params, "departureType"),
				first(params, "departureDate"), first(params, "departureReason"), first(params, "attritionRisk"),
				first(params, "criticality"), first(params, "uniqueness"), first(params, "documentationGap"),
				first(params, "positionRisk"), first(params, "notes"), first(params, "status"));
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	@PostMapping("/o/{org}/risks")
	String create(@PathVariable String org, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		RiskForm form = read(params);
		try {
			Risk risk = risks.create(caller, form.change());
			redirect.addFlashAttribute("notice", "retention.risk.created");
			return "redirect:/o/" + caller.slug() + "/risks/" + risk.id();
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			forms.reject(model, e, INPUTS);
			model.addAttribute("form", form.withBlankRows());
			return form(caller, null, model);
		}
	}

	@GetMapping("/o/{org}/risks/{id}")
	String risk(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		Risk risk = risks.get(caller, id);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("risk", risk);
		model.addAttribute("plans", plans.plansOf(caller, risk));
		model.addAttribute("canManage", access.canManage(caller, risk.person()));
		model.addAttribute("method", risks.method(caller.orgId()));
		model.addAttribute("today", risks.today());
		model.addAttribute("monthsLeft", risk.departure().date() == null ? 0
				: java.time.temporal.ChronoUnit.MONTHS.between(risks.today(), risk.departure().date()));
		model.addAttribute("methods", Plan.Method.values());
		if (!model.containsAttribute("planForm")) {
			model.addAttribute("planForm", new PlanPages.PlanForm("", List.of(), "", ""));
		}
		return "retention/risk";
	}

	@GetMapping("/o/{org}/risks/{id}/edit")
	String editForm(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		Risk risk = risks.get(caller, id);
		if (!access.canManage(caller, risk.person())) {
			throw ProblemException.forbidden();
		}
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", RiskForm.of(risk, ""));
		}
		return form(caller, risk, model);
	}

	@PostMapping("/o/{org}/risks/{id}")
	String update(@PathVariable String org, @PathVariable String id, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		RiskForm form = read(params);
		try {
			Risk risk = risks.update(caller, id, form.change());
			redirect.addFlashAttribute("notice", "retention.risk.saved");
			return "redirect:/o/" + caller.slug() + "/risks/" + risk.id();
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			forms.reject(model, e, INPUTS);
			model.addAttribute("form", form.withBlankRows());
			return form(caller, risks.get(caller, id), model);
		}
	}

	@PostMapping("/o/{org}/risks/{id}/plans")
	String createPlan(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String successors,
			@RequestParam(name = "method", required = false) List<String> methods,
			@RequestParam(defaultValue = "") String dueDate, @RequestParam(defaultValue = "") String notes, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		try {
			Plan plan = plans.create(caller, id, new PlanService.PlanChange(Input.split(successors),
					methods == null ? List.of() : methods, dueDate, notes, null));
			redirect.addFlashAttribute("notice", "retention.plan.created");
			return "redirect:/o/" + caller.slug() + "/plans/" + plan.id();
		}
		catch (ProblemException e) {
			if (e.status().value() != 400 && e.status().value() != 409) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("planForm", new PlanPages.PlanForm(successors, methods == null ? List.of() : methods,
					dueDate, notes));
			return risk(org, id, model);
		}
	}

	@GetMapping("/o/{org}/risks/overview")
	String overview(@PathVariable String org, Model model) {
		OrgAccess caller = organizations.access(org);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("overview", overview.overview(caller));
		return "retention/overview";
	}

	/** The inputs of the method form, in order. */
	static final List<String> METHOD_FIELDS = List.of("attrition5Months", "attrition4Months", "attrition3Months",
			"attrition2Months", "highFrom", "mediumFrom");

	@GetMapping("/o/{org}/risks/method")
	String method(@PathVariable String org, Model model) {
		OrgAccess caller = organizations.access(org);
		if (!access.seesAll(caller)) {
			throw ProblemException.forbidden();
		}
		model.addAttribute("currentOrg", caller);
		if (!model.containsAttribute("values")) {
			model.addAttribute("values", values(risks.method(caller.orgId())));
		}
		model.addAttribute("defaults", values(RiskMethod.DEFAULTS));
		model.addAttribute("fields", METHOD_FIELDS);
		return "retention/method";
	}

	private static Map<String, String> values(RiskMethod m) {
		int[] values = { m.attrition5Months(), m.attrition4Months(), m.attrition3Months(), m.attrition2Months(),
				m.highFrom(), m.mediumFrom() };
		Map<String, String> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			map.put(METHOD_FIELDS.get(i), String.valueOf(values[i]));
		}
		return map;
	}

	@PostMapping("/o/{org}/risks/method")
	String saveMethod(@PathVariable String org, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		try {
			int[] v = new int[METHOD_FIELDS.size()];
			for (int i = 0; i < v.length; i++) {
				v[i] = number(METHOD_FIELDS.get(i), params.getFirst(METHOD_FIELDS.get(i)));
			}
			risks.saveMethod(caller, new RiskMethod(v[0], v[1], v[2], v[3], v[4], v[5]));
			redirect.addFlashAttribute("notice", "retention.method.saved");
			return "redirect:/o/" + caller.slug() + "/risks/method";
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			forms.reject(model, e);
			Map<String, String> typed = new java.util.LinkedHashMap<>();
			METHOD_FIELDS.forEach(f -> typed.put(f, first(params, f)));
			model.addAttribute("values", typed);
			return method(org, model);
		}
	}

	private static int number(String field, String value) {
		try {
			return Integer.parseInt(value == null ? "" : value.strip());
		}
		catch (NumberFormatException e) {
			throw ProblemException.invalid(field, "problem.field.format");
		}
	}
}
