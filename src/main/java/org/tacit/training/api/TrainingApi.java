package org.tacit.training.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import org.tacit.organizations.Role;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.training.internal.Assignment;
import org.tacit.training.internal.AssignmentService;
import org.tacit.training.internal.AssignmentStatus;
import org.tacit.training.internal.Course;
import org.tacit.training.internal.CourseService;
import org.tacit.training.internal.CourseType;
import org.tacit.training.internal.Input;
import org.tacit.training.internal.RuleService;

/**
 * The training catalog: courses (every member reads, knowledge managers and administrators change),
 * assignments (visible to the person, their manager, the course's trainer, knowledge managers and
 * administrators), completions, confirmations and rules.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Training", description = "Courses, assignments, completions and training rules")
class TrainingApi {

	private final Organizations organizations;
	private final CourseService courses;
	private final AssignmentService assignments;
	private final RuleService rules;

	TrainingApi(Organizations organizations, CourseService courses, AssignmentService assignments, RuleService rules) {
		this.organizations = organizations;
		this.courses = courses;
		this.assignments = assignments;
		this.rules = rules;
	}

	record LinkRequest(String type, String id) {
	}

	record CourseRequest(String title, String description, String type, String trainer, String duration,
			List<LinkRequest> links, List<String> competencies) {

		CourseService.CourseInput input() {
			return new CourseService.CourseInput(title, description, type, trainer, duration,
					links == null ? null : links.stream().map(l -> l == null ? null : new Course.Link(l.type(), l.id())).toList(),
					competencies);
		}
	}

	private static CourseRequest body(CourseRequest request) {
		return request == null ? new CourseRequest(null, null, null, null, null, null, null) : request;
	}

	@PostMapping("/courses")
	@Operation(summary = "Add a course: title, description (Markdown), type TOOL|UPKEEP|KM_METHOD|OTHER, trainer (a member), "
			+ "duration, links [{type, id}] to learning items, competencies (codes); knowledge managers and administrators")
	ResponseEntity<Views.CourseView> create(@PathVariable String org, @RequestBody(required = false) CourseRequest request) {
		OrgAccess caller = organizations.access(org);
		Course course = courses.create(caller, body(request).input());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + caller.slug() + "/courses/" + course.id()))
			.body(Views.CourseView.of(course));
	}

	@GetMapping("/courses")
	@Operation(summary = "The catalog, optionally of one competency code or type, sorted by TITLE (default), NEWEST or UPDATED")
	Page<Views.CourseView> list(@PathVariable String org, @RequestParam(required = false) String competency,
			@RequestParam(required = false) String type, @RequestParam(defaultValue = "TITLE") String sort, Paging paging) {
		OrgAccess caller = organizations.access(org);
		CourseService.Sort order = Input.choice("sort", sort, CourseService.Sort.class);
		return courses.list(caller, new CourseService.Filter(competency, Input.choice("type", type, CourseType.class), order),
				paging).map(Views.CourseView::of);
	}

	@GetMapping("/courses/{id}")
	@Operation(summary = "One course")
	Views.CourseView get(@PathVariable String org, @PathVariable String id) {
		return Views.CourseView.of(courses.get(organizations.access(org), id));
	}

	@PutMapping("/courses/{id}")
	@Operation(summary = "Change a course (every field, as for adding one); knowledge managers and administrators")
	Views.CourseView update(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) CourseRequest request) {
		return Views.CourseView.of(courses.update(organizations.access(org), id, body(request).input()));
	}

	record AssignmentRequest(String person, String due, String reason) {
	}

	@PostMapping("/courses/{id}/assignments")
	@Operation(summary = "Assign the course to a member (id or email) due on a date (YYYY-MM-DD, today or later), with an "
			+ "optional reason; knowledge managers, administrators and the person's manager; 409 if one is open")
	ResponseEntity<Views.AssignmentView> assign(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) AssignmentRequest request) {
		OrgAccess caller = organizations.access(org);
		AssignmentRequest body = request == null ? new AssignmentRequest(null, null, null) : request;
		Assignment assignment = assignments.assign(caller, id,
				new AssignmentService.NewAssignment(body.person(), body.due(), body.reason()));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + caller.slug() + "/assignments/" + assignment.id()))
			.body(Views.AssignmentView.of(assignment, assignments.today()));
	}

	@GetMapping("/assignments")
	@Operation(summary = "The assignments the caller may see (their own, their reports', their courses' as trainer; all for "
			+ "knowledge managers and administrators), of a person, a course, a status, overdue or not")
	Page<Views.AssignmentView> assignments(@PathVariable String org, @RequestParam(required = false) String person,
			@RequestParam(required = false) String course, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue, Paging paging) {
		OrgAccess caller = organizations.access(org);
		PersonId who = person == null || person.isBlank() ? null
				: organizations.findMember(caller.orgId(), person.strip())
					.map(Organizations.Member::id)
					.orElseThrow(() -> ProblemException.invalid("person", "training.person.unknown"));
		java.util.UUID courseId = null;
		if (course != null && !course.isBlank()) {
			courseId = courses.find(caller.orgId(), uuid(course))
				.map(Course::id)
				.orElseThrow(() -> ProblemException.invalid("course", "training.course.unknown"));
		}
		LocalDate today = assignments.today();
		return assignments.list(caller, new AssignmentService.Filter(who, courseId,
				Input.choice("status", status, AssignmentStatus.class), overdue, false), paging)
			.map(a -> Views.AssignmentView.of(a, today));
	}

	private static java.util.UUID uuid(String value) {
		try {
			return java.util.UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("course", "training.course.unknown");
		}
	}

	@GetMapping("/assignments/{id}")
	@Operation(summary = "One assignment (the person, their manager, the trainer, knowledge managers and administrators)")
	Views.AssignmentView assignment(@PathVariable String org, @PathVariable String id) {
		return Views.AssignmentView.of(assignments.get(organizations.access(org), id), assignments.today());
	}

	record CompletionRequest(String evidence, String link) {
	}

	@PostMapping("/assignments/{id}/completion")
	@Operation(summary = "Report the course done: evidence (text) and an optional link; the person (knowledge managers and "
			+ "administrators for them); status COMPLETED_SELF_REPORTED")
	Views.AssignmentView complete(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) CompletionRequest request) {
		CompletionRequest body = request == null ? new CompletionRequest(null, null) : request;
		return Views.AssignmentView.of(assignments.complete(organizations.access(org), id,
				new AssignmentService.Completion(body.evidence(), body.link())), assignments.today());
	}

	@PostMapping("/assignments/{id}/confirmation")
	@Operation(summary = "Confirm the course was completed: the course's trainer, knowledge managers and administrators; status CONFIRMED")
	Views.AssignmentView confirm(@PathVariable String org, @PathVariable String id) {
		return Views.AssignmentView.of(assignments.confirm(organizations.access(org), id), assignments.today());
	}

	record RuleRequest(String role, String course, Integer withinDays, Integer everyDays) {
	}

	@PostMapping("/training-rules")
	@Operation(summary = "Every member with a role completes a course within withinDays days, and again every everyDays days "
			+ "(optional; 365 for yearly); assigns it to every current member with the role at once; knowledge managers and administrators")
	ResponseEntity<Views.RuleView> createRule(@PathVariable String org, @RequestBody(required = false) RuleRequest request) {
		OrgAccess caller = organizations.access(org);
		RuleRequest body = request == null ? new RuleRequest(null, null, null, null) : request;
		RuleService.Created created = rules.create(caller,
				new RuleService.NewRule(body.role(), body.course(), body.withinDays(), body.everyDays()));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + caller.slug() + "/training-rules/" + created.rule().id()))
			.body(Views.RuleView.of(created.rule(), created.assigned()));
	}

	@GetMapping("/training-rules")
	@Operation(summary = "The rules in force; knowledge managers and administrators")
	Page<Views.RuleView> rules(@PathVariable String org, Paging paging) {
		OrgAccess caller = organizations.access(org);
		if (!caller.can(Role.KNOWLEDGE_MANAGER)) {
			throw ProblemException.forbidden();
		}
		return rules.list(caller, paging).map(r -> Views.RuleView.of(r, null));
	}

	@DeleteMapping("/training-rules/{id}")
	@Operation(summary = "Stop a rule: no more assignments from it (what it assigned stays); knowledge managers and administrators")
	ResponseEntity<Void> removeRule(@PathVariable String org, @PathVariable String id) {
		rules.remove(organizations.access(org), id);
		return ResponseEntity.noContent().build();
	}
}
