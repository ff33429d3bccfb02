package org.tacit.processes.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.processes.ProcessId;
import org.tacit.processes.ProcessStatus;
import org.tacit.processes.internal.BpmnReader;
import org.tacit.processes.internal.LinkService;
import org.tacit.processes.internal.ProcessService;
import org.tacit.processes.internal.ProcessView;
import org.tacit.processes.internal.StepView;
import org.tacit.processes.internal.Uploads;
import org.tacit.search.KnowledgeSearch;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;
import org.tacit.shared.web.Forms;

/**
 * The process list and a process's page: the map (bpmn-js, see docs/decisions/0002), the step panel
 * with the step's knowledge and its link editor, the step table with its knowledge gaps, orphaned links,
 * versions and their diffs, and the lessons that changed the process. The step panel is served as a
 * fragment to htmx requests and as part of the page otherwise, so everything works without script.
 */
@Controller
class ProcessPages {

	private static final Set<String> FINDABLE = Set.of("item", "lesson", "community");

	private final Organizations organizations;
	private final ProcessService processes;
	private final LinkService links;
	private final KnowledgeSearch search;
	private final Forms forms;
	private final Texts texts;

	ProcessPages(Organizations organizations, ProcessService processes, LinkService links, KnowledgeSearch search,
			Forms forms, Texts texts) {
		this.organizations = organizations;
		this.processes = processes;
		this.links = links;
		this.search = search;
		this.forms = forms;
		this.texts = texts;
	}

	@GetMapping("/o/{org}/processes")
	String list(@PathVariable String org, @RequestParam(required = false) ProcessStatus status,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("processes", processes.list(access, new ProcessService.Filter(status, tag, q, sort), paging));
		model.addAttribute("status", status);
		model.addAttribute("tag", tag);
		model.addAttribute("q", q);
		model.addAttribute("sort", sort);
		model.addAttribute("statuses", ProcessStatus.values());
		model.addAttribute("canCreate", access.can(Role.CONTRIBUTOR));
		model.addAttribute("maxMb", BpmnReader.MAX_BYTES / (1024 * 1024));
		return "processes/list";
	}

	@PostMapping("/o/{org}/processes")
	String create(@PathVariable String org, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String tags,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		OrgAccess access = organizations.access(org);
		try {
			ProcessService.Upload first = file == null || file.isEmpty() ? null : Uploads.of(file, "");
			ProcessView process = processes.create(access,
					new ProcessService.Details(name, description, List.of(tags.split(",")), null), first);
			redirect.addFlashAttribute("notice", "process.created");
			return "redirect:/o/" + access.slug() + "/processes/" + process.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			response.setStatus(e.status().value());
			model.addAttribute("name", name);
			model.addAttribute("description", description);
			model.addAttribute("tags", tags);
			return list(org, null, null, null, null, Paging.first(), model);
		}
	}

