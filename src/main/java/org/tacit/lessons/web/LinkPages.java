package org.tacit.lessons.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.library.ItemId;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.lessons.internal.Lesson;
import org.tacit.lessons.internal.LessonLink;
import org.tacit.lessons.internal.LessonService;
import org.tacit.lessons.internal.LinkService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.search.KnowledgeSearch;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/**
 * Linking a lesson to what it changed, without knowing ids: the items the lesson is about are offered
 * (or found by a search), a checklist's steps are listed to pick one, and a process step is named by
 * its process and step ids. Removing a link asks first.
 */
@Controller
class LinkPages {

	private static final int FOUND = 20;
	private static final Pattern UUID_IN_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final Organizations organizations;
	private final LessonService lessons;
	private final LinkService links;
	private final KnowledgeLibrary library;
	private final KnowledgeSearch search;
	private final Texts texts;

	LinkPages(Organizations organizations, LessonService lessons, LinkService links, KnowledgeLibrary library,
			KnowledgeSearch search, Texts texts) {
		this.organizations = organizations;
		this.lessons = lessons;
		this.links = links;
		this.library = library;
		this.search = search;
		this.texts = texts;
	}

	@GetMapping("/o/{org}/lessons/{id}/links/new")
	String choose(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String item, Model model) {
		OrgAccess access = organizations.access(org);
		return page(model, access, linkable(access, id), q, item);
	}

	private String page(Model model, OrgAccess access, Lesson lesson, String q, String item) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("lesson", lesson);
		model.addAttribute("q", q);
		UUID chosen = uuidIn(item);
		if (chosen != null) {
			KnowledgeLibrary.ItemRef ref = library.item(access, new ItemId(chosen)).orElse(null);
			model.addAttribute("chosen", ref);
			model.addAttribute("steps", ref == null ? List.of() : library.checklistSteps(access, ref.id()));
			if (ref == null && !model.containsAttribute("linkError")) {
				model.addAttribute("linkError", texts.get("record.unknown"));
			}
		}
		else {
			// without a search, the items the lesson itself is about
			model.addAttribute("found", q.isBlank()
					? search.related(access, String.join("\n", lesson.title(), lesson.observation(),
							lesson.recommendation(), String.join(" ", lesson.tags())), Set.of(LinkService.ITEM), Set.of(), FOUND)
					: search.find(access, q, Set.of(LinkService.ITEM), FOUND));
		}
		return "lessons/link-new";
	}

	@PostMapping("/o/{org}/lessons/{id}/links")
	String add(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String itemId,
			@RequestParam(defaultValue = "") String step, @RequestParam(defaultValue = "") String processId,
			@RequestParam(defaultValue = "") String stepId, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = linkable(access, id);
		UUID item = uuidIn(itemId);
		try {
			Integer stepNumber = step.isBlank() ? null : number(step);
			LinkService.Input input = processId.isBlank() && stepId.isBlank()
					? LinkService.Input.item(item == null ? itemId : item.toString(), stepNumber)
					: new LinkService.Input(null, null, processId, stepId, null);
			LessonLink link = links.add(access, lesson.id(), input);
			redirect.addFlashAttribute("notice", "lessons.link.added");
			redirect.addFlashAttribute("noticeArg", link.title());
			return "redirect:/o/" + access.slug() + "/lessons/" + lesson.id() + "#links";
		}
		catch (ProblemException e) {
			if (!PageErrors.shownOnPage(e)) {
				throw e;
			}
			model.addAttribute("linkError", PageErrors.message(texts, e));
			model.addAttribute("processId", processId);
			model.addAttribute("stepId", stepId);
			return page(model, access, lesson, "", item == null ? "" : item.toString());
		}
	}

	@GetMapping("/o/{org}/lessons/{id}/links/{linkId}/delete")
	String confirmRemove(@PathVariable String org, @PathVariable String id, @PathVariable String linkId, Model model) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = linkable(access, id);
		UUID link = PageErrors.id(linkId);
		model.addAttribute("currentOrg", access);
		model.addAttribute("lesson", lesson);
		model.addAttribute("link", links.list(access, lesson.id()).stream().filter(l -> l.id().equals(link)).findFirst()
			.orElseThrow(ProblemException::notFound));
		return "lessons/link-delete";
	}

	@PostMapping("/o/{org}/lessons/{id}/links/{linkId}/delete")
	String remove(@PathVariable String org, @PathVariable String id, @PathVariable String linkId,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Lesson lesson = linkable(access, id);
		try {
			links.remove(access, lesson.id(), PageErrors.id(linkId));
			redirect.addFlashAttribute("notice", "lessons.link.removed");
		}
		catch (ProblemException e) {
			if (!PageErrors.shownOnPage(e)) {
				throw e;
			}
			redirect.addFlashAttribute("pageError", PageErrors.message(texts, e));
		}
		return "redirect:/o/" + access.slug() + "/lessons/" + lesson.id() + "#links";
	}

	private static Integer number(String step) {
		try {
			return Integer.valueOf(step.strip());
		}
		catch (NumberFormatException e) {
			throw ProblemException.invalid("step", "problem.field.format");
		}
	}

	/** The item id in what was typed or pasted: an id, or the address of the item's page. */
	private static UUID uuidIn(String text) {
		Matcher m = UUID_IN_TEXT.matcher(text == null ? "" : text);
		UUID last = null;
		while (m.find()) {
			last = UUID.fromString(m.group());
		}
		return last;
	}

	private Lesson linkable(OrgAccess access, String id) {
		Lesson lesson = lessons.find(access, id).orElseThrow(ProblemException::notFound);
		if (!links.mayLink(access, lesson)) {
			throw lesson.status().isFinal() ? ProblemException.conflict(null, "lessons.lesson.ended", lesson.status())
					: ProblemException.forbidden();
		}
		return lesson;
	}
}
