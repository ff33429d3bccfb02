package org.tacit.library.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;
import org.tacit.library.internal.ChecklistRun;
import org.tacit.library.internal.ChecklistRunService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;

/** Runs of checklists: start one, tick its steps, note things, finish it. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/items/{id}/runs")
@Tag(name = "Checklist runs", description = "Runs of CHECKLIST items: the steps are fixed when a run starts")
class ChecklistRunApi {

	private final Organizations organizations;
	private final ChecklistRunService runs;

	ChecklistRunApi(Organizations organizations, ChecklistRunService runs) {
		this.organizations = organizations;
		this.runs = runs;
	}

	record Person(UUID id, String name) {

		static Person of(PersonId id, String name) {
			return id == null ? null : new Person(id.value(), name);
		}
	}

	record StepView(int n, String section, String text, boolean done, Person doneBy, Instant doneAt, String note,
			Person noteBy, Instant noteAt) {

		static StepView of(ChecklistRun.Step s) {
			return new StepView(s.n(), s.section(), s.text(), s.done(), Person.of(s.doneBy(), s.doneByName()),
					s.doneAt(), s.note(), Person.of(s.noteBy(), s.noteByName()), s.noteAt());
		}
	}

	record RunView(UUID id, UUID item, int itemVersion, String title, Person startedBy, Instant startedAt,
			boolean finished, Person finishedBy, Instant finishedAt, String note, int done, int total,
			List<StepView> steps) {

		static RunView of(ChecklistRun r) {
			return new RunView(r.id(), r.itemId().value(), r.itemVersion(), r.title(),
					Person.of(r.startedBy(), r.startedByName()), r.startedAt(), r.finished(),
					Person.of(r.finishedBy(), r.finishedByName()), r.finishedAt(), r.note(), r.done(), r.total(),
					r.steps().stream().map(StepView::of).toList());
		}
	}

	record RunSummary(UUID id, String title, Person startedBy, Instant startedAt, boolean finished, Person finishedBy,
			Instant finishedAt, int done, int total) {

		static RunSummary of(ChecklistRun r) {
			return new RunSummary(r.id(), r.title(), Person.of(r.startedBy(), r.startedByName()), r.startedAt(),
					r.finished(), Person.of(r.finishedBy(), r.finishedByName()), r.finishedAt(), r.done(), r.total());
		}
	}

	record NewRun(String title) {
	}

	@PostMapping
	@Operation(summary = "Start a run of a checklist (anyone who can read it); its steps are the top-level list items "
			+ "of the body as it is now. 409 if the item is not a checklist or has no steps")
	ResponseEntity<RunView> start(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) NewRun request) {
		OrgAccess access = organizations.access(org);
		ChecklistRun run = runs.start(access, id, request == null ? null : request.title());
		return ResponseEntity
			.created(URI.create("/api/v1/orgs/" + access.slug() + "/items/" + run.itemId() + "/runs/" + run.id()))
			.body(RunView.of(run));
	}

	@GetMapping
	@Operation(summary = "The runs of a checklist, newest first, with their progress")
	Page<RunSummary> list(@PathVariable String org, @PathVariable String id, Paging paging) {
		return runs.list(organizations.access(org), id, paging).map(RunSummary::of);
	}

	@GetMapping("/{runId}")
	@Operation(summary = "One run with its steps: who ticked which step when, and the notes")
	RunView get(@PathVariable String org, @PathVariable String id, @PathVariable String runId) {
		return RunView.of(runs.get(organizations.access(org), id, runId));
	}

	record StepUpdate(Boolean done, String note) {
	}

	@PutMapping("/{runId}/steps/{n}")
	@Operation(summary = "Tick (done true) or untick a step and set its note (empty removes it); a field left out "
			+ "stays as it is. 409 once the run is finished")
	RunView step(@PathVariable String org, @PathVariable String id, @PathVariable String runId, @PathVariable int n,
			@RequestBody StepUpdate request) {
		return RunView.of(runs.setStep(organizations.access(org), id, runId, n, request.done(), request.note()));
	}

	record Finish(String note) {
	}

	@PostMapping("/{runId}/finish")
	@Operation(summary = "Finish a run, with an optional note; a finished run is read-only (409 on later changes)")
	RunView finish(@PathVariable String org, @PathVariable String id, @PathVariable String runId,
			@RequestBody(required = false) Finish request) {
		return RunView.of(runs.finish(organizations.access(org), id, runId, request == null ? null : request.note()));
	}
}
