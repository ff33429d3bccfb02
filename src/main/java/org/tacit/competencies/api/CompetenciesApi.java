package org.tacit.competencies.api;

import java.net.URI;
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
import org.tacit.competencies.internal.Assessment;
import org.tacit.competencies.internal.AssessmentService;
import org.tacit.competencies.internal.CycleService;
import org.tacit.competencies.internal.Framework;
import org.tacit.competencies.internal.FrameworkService;
import org.tacit.competencies.internal.Suggestions;
import org.tacit.competencies.internal.TrainingNeeds;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.Texts;

/** Competency frameworks, assessment cycles, assessments and their ratings, and training needs. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Competencies", description = "Competency frameworks, assessments, evidence suggestions, training needs")
class CompetenciesApi {

	private final Organizations organizations;
	private final FrameworkService frameworks;
	private final CycleService cycles;
	private final AssessmentService assessments;
	private final Suggestions suggestions;
	private final TrainingNeeds needs;
	private final Texts texts;

	CompetenciesApi(Organizations organizations, FrameworkService frameworks, CycleService cycles,
			AssessmentService assessments, Suggestions suggestions, TrainingNeeds needs, Texts texts) {
		this.organizations = organizations;
		this.frameworks = frameworks;
		this.cycles = cycles;
		this.assessments = assessments;
		this.suggestions = suggestions;
		this.needs = needs;
		this.texts = texts;
	}

	@GetMapping("/competency-frameworks")
	@Operation(summary = "The organization's competency frameworks, the built-in leadership KM framework first (every member)")
	Page<Views.FrameworkView> frameworks(@PathVariable String org, Paging paging) {
		OrgAccess caller = organizations.access(org);
		return frameworks.list(caller.orgId(), paging).map(Views.FrameworkView::of);
	}

	@GetMapping("/competency-frameworks/{id}")
	@Operation(summary = "A framework: its scale, job profiles and competencies (every member)")
	Views.FrameworkView framework(@PathVariable String org, @PathVariable String id) {
		OrgAccess caller = organizations.access(org);
		return Views.FrameworkView.of(frameworks.get(caller.orgId(), id));
	}

	/** A new framework, or a copy of one ({@code copyOf}: its id; the other fields but the name are then ignored). */
	record FrameworkRequest(String copyOf, String name, String description, List<Framework.Level> levels,
			List<Framework.Profile> profiles, List<Framework.Competency> competencies) {

		FrameworkService.Input input() {
			return new FrameworkService.Input(name, description, levels, profiles, competencies);
		}
	}

	@PostMapping("/competency-frameworks")
	@Operation(summary = "Create a framework (name, description, levels, profiles, competencies), or copy one with copyOf "
			+ "(and optionally a name); knowledge managers and administrators")
	ResponseEntity<Views.FrameworkView> createFramework(@PathVariable String org,
			@RequestBody(required = false) FrameworkRequest request) {
		OrgAccess caller = organizations.access(org);
		FrameworkRequest body = request == null ? new FrameworkRequest(null, null, null, null, null, null) : request;
		Framework created = body.copyOf() != null ? frameworks.copy(caller, body.copyOf(), body.name())
				: frameworks.create(caller, body.input());
		return ResponseEntity
			.created(URI.create("/api/v1/orgs/" + caller.slug() + "/competency-frameworks/" + created.id()))
			.body(Views.FrameworkView.of(created));
	}

	@PutMapping("/competency-frameworks/{id}")
	@Operation(summary = "Change a framework (not the built-in one: 409); omitted parts stay as they are; knowledge "
			+ "managers and administrators")
	Views.FrameworkView updateFramework(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) FrameworkRequest request) {
		OrgAccess caller = organizations.access(org);
		return Views.FrameworkView.of(frameworks.update(caller, id, request == null ? null : request.input()));
	}

	@PostMapping("/assessment-cycles")
	@Operation(summary = "Open an assessment cycle: name, framework (id), opens and closes (ISO dates, both included); "
			+ "knowledge managers and administrators")
	ResponseEntity<Views.CycleView> createCycle(@PathVariable String org,
			@RequestBody(required = false) CycleService.Input request) {
		OrgAccess caller = organizations.access(org);
		var cycle = cycles.create(caller, request);
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + caller.slug() + "/assessment-cycles/" + cycle.id()))
			.body(Views.CycleView.of(cycle));
	}

	@GetMapping("/assessment-cycles")
	@Operation(summary = "The organization's assessment cycles, latest first (every member)")
	Page<Views.CycleView> cycles(@PathVariable String org, Paging paging) {
		OrgAccess caller = organizations.access(org);
		return cycles.list(caller.orgId(), paging).map(Views.CycleView::of);
	}

	@PostMapping("/assessments")
	@Operation(summary = "Assess a person in a cycle: cycle (id), person (id or email of an active member), profile "
			+ "(a job profile of the cycle's framework); knowledge managers and administrators")
	ResponseEntity<Views.AssessmentView> createAssessment(@PathVariable String org,
			@RequestBody(required = false) AssessmentService.Input request) {
		OrgAccess caller = organizations.access(org);
		Assessment created = assessments.create(caller, request);
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + caller.slug() + "/assessments/" + created.id()))
			.body(view(caller, created, false));
	}

	private Views.AssessmentView view(OrgAccess caller, Assessment assessment, boolean withSuggestions) {
		Framework framework = assessments.frameworkOf(caller.orgId(), assessment);
		return Views.AssessmentView.of(assessment, framework,
				withSuggestions ? suggestions.of(caller.orgId(), assessment, framework) : null);
	}

	@GetMapping("/assessments")
	@Operation(summary = "The assessments the caller may see (knowledge managers and administrators: all; others: their "
			+ "own and their reports'), latest cycle first; filters cycle, person (ids), status")
	Page<Views.AssessmentView> assessments(@PathVariable String org, @RequestParam(required = false) String cycle,
			@RequestParam(required = false) String person, @RequestParam(required = false) String status, Paging paging) {
		OrgAccess caller = organizations.access(org);
		return assessments.list(caller, new AssessmentService.Filter(cycle, person, status), paging)
			.map(a -> view(caller, a, false));
	}

	@GetMapping("/assessments/{id}")
	@Operation(summary = "An assessment with each competency's ratings and the evidence the platform suggests; the person, "
			+ "their manager, knowledge managers and administrators (others: 404)")
	Views.AssessmentView assessment(@PathVariable String org, @PathVariable String id) {
		OrgAccess caller = organizations.access(org);
		return view(caller, assessments.get(caller, id), true);
	}

	record RatingsRequest(List<AssessmentService.RatingInput> ratings, String as) {
	}

	@PutMapping("/assessments/{id}/ratings")
	@Operation(summary = "Rate competencies: ratings [{competency (code), level (1..top of the scale), evidence}], as SELF "
			+ "(the person) or MANAGER (their manager, or a knowledge manager); without as, by who the caller is")
	Views.AssessmentView rate(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) RatingsRequest request) {
		OrgAccess caller = organizations.access(org);
		RatingsRequest body = request == null ? new RatingsRequest(null, null) : request;
		return view(caller, assessments.rate(caller, id, body.ratings(), body.as()), false);
	}

	@PostMapping("/assessments/{id}/sign-off")
	@Operation(summary = "Sign off a manager-assessed assessment (the manager, a knowledge manager or an administrator); "
			+ "409 unless its status is MANAGER_ASSESSED")
	Views.AssessmentView signOff(@PathVariable String org, @PathVariable String id) {
		OrgAccess caller = organizations.access(org);
		return view(caller, assessments.signOff(caller, id), false);
	}

	@GetMapping("/training-needs")
	@Operation(summary = "Training needs from each person's latest rated assessment, by person, team, profile or "
			+ "organization (knowledge managers and administrators: everyone; others: themselves and their reports)")
	Page<Views.GroupView> trainingNeeds(@PathVariable String org, @RequestParam(required = false) String by,
			Paging paging) {
		OrgAccess caller = organizations.access(org);
		TrainingNeeds.By grouping = TrainingNeeds.By.of(by);
		List<TrainingNeeds.Group> groups = TrainingNeeds.group(needs.visible(caller), grouping,
				texts.get("competencies.needs.organization"), texts.get("competencies.needs.noManager"));
		return paging.slice(groups).map(g -> Views.GroupView.of(g, caller.slug()));
	}
}
