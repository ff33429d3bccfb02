package org.tacit.retention.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

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
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.retention.KnowledgeRetention;
import org.tacit.retention.RiskBand;
import org.tacit.retention.internal.Input;
import org.tacit.retention.internal.Plan;
import org.tacit.retention.internal.PlanService;
import org.tacit.retention.internal.RetentionOverview;
import org.tacit.retention.internal.Risk;
import org.tacit.retention.internal.RiskMethod;
import org.tacit.retention.internal.RiskService;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/**
 * The knowledge-loss risk register and its overview. Entries are visible only to knowledge managers,
 * administrators and the person's manager; the person sees their own. Others get 404.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Risk register", description = "Knowledge-loss risk: attrition risk × position risk, and the plans for it")
class RiskApi {

	private final Organizations organizations;
	private final RiskService risks;
	private final PlanService plans;
	private final RetentionOverview overview;

	RiskApi(Organizations organizations, RiskService risks, PlanService plans, RetentionOverview overview) {
		this.organizations = organizations;
		this.risks = risks;
		this.plans = plans;
		this.overview = overview;
	}

	record AreaRequest(String description, List<String> tags) {
	}

	record DepartureRequest(String type, String date, String reason) {
	}

	/**
	 * An entry as a client sends it. {@code attritionRisk} counts only without a departure date (with a
	 * date it is computed); {@code positionRisk} may be left out when criticality, uniqueness and
	 * documentationGap are all given (their mean is used).
	 */
	record RiskRequest(String person, String position, List<AreaRequest> knowledgeAreas, DepartureRequest departure,
			Integer attritionRisk, Integer positionRisk, Integer criticality, Integer uniqueness,
			Integer documentationGap, String notes, String status) {

		RiskService.RiskChange change() {
			DepartureRequest d = departure == null ? new DepartureRequest(null, null, null) : departure;
			List<RiskService.AreaInput> areas = knowledgeAreas == null ? null
					: knowledgeAreas.stream()
						.map(a -> a == null ? null : new RiskService.AreaInput(a.description(), a.tags()))
						.toList();
			return new RiskService.RiskChange(person, position, areas, d.type(), d.date(), d.reason(), attritionRisk,
					criticality, uniqueness, documentationGap, positionRisk, notes, status);
		}
	}

	@PostMapping("/risks")
	@Operation(summary = "Add an entry for a person (or a position): knowledgeAreas, departure {type, date, reason}, "
			+ "positionRisk 1-5; answered with attritionRisk, total and band")
	ResponseEntity<Views.RiskView> create(@PathVariable String org, @RequestBody RiskRequest request) {
		OrgAccess access = organizations.access(org);
		Risk risk = risks.create(access, request.change());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/risks/" + risk.id()))
			.body(Views.RiskView.of(risk));
	}

	@GetMapping("/risks")
	@Operation(summary = "The entries the caller may see, sorted by TOTAL (default, highest first), ATTRITION, "
			+ "POSITION, DEPARTURE (soonest first) or UPDATED, desc to reverse; filtered by band, status (OPEN by default; ANY for all), departureType, "
			+ "planned and person")
	Page<Views.RiskView> list(@PathVariable String org, @RequestParam(defaultValue = "TOTAL") String sort,
			@RequestParam(required = false) Boolean desc, @RequestParam(required = false) String band,
			@RequestParam(defaultValue = "OPEN") String status, @RequestParam(required = false) String departureType,
			@RequestParam(required = false) Boolean planned, @RequestParam(required = false) String person,
			Paging paging) {
		OrgAccess access = organizations.access(org);
		RiskService.Sort chosen = Input.choice("sort", sort, RiskService.Sort.class);
		RiskService.Sort order = chosen == null ? RiskService.Sort.TOTAL : chosen;
		PersonId who = person == null || person.isBlank() ? null
				: organizations.findMember(access.orgId(), person)
					.map(Organizations.Member::id)
					.orElseThrow(() -> ProblemException.invalid("person", "retention.person.unknown"));
		RiskService.Filter filter = new RiskService.Filter(Input.choice("band", band, RiskBand.class),
				"ANY".equalsIgnoreCase(status.strip()) ? null : Input.choice("status", status, Risk.Status.class),
				Input.choice("departureType", departureType, Risk.DepartureType.class), planned, who, order,
				// highest, latest first; departures soonest first
				desc != null ? desc : order != RiskService.Sort.DEPARTURE);
		return risks.list(access, filter, paging).map(Views.RiskView::of);
	}

	@GetMapping("/risks/{id}")
	@Operation(summary = "One entry")
	Views.RiskView get(@PathVariable String org, @PathVariable String id) {
		return Views.RiskView.of(risks.get(organizations.access(org), id));
	}

	@PutMapping("/risks/{id}")
	@Operation(summary = "Assess an entry again (the same fields as when adding it; status OPEN or CLOSED)")
	Views.RiskView update(@PathVariable String org, @PathVariable String id, @RequestBody RiskRequest request) {
		return Views.RiskView.of(risks.update(organizations.access(org), id, request.change()));
	}

	record PlanRequest(List<String> successors, List<String> methods, String dueDate, String notes) {
	}

	@PostMapping("/risks/{id}/plans")
	@Operation(summary = "Make a knowledge transfer plan for an entry: successors (ids or emails) and methods "
			+ "(INTERVIEW, MENTORING, SHADOWING, DOCUMENTATION, WALKTHROUGH, HANDOVER); 409 while another is in progress")
	ResponseEntity<Views.PlanView> createPlan(@PathVariable String org, @PathVariable String id,
			@RequestBody PlanRequest request) {
		OrgAccess access = organizations.access(org);
		Plan plan = plans.create(access, id,
				new PlanService.PlanChange(request.successors(), request.methods(), request.dueDate(), request.notes(), null));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/plans/" + plan.id()))
			.body(Views.PlanView.of(plan));
	}

	@GetMapping("/risks/{id}/plans")
	@Operation(summary = "The plans of an entry, newest first")
	Page<Views.PlanView> plansOf(@PathVariable String org, @PathVariable String id, Paging paging) {
		OrgAccess access = organizations.access(org);
		return paging.slice(plans.plansOf(access, risks.get(access, id)).stream().map(Views.PlanView::of).toList());
	}

	record OverviewView(LocalDate asOf, int openRisks, int highRisks, int highRisksWithPlan, Double coverage,
			int activePlans, int plansBehindSchedule, int[][] heatMap, List<Views.RiskView> highRisksWithoutPlan,
			List<Views.PlanView> behindSchedule) {
	}

	@GetMapping("/retention/overview")
	@Operation(summary = "Heat map (attrition × position, open entries), high risks without a plan, plans behind "
			+ "schedule and coverage (knowledge managers and administrators)")
	OverviewView overview(@PathVariable String org) {
		RetentionOverview.Overview o = overview.overview(organizations.access(org));
		KnowledgeRetention.RetentionFigures f = o.figures();
		return new OverviewView(f.asOf(), f.openRisks(), f.highRisks(), f.highRisksWithPlan(), f.coverage(),
				f.activePlans(), f.plansBehindSchedule(), f.heatMap(), o.unplanned().stream().map(Views.RiskView::of).toList(),
				o.behindSchedule().stream().map(Views.PlanView::of).toList());
	}

	@GetMapping("/retention/method")
	@Operation(summary = "How the organization scores risk: months to departure for attrition 5, 4, 3 and 2, and the "
			+ "totals from which a risk is high or medium")
	RiskMethod method(@PathVariable String org) {
		OrgAccess access = organizations.access(org);
		return risks.method(access.orgId());
	}

	@PutMapping("/retention/method")
	@Operation(summary = "Change the scoring method (knowledge managers and administrators); open entries are scored again")
	RiskMethod setMethod(@PathVariable String org, @RequestBody MethodRequest request) {
		if (request.attrition5Months() == null || request.attrition4Months() == null || request.attrition3Months() == null
				|| request.attrition2Months() == null || request.highFrom() == null || request.mediumFrom() == null) {
			throw ProblemException.invalid(firstMissing(request), "problem.field.required");
		}
		return risks.saveMethod(organizations.access(org),
				new RiskMethod(request.attrition5Months(), request.attrition4Months(), request.attrition3Months(),
						request.attrition2Months(), request.highFrom(), request.mediumFrom()));
	}

	record MethodRequest(Integer attrition5Months, Integer attrition4Months, Integer attrition3Months,
			Integer attrition2Months, Integer highFrom, Integer mediumFrom) {
	}

	private static String firstMissing(MethodRequest r) {
		return r.attrition5Months() == null ? "attrition5Months" : r.attrition4Months() == null ? "attrition4Months"
				: r.attrition3Months() == null ? "attrition3Months" : r.attrition2Months() == null ? "attrition2Months"
						: r.highFrom() == null ? "highFrom" : "mediumFrom";
	}
}