	@GetMapping("/o/{org}/processes/{id}")
	String page(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) String step,
			@RequestParam(required = false) String find, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model) {
		OrgAccess access = organizations.access(org);
		ProcessView process = processes.get(access, id);
		model.addAttribute("currentOrg", access);
		model.addAttribute("process", process);
		panel(access, process, step, find, model);
		if (htmx != null && step != null) {
			return "processes/process :: panel";
		}
		List<StepView> steps = processes.steps(access, process.id(), 0);
		model.addAttribute("steps", steps);
		model.addAttribute("gaps", steps.stream().filter(StepView::gap).count());
		model.addAttribute("versions", processes.versions(access, process.id()));
		model.addAttribute("orphans", links.orphans(access, process.id()));
		model.addAttribute("lessons", links.lessons(access, process.id()));
		model.addAttribute("statuses", ProcessStatus.values());
		model.addAttribute("maxMb", BpmnReader.MAX_BYTES / (1024 * 1024));
		return "processes/process";
	}

	/** The step panel's model: the selected step, its links and, when asked, knowledge found to link. */
	private void panel(OrgAccess access, ProcessView process, String stepId, String find, Model model) {
		if (stepId == null || stepId.isBlank()) {
			return;
		}
		StepView step = processes.step(access, process.id(), stepId);
		model.addAttribute("step", step);
		model.addAttribute("stepLinks", links.stepLinks(access, process.id(), step.id(), true));
		model.addAttribute("related", search.related(access, String.join("\n", step.name() == null ? "" : step.name(),
				process.name(), process.description() == null ? "" : process.description()), java.util.Set.of(),
				java.util.Set.of(process.id().toString()), KnowledgeSearch.RELATED_ON_PAGE));
		if (process.canEdit() && find != null && !find.isBlank()) {
			model.addAttribute("find", find);
			model.addAttribute("found", search.find(access, find, FINDABLE, 10));
		}
	}

	@GetMapping("/o/{org}/processes/{id}/versions/{version}/bpmn")
	ResponseEntity<byte[]> bpmn(@PathVariable String org, @PathVariable String id, @PathVariable int version) {
		OrgAccess access = organizations.access(org);
		return processes.bpmn(access, processes.get(access, id).id(), version).toResponse();
	}

	@PostMapping("/o/{org}/processes/{id}/versions")
	String upload(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect,
			@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response) {
		OrgAccess access = organizations.access(org);
		ProcessView process = processes.editable(access, processes.get(access, id).id());
		try {
			ProcessService.Uploaded uploaded = processes.upload(access, process.id(), Uploads.of(file, note));
			redirect.addFlashAttribute("notice", uploaded.orphaned() > 0 ? "process.uploaded.orphans" : "process.uploaded");
			redirect.addFlashAttribute("noticeArg", uploaded.orphaned() > 0 ? uploaded.orphaned() : uploaded.version());
			return "redirect:/o/" + access.slug() + "/processes/" + process.id()
					+ (uploaded.orphaned() > 0 ? "#orphans" : "");
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			forms.reject(model, e);
			response.setStatus(e.status().value());
			model.addAttribute("uploadNote", note);
			return page(org, id, null, null, htmx, model);
		}
	}

	@GetMapping("/o/{org}/processes/{id}/diff")
	String diff(@PathVariable String org, @PathVariable String id, @RequestParam int from, @RequestParam int to,
			Model model) {
		OrgAccess access = organizations.access(org);
		ProcessView process = processes.get(access, id);
		model.addAttribute("currentOrg", access);
		model.addAttribute("process", process);
		model.addAttribute("diff", processes.diff(access, process.id(), from, to));
		model.addAttribute("versions", processes.versions(access, process.id()));
		return "processes/diff";
	}

	@PostMapping("/o/{org}/processes/{id}/edit")
	String edit(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String tags,
			@RequestParam(defaultValue = "") String owner, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		OrgAccess access = organizations.access(org);
		ProcessView process = processes.get(access, id);
		try {
			processes.update(access, process.id(),
					new ProcessService.Details(name, description, List.of(tags.split(",")), owner));
			redirect.addFlashAttribute("notice", "process.saved");
			return "redirect:/o/" + access.slug() + "/processes/" + process.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			response.setStatus(e.status().value());
			model.addAttribute("editOpen", true);
			return page(org, id, null, null, null, model);
		}
	}

	@PostMapping("/o/{org}/processes/{id}/status")
	String status(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String status,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		ProcessView process = processes.get(access, id);
		try {
			processes.setStatus(access, process.id(), status);
			redirect.addFlashAttribute("notice", "process.status.changed");
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			redirect.addFlashAttribute("alert", e.fields().isEmpty() ? e.messageKey() : e.fields().get(0).messageKey());
		}
		return "redirect:/o/" + access.slug() + "/processes/" + process.id();
	}

	@PostMapping("/o/{org}/processes/{id}/steps/{stepId}/links")
	String addLink(@PathVariable String org, @PathVariable String id, @PathVariable String stepId,
			@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String target,
			@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String note, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(org, id, stepId, htmx, model, redirect, response, "process.link.added",
				(access, process) -> links.add(access, process.id(), stepId,
						new LinkService.LinkInput(type, target, url, title, note)));
	}

	@PostMapping("/o/{org}/processes/{id}/links/{linkId}/note")
	String note(@PathVariable String org, @PathVariable String id, @PathVariable UUID linkId,
			@RequestParam(defaultValue = "") String step, @RequestParam(defaultValue = "") String note,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return change(org, id, step, htmx, model, redirect, response, "process.link.noted",
				(access, process) -> links.setNote(access, process.id(), linkId, note));
	}

	@PostMapping("/o/{org}/processes/{id}/links/{linkId}/move")
	String move(@PathVariable String org, @PathVariable String id, @PathVariable UUID linkId,
			@RequestParam(defaultValue = "") String step, @RequestParam(defaultValue = "0") int by,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return change(org, id, step, htmx, model, redirect, response, "process.link.moved",
				(access, process) -> links.move(access, process.id(), linkId, by));
	}

	@PostMapping("/o/{org}/processes/{id}/links/{linkId}/remove")
	String remove(@PathVariable String org, @PathVariable String id, @PathVariable UUID linkId,
			@RequestParam(defaultValue = "") String step, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return change(org, id, step, htmx, model, redirect, response, "process.link.removed",
				(access, process) -> links.remove(access, process.id(), linkId));
	}

	@PostMapping("/o/{org}/processes/{id}/links/{linkId}/reattach")
	String reattach(@PathVariable String org, @PathVariable String id, @PathVariable UUID linkId,
			@RequestParam(defaultValue = "") String step, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		ProcessView process = processes.get(access, id);
		try {
			links.reattach(access, process.id(), linkId, step);
			redirect.addFlashAttribute("notice", "process.orphan.reattached");
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("alert", e.fields().isEmpty() ? e.messageKey() : e.fields().get(0).messageKey());
		}
		return "redirect:/o/" + access.slug() + "/processes/" + process.id() + "#orphans";
	}

	@PostMapping("/o/{org}/processes/{id}/links/{linkId}/drop")
	String drop(@PathVariable String org, @PathVariable String id, @PathVariable UUID linkId,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		ProcessView process = processes.get(access, id);
		links.remove(access, process.id(), linkId);
		redirect.addFlashAttribute("notice", "process.orphan.dropped");
		return "redirect:/o/" + access.slug() + "/processes/" + process.id() + "#orphans";
	}

	private interface Change {

		void apply(OrgAccess access, ProcessView process);
	}

	/**
	 * A change made from the step panel: htmx gets the panel back (with the refusal in it, if any);
	 * without script the page is reloaded at the step, or shown again with the refusal.
	 */
	private String change(String org, String id, String stepId, String htmx, Model model, RedirectAttributes redirect,
			HttpServletResponse response, String notice, Change change) {
		OrgAccess access = organizations.access(org);
		ProcessView process = processes.get(access, id);
		try {
			change.apply(access, process);
			if (htmx == null) {
				redirect.addFlashAttribute("notice", notice);
				return "redirect:/o/" + access.slug() + "/processes/" + process.id() + "?step="
						+ UriUtils.encodeQueryParam(stepId, java.nio.charset.StandardCharsets.UTF_8) + "#step-panel";
			}
			model.addAttribute("panelNotice", texts.get(notice));
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			forms.reject(model, e);
			if (htmx == null) {
				response.setStatus(e.status().value());
			}
		}
		return page(org, id, stepId, null, htmx == null ? null : "true", model);
	}
}
