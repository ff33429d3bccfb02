package org.tacit.library.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.library.internal.ChecklistRun;
import org.tacit.library.internal.ChecklistRunService;
import org.tacit.library.internal.FeedbackService;
import org.tacit.library.internal.Item;
import org.tacit.library.internal.ItemCommentService;
import org.tacit.library.internal.ItemService;
import org.tacit.library.internal.ItemUseService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/**
 * The forms of the item page's "use" sections: feedback, "I used this", starting a checklist run,
 * and comments (removing one asks first). A refused form comes back to the item page with its
 * message beside the form and the text that was typed.
 */
@Controller
class ItemUsePages {

	private final Organizations organizations;
	private final ItemService items;
	private final FeedbackService feedback;
	private final ItemUseService uses;
	private final ChecklistRunService runs;
	private final ItemCommentService comments;
	private final Texts texts;

	ItemUsePages(Organizations organizations, ItemService items, FeedbackService feedback, ItemUseService uses,
			ChecklistRunService runs, ItemCommentService comments, Texts texts) {
		this.organizations = organizations;
		this.items = items;
		this.feedback = feedback;
		this.uses = uses;
		this.runs = runs;
		this.comments = comments;
		this.texts = texts;
	}

	/** A refused form: which one, the field at fault (or null) and what to do. */
	record UseError(String form, String field, String message) {
	}

	@PostMapping("/o/{org}/items/{id}/feedback")
	String feedback(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) Boolean helpful,
			@RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		try {
			feedback.vote(access, item.id().toString(), helpful, comment);
			redirect.addFlashAttribute("notice", "use.feedback.thanks");
		}
		catch (ProblemException e) {
			refused(redirect, e, "feedback", Map.of("comment", comment));
		}
		return back(access, item, "feedback");
	}

	@PostMapping("/o/{org}/items/{id}/uses")
	String use(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		try {
			uses.use(access, item.id().toString(), note);
			redirect.addFlashAttribute("notice", "use.used.thanks");
		}
		catch (ProblemException e) {
			refused(redirect, e, "use", Map.of("note", note));
		}
		return back(access, item, "uses");
	}

	@PostMapping("/o/{org}/items/{id}/runs")
	String startRun(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String title,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		try {
			ChecklistRun run = runs.start(access, item.id().toString(), title);
			redirect.addFlashAttribute("notice", "run.started");
			return "redirect:/o/" + access.slug() + "/items/" + item.id() + "/runs/" + run.id();
		}
		catch (ProblemException e) {
			refused(redirect, e, "run", Map.of("title", title));
			return back(access, item, "runs");
		}
	}

	@PostMapping("/o/{org}/items/{id}/comments")
	String comment(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String body,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		try {
			comments.add(access, item.id().toString(), body);
			redirect.addFlashAttribute("notice", "comment.added");
		}
		catch (ProblemException e) {
			refused(redirect, e, "comment", Map.of("body", body));
		}
		return back(access, item, "comments");
	}

	/** Asks before a comment is removed. */
	@GetMapping("/o/{org}/items/{id}/comments/{commentId}/delete")
	String confirmDelete(@PathVariable String org, @PathVariable String id, @PathVariable String commentId,
			Model model) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		ItemCommentService.Comment comment = comments.get(access, item.id().toString(), commentId);
		if (!comment.canDelete()) {
			throw ProblemException.forbidden();
		}
		model.addAttribute("currentOrg", access);
		model.addAttribute("item", item);
		model.addAttribute("comment", comment);
		return "library/comment-delete";
	}

	@PostMapping("/o/{org}/items/{id}/comments/{commentId}/delete")
	String delete(@PathVariable String org, @PathVariable String id, @PathVariable String commentId,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		comments.delete(access, item.id().toString(), commentId);
		redirect.addFlashAttribute("notice", "comment.deleted");
		return back(access, item, "comments");
	}

	private Item item(OrgAccess access, String id) {
		return items.find(access, id).orElseThrow(ProblemException::notFound);
	}

	private static String back(OrgAccess access, Item item, String section) {
		return "redirect:/o/" + access.slug() + "/items/" + item.id() + "#" + section;
	}

	/** 403 and 404 are pages of their own; anything else goes back to the form with its message. */
	private void refused(RedirectAttributes redirect, ProblemException e, String form, Map<String, String> typed) {
		if (e.status().value() == 403 || e.status().value() == 404) {
			throw e;
		}
		UseError error = e.fields().isEmpty() ? new UseError(form, null, texts.get(e.messageKey(), e.arguments()))
				: new UseError(form, e.fields().get(0).field(),
						texts.get(e.fields().get(0).messageKey(), e.fields().get(0).arguments()));
		redirect.addFlashAttribute("useError", error);
		redirect.addFlashAttribute("useTyped", typed);
	}
}
