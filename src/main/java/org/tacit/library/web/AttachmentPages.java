package org.tacit.library.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.library.internal.Attachment;
import org.tacit.library.internal.AttachmentService;
import org.tacit.library.internal.Item;
import org.tacit.library.internal.ItemService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/**
 * The attachments of an item's page: upload (a refusal is shown next to the file field), download, and
 * removal after a confirmation page. The list itself is rendered into the item page by
 * {@link AttachmentList}.
 */
@Controller
class AttachmentPages {

	private final Organizations organizations;
	private final ItemService items;
	private final AttachmentService attachments;
	private final Texts texts;

	AttachmentPages(Organizations organizations, ItemService items, AttachmentService attachments, Texts texts) {
		this.organizations = organizations;
		this.items = items;
		this.attachments = attachments;
		this.texts = texts;
	}

	@PostMapping("/o/{org}/items/{id}/attachments")
	String upload(@PathVariable String org, @PathVariable String id, HttpServletRequest request,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = attachments.editableItem(access, id);
		try {
			Attachment added = attachments.add(access, item.id(), attachments.fileOf(request));
			redirect.addFlashAttribute("notice", "attachment.added");
			redirect.addFlashAttribute("noticeArg", added.fileName());
		}
		catch (ProblemException e) {
			if (e.fields().isEmpty()) {
				throw e;
			}
			ProblemException.FieldProblem problem = e.fields().get(0);
			redirect.addFlashAttribute("attachmentError", texts.get(problem.messageKey(), problem.arguments()));
		}
		return "redirect:/o/" + access.slug() + "/items/" + item.id() + "#attachments";
	}

	@GetMapping("/o/{org}/items/{id}/attachments/{attachmentId}")
	ResponseEntity<InputStreamResource> download(@PathVariable String org, @PathVariable String id,
			@PathVariable String attachmentId) {
		OrgAccess access = organizations.access(org);
		return attachments.download(access, item(access, id).id(), attachmentId).toResponse();
	}

	@GetMapping("/o/{org}/items/{id}/attachments/{attachmentId}/delete")
	String confirmDelete(@PathVariable String org, @PathVariable String id, @PathVariable String attachmentId,
			Model model) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		Attachment attachment = attachments.get(access, item.id(), attachmentId);
		if (!item.canEdit()) {
			throw ProblemException.forbidden();
		}
		model.addAttribute("currentOrg", access);
		model.addAttribute("item", item);
		model.addAttribute("attachment", attachment);
		return "library/attachment-delete";
	}

	@PostMapping("/o/{org}/items/{id}/attachments/{attachmentId}/delete")
	String delete(@PathVariable String org, @PathVariable String id, @PathVariable String attachmentId,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = item(access, id);
		Attachment attachment = attachments.get(access, item.id(), attachmentId);
		attachments.delete(access, item.id(), attachmentId);
		redirect.addFlashAttribute("notice", "attachment.deleted");
		redirect.addFlashAttribute("noticeArg", attachment.fileName());
		return "redirect:/o/" + access.slug() + "/items/" + item.id() + "#attachments";
	}

	private Item item(OrgAccess access, String id) {
		return items.find(access, id).orElseThrow(ProblemException::notFound);
	}
}
