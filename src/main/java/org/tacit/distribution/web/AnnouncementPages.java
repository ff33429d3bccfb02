package org.tacit.distribution.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.distribution.internal.Announcement;
import org.tacit.distribution.internal.Announcements;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.shared.Markdown;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** Announcements: the list, the form for leaders, one announcement with its acknowledgements. */
@Controller
class AnnouncementPages {

	private final Organizations organizations;
	private final Announcements announcements;
	private final Markdown markdown;
	private final Forms forms;

	AnnouncementPages(Organizations organizations, Announcements announcements, Markdown markdown, Forms forms) {
		this.organizations = organizations;
		this.announcements = announcements;
		this.markdown = markdown;
		this.forms = forms;
	}

	record Draft(String title, String body, boolean mustAcknowledge, String audience) {
	}

	@GetMapping("/o/{org}/announcements")
	String list(@PathVariable String org, Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("announcements", announcements.list(access, false, paging));
		model.addAttribute("canPublish", access.can(Role.KNOWLEDGE_MANAGER));
		return "distribution/announcements";
	}

	@GetMapping("/o/{org}/announcements/new")
	String newAnnouncement(@PathVariable String org, Model model) {
		OrgAccess access = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		return form(model, access, new Draft("", "", true, "ORGANIZATION"));
	}

	private String form(Model model, OrgAccess access, Draft draft) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("draft", draft);
		return "distribution/announcement-new";
	}

	@PostMapping("/o/{org}/announcements")
	String publish(@PathVariable String org, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "false") boolean mustAcknowledge,
			@RequestParam(defaultValue = "ORGANIZATION") String audience, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org).require(Role.KNOWLEDGE_MANAGER);
		try {
			Announcement a = announcements.publish(access, title, body, mustAcknowledge, audience);
			redirect.addFlashAttribute("notice", "distribution.announcement.published");
			return "redirect:/o/" + access.slug() + "/announcements/" + a.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			return form(model, access, new Draft(title, body, mustAcknowledge, audience));
		}
	}

	@GetMapping("/o/{org}/announcements/{id}")
	String announcement(@PathVariable String org, @PathVariable String id,
			@RequestParam(required = false) Boolean acknowledged, Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		Announcement a = announcements.get(access, id);
		model.addAttribute("currentOrg", access);
		model.addAttribute("announcement", a);
		model.addAttribute("bodyHtml", markdown.toHtml(a.body()));
		if (a.showsProgress()) {
			model.addAttribute("acknowledgements", announcements.acknowledgements(access, id, acknowledged, paging));
			model.addAttribute("filter", acknowledged);
		}
		return "distribution/announcement";
	}

	@PostMapping("/o/{org}/announcements/{id}/acknowledge")
	String acknowledge(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Announcement a = announcements.acknowledge(access, id);
		redirect.addFlashAttribute("notice", "distribution.announcement.acknowledged");
		return "redirect:/o/" + access.slug() + "/announcements/" + a.id();
	}

	@PostMapping("/o/{org}/announcements/{id}/remind")
	String remind(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		int reminded = announcements.remind(access, id);
		redirect.addFlashAttribute("notice", "distribution.announcement.reminded");
		redirect.addFlashAttribute("noticeArg", reminded);
		return "redirect:/o/" + access.slug() + "/announcements/" + id;
	}
}
