package org.tacit.lessons.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

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
import org.tacit.lessons.ActionId;
import org.tacit.lessons.LessonsLearned;
import org.tacit.lessons.internal.ActionService;
import org.tacit.lessons.internal.AppliedKnowledge;
import org.tacit.lessons.internal.Lesson;
import org.tacit.lessons.internal.LessonAction;
import org.tacit.lessons.internal.LessonFilters;
import org.tacit.lessons.internal.LessonService;
import org.tacit.lessons.internal.LinkService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** Lessons: the register, their lifecycle, their actions and their links to what they changed; and the figures. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Lessons", description = "Lessons learned: CAPTURED → VALIDATED → ACTIONED → EMBEDDED → CLOSED, or REJECTED")
class LessonApi {

	private final Organizations organizations;
	private final LessonService lessons;
	private final ActionService actions;
	private final LinkService links;
	private final AppliedKnowledge applied;
	private final LessonFilters filters;
	private final LessonsLearned figures;
	private final Clock clock;

	LessonApi(Organizations organizations, LessonService lessons, ActionService actions, LinkService links,
			AppliedKnowledge applied, LessonFilters filters, LessonsLearned figures, Clock clock) {
		this.organizations = organizations;
		this.lessons = lessons;
		this.actions = actions;
		this.links = links;
		this.applied = applied;
		this.filters = filters;
		this.figures = figures;
		this.clock = clock;
	}

	record LessonRequest(String activity, String review, String title, String observation, String rootCause,
			String recommendation, String priority, List<String> tags, String expert) {

		LessonService.Input input() {
			return new LessonService.Input(activity, review, title, observation, rootCause, recommendation, priority, tags,
					expert);
		}
	}

	private Views.LessonView detail(OrgAccess access, Lesson lesson) {
		return Views.LessonView.of(lesson, applied.timesApplied(access, lesson.id()), actions.of(access, lesson.id()),
				links.list(access, lesson.id()), lessons.history(access, lesson.id()));
	}

