package org.tacit.program.api;

import java.net.URI;

import java.util.UUID;

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
import org.tacit.program.internal.Initiative;
import org.tacit.program.internal.InitiativeService;
import org.tacit.program.internal.ObjectiveService;
import org.tacit.program.internal.ProgramService;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** The KM program: objectives, initiatives with milestones, links and budgets, the program and staff views. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "KM program", description = "Strategy objectives, initiatives, budgets, the program view and the staff view")
class ProgramApi {

	private final Organizations organizations;
	private final ObjectiveService objectives;
	private final InitiativeService initiatives;
	private final ProgramService program;

	ProgramApi(Organizations organizations, ObjectiveService objectives, InitiativeService initiatives,
			ProgramService program) {
		this.organizations = organizations;
		this.objectives = objectives;
		this.initiatives = initiatives;
		this.program = program;
	}

	static UUID id(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.notFound();
		}
	}

	// --- objectives

	@PostMapping("/objectives")
	@Operation(summary = "Create a strategy objective (knowledge managers and administrators): title (at most 200), "
			+ "description (at most 10,000), owner (a member's id or email; default the caller)")
	ResponseEntity<Views.ObjectiveView> createObjective(@PathVariable String org,
			@RequestBody(required = false) ObjectiveService.Input input) {
		OrgAccess caller = organizations.access(org);
		var created = objectives.create(caller, input);
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + caller.slug() + "/objectives/" + created.id()))
			.body(Views.ObjectiveView.of(created));
	}

	@GetMapping("/objectives")
	@Operation(summary = "The strategy objectives by title (every member)")
	Page<Views.ObjectiveView> objectives(@PathVariable String org, Paging paging) {
		return objectives.list(organizations.access(org), paging).map(Views.ObjectiveView::of);
	}

	@PutMapping("/objectives/{id}")
	@Operation(summary = "Change an objective (knowledge managers and administrators); omitted fields stay, a blank owner removes it")
	Views.ObjectiveView updateObjective(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) ObjectiveService.Input input) {
		return Views.ObjectiveView.of(objectives.update(organizations.access(org), id(id), input));
	}

	// --- initiatives

	private Views.InitiativeView view(OrgAccess caller, Initiative initiative) {
		return Views.InitiativeView.of(initiative, initiatives.today(),
				initiative.budgetShown() ? initiatives.history(caller, initiative.id()) : null);
	}

	@PostMapping("/initiatives")
	@Operation(summary = "Create an initiative (knowledge managers and administrators): name, description, owner and "
			+ "sponsor (members, by id or email), status (PROPOSED default, ACTIVE, ON_HOLD, DONE, CANCELLED), objective "
			+ "(an objective's id, optional), startDate and endDate (yyyy-MM-dd, optional)")
	ResponseEntity<Views.InitiativeView> createInitiative(@PathVariable String org,
			@RequestBody(required = false) InitiativeService.Input input) {
		OrgAccess caller = organizations.access(org);
		Initiative created = initiatives.create(caller, input);
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + caller.slug() + "/initiatives/" + created.id()))
			.body(view(caller, created));
	}

	@GetMapping("/initiatives")
	@Operation(summary = "Initiatives (every member; budgets only for knowledge managers, administrators, owner and "
			+ "sponsor), optionally of one status; sort: name (default), created, start, end, '-' before for the reverse")
	Page<Views.InitiativeSummary> initiatives(@PathVariable String org, @RequestParam(required = false) String status,
			@RequestParam(required = false) String sort, Paging paging) {
		OrgAccess caller = organizations.access(org);
		var today = initiatives.today();
		return initiatives.list(caller, status, sort, paging).map(i -> Views.InitiativeSummary.of(i, today));
	}

	@GetMapping("/initiatives/{id}")
	@Operation(summary = "An initiative with milestones, links, figures, risks and (for those who may see it) its budget "
			+ "and the latest 20 budget changes")
	Views.InitiativeView initiative(@PathVariable String org, @PathVariable String id) {
		OrgAccess caller = organizations.access(org);
		return view(caller, initiatives.get(caller, id(id)));
	}

	@PutMapping("/initiatives/{id}")
	@Operation(summary = "Change an initiative (knowledge managers and administrators; the owner may change the status "
			+ "only); omitted fields stay, a blank objective, startDate or endDate removes it")
	Views.InitiativeView updateInitiative(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) InitiativeService.Input input) {
		OrgAccess caller = organizations.access(org);
		return view(caller, initiatives.update(caller, id(id), input));
	}

	@PutMapping("/initiatives/{id}/budget")
	@Operation(summary = "Replace the budget: currency (ISO 4217), lines [{category: PEOPLE|TECHNOLOGY|TRAINING|EVENTS|"
			+ "OTHER, planned, actual}], one line per category, amounts from 0 to 999,999,999,999.99 with at most two "
			+ "decimals (knowledge managers and administrators; the owner may change the actual amounts only)")
	Views.InitiativeView budget(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) InitiativeService.BudgetInput input) {
		OrgAccess caller = organizations.access(org);
		return view(caller, initiatives.setBudget(caller, id(id), input));
	}

	@PostMapping("/initiatives/{id}/milestones")
	@Operation(summary = "Add a milestone (knowledge managers, administrators and the owner): title, dueDate "
			+ "(yyyy-MM-dd, optional), done (optional); at most 50 per initiative")
	ResponseEntity<Views.InitiativeView> addMilestone(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) InitiativeService.MilestoneInput input) {
		OrgAccess caller = organizations.access(org);
		Initiative changed = initiatives.addMilestone(caller, id(id), input);
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + caller.slug() + "/initiatives/" + changed.id()))
			.body(view(caller, changed));
	}

	@PutMapping("/initiatives/{id}/milestones/{mid}")
	@Operation(summary = "Change a milestone (knowledge managers, administrators and the owner): title, dueDate, done "
			+ "(true marks it done now, false reopens it); omitted fields stay")
	Views.InitiativeView updateMilestone(@PathVariable String org, @PathVariable String id, @PathVariable String mid,
			@RequestBody(required = false) InitiativeService.MilestoneInput input) {
		OrgAccess caller = organizations.access(org);
		return view(caller, initiatives.updateMilestone(caller, id(id), id(mid), input));
	}

	@PutMapping("/initiatives/{id}/links")
	@Operation(summary = "Replace the linked records (records: [{type, id}], at most 50, each in the organization and "
			+ "visible to the caller) and figures (figures: measurement figure names, at most 20); an omitted list stays "
			+ "(knowledge managers and administrators)")
	Views.InitiativeView links(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) InitiativeService.LinksInput input) {
		OrgAccess caller = organizations.access(org);
		return view(caller, initiatives.setLinks(caller, id(id), input));
	}

	// --- the program

	@GetMapping("/program")
	@Operation(summary = "The program view: objectives with their initiatives, budget against actual per currency and "
			+ "category (knowledge managers and administrators), initiatives at risk worst first with their reasons, "
			+ "linked figures of the last 90 days against their targets")
	Views.ProgramView program(@PathVariable String org) {
		return Views.ProgramView.of(program.view(organizations.access(org)));
	}

	@GetMapping("/program/staff")
	@Operation(summary = "The staff view (knowledge managers and administrators): the members whose manager is "
			+ "`manager` (id or email; default the caller) with their knowledge-sharing record this year")
	Views.StaffView staff(@PathVariable String org, @RequestParam(required = false) String manager, Paging paging) {
		OrgAccess caller = organizations.access(org);
		ProgramService.Staff staff = program.staff(caller, manager, paging);
		return new Views.StaffView(Views.PersonView.of(staff.manager()), staff.from(), staff.to(),
				staff.people().map(r -> Views.StaffRowView.of(r, caller.slug())));
	}

}
