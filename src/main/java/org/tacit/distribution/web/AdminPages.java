package org.tacit.distribution.web;

import java.util.Arrays;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.distribution.internal.MailQueue;
import org.tacit.distribution.internal.MailSettings;
import org.tacit.distribution.internal.NotificationKind;
import org.tacit.distribution.internal.Webhooks;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** Administrators' pages: webhooks with their delivery logs, and the SMTP server with the mail queue. */
@Controller
class AdminPages {

	private final Organizations organizations;
	private final Webhooks webhooks;
	private final MailSettings mailSettings;
	private final MailQueue mail;
	private final Forms forms;

	AdminPages(Organizations organizations, Webhooks webhooks, MailSettings mailSettings, MailQueue mail, Forms forms) {
		this.organizations = organizations;
		this.webhooks = webhooks;
		this.mailSettings = mailSettings;
		this.mail = mail;
		this.forms = forms;
	}

	private OrgAccess admin(String org) {
		return organizations.access(org).require(Role.ADMIN);
	}

	@GetMapping("/o/{org}/webhooks")
	String webhooks(@PathVariable String org, Paging paging, Model model) {
		return webhooksPage(model, admin(org), paging, "", java.util.List.of());
	}

	private String webhooksPage(Model model, OrgAccess access, Paging paging, String url, java.util.List<String> events) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("hooks", webhooks.list(access, paging));
		model.addAttribute("events", Arrays.stream(NotificationKind.values()).map(NotificationKind::event).toList());
		model.addAttribute("url", url);
		model.addAttribute("chosen", events);
		return "distribution/webhooks";
	}

	@PostMapping("/o/{org}/webhooks")
	String register(@PathVariable String org, @RequestParam(defaultValue = "") String url,
			@RequestParam(required = false) java.util.List<String> events, @RequestParam(defaultValue = "") String secret,
			Model model) {
		OrgAccess access = admin(org);
		try {
			Webhooks.Hook hook = webhooks.register(access, url, events, secret);
			model.addAttribute("created", hook);
			return webhooksPage(model, access, Paging.first(), "", java.util.List.of());
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			return webhooksPage(model, access, Paging.first(), url, events == null ? java.util.List.of() : events);
		}
	}

	@GetMapping("/o/{org}/webhooks/{id}")
	String webhook(@PathVariable String org, @PathVariable String id, Paging paging, Model model) {
		OrgAccess access = admin(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("hook", webhooks.hook(access, id));
		model.addAttribute("deliveries", webhooks.deliveries(access, id, paging));
		return "distribution/webhook";
	}

	@PostMapping("/o/{org}/webhooks/{id}/enable")
	String enable(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = admin(org);
		webhooks.enable(access, id);
		redirect.addFlashAttribute("notice", "distribution.webhook.enabled");
		return "redirect:/o/" + access.slug() + "/webhooks/" + id;
	}

	@GetMapping("/o/{org}/webhooks/{id}/delete")
	String confirmDelete(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = admin(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("hook", webhooks.hook(access, id));
		return "distribution/webhook-delete";
	}

	@PostMapping("/o/{org}/webhooks/{id}/delete")
	String delete(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = admin(org);
		webhooks.remove(access, id);
		redirect.addFlashAttribute("notice", "distribution.webhook.removed");
		return "redirect:/o/" + access.slug() + "/webhooks";
	}

	@GetMapping("/o/{org}/mail")
	String mail(@PathVariable String org, Paging paging, Model model) {
		OrgAccess access = admin(org);
		MailSettings.View view = mailSettings.view(access).orElse(null);
		return mailPage(model, access, paging, view == null ? new MailSettings.Input("", 587, "STARTTLS", "", null, "")
				: new MailSettings.Input(view.host(), view.port(), view.security().name(), view.username(), null, view.from()),
				view != null && view.passwordSet());
	}

	private String mailPage(Model model, OrgAccess access, Paging paging, MailSettings.Input input, boolean passwordSet) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("input", input);
		model.addAttribute("passwordSet", passwordSet);
		model.addAttribute("securities", MailSettings.Security.values());
		model.addAttribute("status", mail.status(access));
		model.addAttribute("mails", mail.list(access, paging));
		return "distribution/mail";
	}

	@PostMapping("/o/{org}/mail")
	String saveMail(@PathVariable String org, @RequestParam(defaultValue = "") String host,
			@RequestParam(defaultValue = "") String port, @RequestParam(defaultValue = "") String security,
			@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "false") boolean clearPassword, @RequestParam(defaultValue = "") String from,
			Model model, RedirectAttributes redirect) {
		OrgAccess access = admin(org);
		Integer number;
		try {
			number = Integer.valueOf(port.strip());
		}
		catch (NumberFormatException e) {
			number = null;
		}
		MailSettings.Input input = new MailSettings.Input(host, number, security, username,
				clearPassword ? "" : password.isEmpty() ? null : password, from);
		try {
			mailSettings.save(access, input);
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			return mailPage(model, access, Paging.first(), new MailSettings.Input(host, number, security, username, null, from),
					mailSettings.view(access).map(MailSettings.View::passwordSet).orElse(false));
		}
		redirect.addFlashAttribute("notice", "distribution.mail.saved");
		return "redirect:/o/" + access.slug() + "/mail";
	}
}