	@PostMapping("/lessons")
	@Operation(summary = "Capture a lesson (any member), from a review, for an activity or on its own; priority URGENT, "
			+ "CAUTION, INFORMATION (default) or GOOD_PRACTICE; expert: the subject-matter expert who may validate it")
	ResponseEntity<Views.LessonView> capture(@PathVariable String org, @RequestBody LessonRequest request) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = lessons.capture(access, request.input());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/lessons/" + lesson.id()))
			.body(detail(access, lesson));
	}

	@GetMapping("/lessons")
	@Operation(summary = "The lessons register, filtered by status, priority, tag, activity, review and author (id, "
			+ "email or me); sorted by CAPTURED (newest first, default), UPDATED or PRIORITY")
	Page<Views.LessonView> list(@PathVariable String org, @RequestParam(required = false) String status,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String activity, @RequestParam(required = false) String review,
			@RequestParam(required = false) String author, @RequestParam(required = false) String sort, Paging paging) {
		OrgAccess access = organizations.access(org);
		return lessons.list(access, filters.of(access, status, priority, tag, activity, review, author, sort), paging)
			.map(Views.LessonView::summary);
	}

	@GetMapping("/lessons/validation-queue")
	@Operation(summary = "Lessons waiting for validation that the caller may validate, oldest first")
	Page<Views.LessonView> validationQueue(@PathVariable String org, Paging paging) {
		return lessons.validationQueue(organizations.access(org), paging).map(Views.LessonView::summary);
	}

	@GetMapping("/lessons/{id}")
	@Operation(summary = "One lesson with its actions, links, lifecycle history and how often it was applied")
	Views.LessonView get(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return detail(access, lesson(access, id));
	}

	@PutMapping("/lessons/{id}")
	@Operation(summary = "Change a lesson's text, priority, tags or expert (its stewards; its author while CAPTURED); "
			+ "activity and review stay as captured")
	Views.LessonView update(@PathVariable String org, @PathVariable String id, @RequestBody LessonRequest request) {
		OrgAccess access = organizations.access(org);
		return detail(access, lessons.update(access, lesson(access, id).id(), request.input()));
	}

	record TransitionRequest(String to, String reason) {
	}

	@PostMapping("/lessons/{id}/transitions")
	@Operation(summary = "Move a lesson on (editors, knowledge managers, administrators, its expert): VALIDATED needs a "
			+ "recommendation, ACTIONED an action, EMBEDDED a link, CLOSED no open action, REJECTED a reason; "
			+ "refused steps answer 422 saying what is missing")
	Views.LessonView transition(@PathVariable String org, @PathVariable String id,
			@RequestBody TransitionRequest request) {
		OrgAccess access = organizations.access(org);
		return detail(access, lessons.transition(access, lesson(access, id).id(), request.to(), request.reason()));
	}

	@GetMapping("/lessons/{id}/transitions")
	@Operation(summary = "The lifecycle of a lesson, oldest first: who moved it when (the capture has no 'from')")
	List<Views.TransitionView> history(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return lessons.history(access, lesson(access, id).id()).stream().map(Views.TransitionView::of).toList();
	}

	record ActionRequest(String title, String owner, String due, String status) {
	}

	@PostMapping("/lessons/{id}/actions")
	@Operation(summary = "Assign an action (the lesson's stewards): title, owner (an active member, id or email) and due "
			+ "(2026-12-31) are required")
	ResponseEntity<Views.ActionView> addAction(@PathVariable String org, @PathVariable String id,
			@RequestBody ActionRequest request) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = lesson(access, id);
		LessonAction action = actions.add(access, lesson.id(),
				new ActionService.Input(request.title(), request.owner(), request.due()));
		return ResponseEntity
			.created(URI.create("/api/v1/orgs/" + access.slug() + "/lessons/" + lesson.id() + "/actions/" + action.id()))
			.body(Views.ActionView.of(action));
	}

	@GetMapping("/lessons/{id}/actions")
	@Operation(summary = "The actions of a lesson, soonest due first")
	List<Views.ActionView> actions(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return actions.of(access, lesson(access, id).id()).stream().map(Views.ActionView::of).toList();
	}

	@PutMapping("/lessons/{id}/actions/{actionId}")
	@Operation(summary = "Change an action; fields left out stay. status OPEN, IN_PROGRESS, DONE or CANCELLED: its owner "
			+ "or the lesson's stewards; title, owner and due: the stewards")
	Views.ActionView updateAction(@PathVariable String org, @PathVariable String id, @PathVariable String actionId,
			@RequestBody ActionRequest request) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = lesson(access, id);
		return Views.ActionView.of(actions.update(access, lesson.id(), new ActionId(uuid(actionId)),
				new ActionService.Update(request.title(), request.owner(), request.due(), request.status())));
	}

	@GetMapping("/actions")
	@Operation(summary = "The caller's open lesson actions, soonest due (so the overdue) first")
	Page<Views.ActionView> myActions(@PathVariable String org, Paging paging) {
		OrgAccess access = organizations.access(org);
		return actions.openFor(access, access.personId(), paging).map(Views.ActionView::of);
	}

	@GetMapping("/actions/overdue")
	@Operation(summary = "Every open action past its due date, longest overdue first (knowledge managers and administrators)")
	Page<Views.ActionView> overdue(@PathVariable String org, Paging paging) {
		return actions.overdue(organizations.access(org), paging).map(Views.ActionView::of);
	}

	record LinkRequest(String itemId, Integer step, String processId, String stepId, String processStep) {
	}

	@PostMapping("/lessons/{id}/links")
	@Operation(summary = "Link the lesson to what it changed (its stewards and action owners): {itemId} for a knowledge "
			+ "item, {itemId, step} for a checklist's step (from 1), {processId, stepId} for a process step")
	ResponseEntity<Views.LinkView> addLink(@PathVariable String org, @PathVariable String id,
			@RequestBody LinkRequest request) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = lesson(access, id);
		Views.LinkView link = Views.LinkView.of(links.add(access, lesson.id(), new LinkService.Input(request.itemId(),
				request.step(), request.processId(), request.stepId(), request.processStep())));
		return ResponseEntity
			.created(URI.create("/api/v1/orgs/" + access.slug() + "/lessons/" + lesson.id() + "/links/" + link.id()))
			.body(link);
	}

	@GetMapping("/lessons/{id}/links")
	@Operation(summary = "What the lesson changed; title and path are null for records the caller may not see")
	List<Views.LinkView> links(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return links.list(access, lesson(access, id).id()).stream().map(Views.LinkView::of).toList();
	}

	@DeleteMapping("/lessons/{id}/links/{linkId}")
	@Operation(summary = "Remove a link made by mistake; an EMBEDDED lesson keeps at least one (409)")
	ResponseEntity<Void> removeLink(@PathVariable String org, @PathVariable String id, @PathVariable String linkId) {
		OrgAccess access = organizations.access(org);
		links.remove(access, lesson(access, id).id(), uuid(linkId));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/lessons/figures")
	@Operation(summary = "Figures of the lessons captured from 'from' to 'to' (inclusive; default: the last 365 days), "
			+ "the overdue actions today and the lessons applied in before-action reviews in the period")
	LessonsLearned.Figures figures(@PathVariable String org, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		OrgAccess access = organizations.access(org);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate end = LessonFilters.date("to", to, today);
		return figures.figures(access.orgId(), LessonFilters.date("from", from, end.minusDays(364)), end);
	}

	private Lesson lesson(OrgAccess access, String id) {
		return lessons.find(access, id).orElseThrow(ProblemException::notFound);
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.notFound();
		}
	}
}
