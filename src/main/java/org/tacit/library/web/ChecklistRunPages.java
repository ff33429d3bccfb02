package org.tacit.library.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.library.internal.ChecklistRun;
import org.tacit.library.internal.ChecklistRunService;
import org.tacit.library.internal.Item;
import org.tacit.library.internal.ItemService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/**
 * The page of one checklist run: its steps as checkboxes (each a small form that htmx sends as soon as
 * the box changes), a note per step, and the finish form. A finished run is shown read-only.
 */
@Controller
class ChecklistRunPages {

	private final Organizations organizations;
	private final ItemService items;
	private final ChecklistRunService runs;
	private final Texts texts;

	ChecklistRunPages(Organizations organizations, ItemService items, ChecklistRunService runs, Texts texts) {
		this.organizations = organizations;
		this.items = items;
		this.runs = runs;
		this.texts = texts;
	}

	/** Steps under the same heading of the checklist, shown as one numbered list. */
	record Section(String title, int start, List<ChecklistRun.Step> steps) {
	}

	@GetMapping("/o/{org}/items/{id}/runs/{runId}")
	String run(@PathVariable String org, @PathVariable String id, @PathVariable String runId, Model model) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		return page(model, access, item, runs.get(access, item.id().toString(), runId));
	}

	/**
	 * Saves one step. {@code was} and {@code noteWas} are what the page showed, so that a form sent from
	 * a page that is out of date only changes what this person changed, not what someone else did since.
	 */
	@PostMapping("/o/{org}/items/{id}/runs/{runId}/steps/{n}")
	String step(@PathVariable String org, @PathVariable String id, @PathVariable String runId, @PathVariable int n,
			@RequestParam(defaultValue = "false") boolean done, @RequestParam(required = false) Boolean was,
			@RequestParam(required = false) String note, @RequestParam(required = false) String noteWas,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		Boolean changedDone = was != null && was == done ? null : done;
		String changedNote = note == null || Objects.equals(note.strip(), noteWas == null ? null : noteWas.strip())
				? null : note;
		ChecklistRun run;
		String error = null;
		try {
			run = changedDone == null && changedNote == null ? runs.get(access, item.id().toString(), runId)
					: runs.setStep(access, item.id().toString(), runId, n, changedDone, changedNote);
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			error = message(e);
			run = runs.get(access, item.id().toString(), runId);
		}
		if (htmx != null) {
			ChecklistRun.Step step = run.steps().stream().filter(s -> s.n() == n).findFirst()
				.orElseThrow(ProblemException::notFound);
			model.addAttribute("currentOrg", access);
			model.addAttribute("item", item);
			model.addAttribute("run", run);
			model.addAttribute("step", step);
			model.addAttribute("stepError", error);
			return "library/run-steps :: step-update";
		}
		if (error != null) {
			redirect.addFlashAttribute("runError", error);
		}
		return "redirect:/o/" + access.slug() + "/items/" + item.id() + "/runs/" + run.id() + "#step-" + n;
	}

	@PostMapping("/o/{org}/items/{id}/runs/{runId}/finish")
	String finish(@PathVariable String org, @PathVariable String id, @PathVariable String runId,
			@RequestParam(defaultValue = "") String note, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		try {
			ChecklistRun run = runs.finish(access, item.id().toString(), runId, note);
			redirect.addFlashAttribute("notice", "run.finished.notice");
			return "redirect:/o/" + access.slug() + "/items/" + item.id() + "/runs/" + run.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			model.addAttribute("finishError", message(e));
			model.addAttribute("finishNote", note);
			return page(model, access, item, runs.get(access, item.id().toString(), runId));
		}
	}

	private String page(Model model, OrgAccess access, Item item, ChecklistRun run) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("item", item);
		model.addAttribute("run", run);
		model.addAttribute("sections", sections(run.steps()));
		return "library/run";
	}

	static List<Section> sections(List<ChecklistRun.Step> steps) {
		List<Section> sections = new ArrayList<>();
		List<ChecklistRun.Step> current = null;
		String title = null;
		for (ChecklistRun.Step step : steps) {
			if (current == null || !Objects.equals(title, step.section())) {
				title = step.section();
				current = new ArrayList<>();
				sections.add(new Section(title, step.n(), current));
			}
			current.add(step);
		}
		return sections;
	}

	private Item item(OrgAccess access, String id) {
		return items.find(access, id).orElseThrow(ProblemException::notFound);
	}

	private String message(ProblemException e) {
		return e.fields().isEmpty() ? texts.get(e.messageKey(), e.arguments())
				: texts.get(e.fields().get(0).messageKey(), e.fields().get(0).arguments());
	}
}
