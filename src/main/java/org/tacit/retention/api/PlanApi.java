package org.tacit.retention.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.retention.internal.Plan;
import org.tacit.retention.internal.PlanService;
import org.tacit.shared.ProblemException;

/** Knowledge transfer plans: tasks with owners and due dates, and the outputs they captured. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/plans/{id}")
@Tag(name = "Transfer plans", description = "Knowledge transfer plans: successors, methods, tasks and captured outputs")
class PlanApi {

	private final Organizations organizations;
	private final PlanService plans;

	PlanApi(Organizations organizations, PlanService plans) {
		this.organizations = organizations;
		this.plans = plans;
	}

	@GetMapping
	@Operation(summary = "One plan (for those who see its entry, its successors and its task owners)")
	Views.PlanView get(@PathVariable String org, @PathVariable String id) {
		return Views.PlanView.of(plans.get(organizations.access(org), id));
	}

	record PlanUpdate(List<String> successors, List<String> methods, String dueDate, String notes, String status) {
	}

	@PatchMapping
	@Operation(summary = "Change a plan: successors, methods, dueDate, notes, status (ACTIVE, COMPLETED, CANCELLED); "
			+ "fields left out stay as they are")
	Views.PlanView update(@PathVariable String org, @PathVariable String id, @RequestBody PlanUpdate request) {
		return Views.PlanView.of(plans.update(organizations.access(org), id, new PlanService.PlanChange(
				request.successors(), request.methods(), request.dueDate(), request.notes(), request.status())));
	}

	record TaskRequest(String title, String method, String owner, String dueDate) {
	}

	@PostMapping("/tasks")
	@Operation(summary = "Add a task: title, owner (id or email of an active member), dueDate (YYYY-MM-DD, not in the "
			+ "past), optional method")
	ResponseEntity<Views.TaskView> addTask(@PathVariable String org, @PathVariable String id,
			@RequestBody TaskRequest request) {
		OrgAccess access = organizations.access(org);
		Plan.Task task = plans.addTask(access, id,
				new PlanService.TaskChange(request.title(), request.method(), request.owner(), request.dueDate()));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/plans/" + id + "/tasks/" + task.id()))
			.body(Views.TaskView.of(task));
	}

	record TaskUpdate(Boolean done) {
	}

	@PatchMapping("/tasks/{task}")
	@Operation(summary = "Mark a task done (done=true) or open again; its owner, or whoever manages the plan")
	Views.TaskView updateTask(@PathVariable String org, @PathVariable String id, @PathVariable String task,
			@RequestBody TaskUpdate request) {
		if (request.done() == null) {
			throw ProblemException.invalid("done", "problem.field.required");
		}
		return Views.TaskView.of(plans.setDone(organizations.access(org), id, task, request.done()));
	}

	record OutputRequest(String type, String id, String space, String title, String body, List<String> tags) {
	}

	@PostMapping("/outputs")
	@Operation(summary = "Link an output ({type: item|lesson, id}) or capture one as a new draft item ({space, title, "
			+ "body, tags}), such as interview notes")
	ResponseEntity<Views.OutputView> addOutput(@PathVariable String org, @PathVariable String id,
			@RequestBody OutputRequest request) {
		OrgAccess access = organizations.access(org);
		Plan.Output output = plans.addOutput(access, id, new PlanService.OutputChange(request.type(), request.id(),
				request.space(), request.title(), request.body(), request.tags()));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/plans/" + id + "/outputs/" + output.id()))
			.body(Views.OutputView.of(output));
	}

	@DeleteMapping("/outputs/{output}")
	@Operation(summary = "Remove an output's link from the plan (the item or lesson itself stays)")
	ResponseEntity<Void> removeOutput(@PathVariable String org, @PathVariable String id, @PathVariable String output) {
		plans.removeOutput(organizations.access(org), id, output);
		return ResponseEntity.noContent().build();
	}
}
