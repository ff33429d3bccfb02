package org.tacit.organizations.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;
import org.tacit.organizations.internal.MemberRecord;
import org.tacit.organizations.internal.MemberStore;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.organizations.internal.PeopleService;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/**
 * The members of an organization: list, add, change role, remove, deactivate and reset a password.
 * Destructive actions go through a confirmation page first.
 */
@Controller
class MemberPages {

	private final OrganizationService organizations;
	private final PeopleService people;
	private final Forms forms;

	MemberPages(OrganizationService organizations, PeopleService people, Forms forms) {
		this.organizations = organizations;
		this.people = people;
		this.forms = forms;
	}

	/** The full page, or only the results table when htmx asks for it (search as you type, paging). */
	@GetMapping("/o/{org}/members")
	String list(@PathVariable String org, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "NAME") MemberStore.Sort sort, @RequestParam(defaultValue = "false") boolean desc,
			Paging paging, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		OrgAccess access = organizations.access(org);
		fill(model, access, q, sort, desc, paging);
		return htmx != null ? "orgs/members :: results" : "orgs/members";
	}

	private void fill(Model model, OrgAccess access, String q, MemberStore.Sort sort, boolean desc, Paging paging) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("members", people.list(access, q, sort, desc, paging));
		model.addAttribute("q", q);
		model.addAttribute("sort", sort);
		model.addAttribute("desc", desc);
		model.addAttribute("roles", Role.values());
		model.addAttribute("sorts", MemberStore.Sort.values());
		if (!model.containsAttribute("newRole")) {
			model.addAttribute("newRole", Role.CONTRIBUTOR);
		}
	}

	@PostMapping("/o/{org}/members")
	String add(@PathVariable String org, @RequestParam(defaultValue = "") String person,
			@RequestParam(required = false) Role role, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		try {
			MemberRecord added = people.add(access, person, role, name, password);
			redirect.addFlashAttribute("notice", "member.added.notice");
			redirect.addFlashAttribute("noticeArg", added.email());
			return "redirect:/o/" + access.slug() + "/members";
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			model.addAttribute("person", person);
			model.addAttribute("newName", name);
			model.addAttribute("newRole", role == null ? Role.CONTRIBUTOR : role);
			fill(model, access, "", MemberStore.Sort.NAME, false, Paging.first());
			return "orgs/members";
		}
	}

	@PostMapping("/o/{org}/members/{id}/role")
	String changeRole(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) Role role,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		try {
			MemberRecord member = people.changeRole(access, id, role);
			redirect.addFlashAttribute("notice", "member.role.notice");
			redirect.addFlashAttribute("noticeArg", member.email());
		}
		catch (ProblemException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("alert", e.fields().isEmpty() ? e.messageKey() : e.fields().get(0).messageKey());
		}
		return "redirect:/o/" + access.slug() + "/members";
	}

	/** The form that sets or clears a member's manager. */
	@GetMapping("/o/{org}/members/{id}/manager")
	String managerForm(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		MemberRecord member = people.member(access, id);
		model.addAttribute("currentOrg", access);
		model.addAttribute("member", member);
		if (!model.containsAttribute("manager")) {
			model.addAttribute("manager", member.manager() == null ? ""
					: people.member(access, member.manager().toString()).email());
		}
		return "orgs/member-manager";
	}

	@PostMapping("/o/{org}/members/{id}/manager")
	String setManager(@PathVariable String org, @PathVariable String id,
			@RequestParam(defaultValue = "") String manager, @RequestParam(defaultValue = "false") boolean clear,
			Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		try {
			MemberRecord member = people.setManager(access, id, clear ? null : manager);
			redirect.addFlashAttribute("notice", member.manager() == null ? "member.manager.cleared" : "member.manager.notice");
			redirect.addFlashAttribute("noticeArg", member.email());
			return "redirect:/o/" + access.slug() + "/members";
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("manager", manager);
			return managerForm(org, id, model);
		}
	}

	/** Confirmation page of remove, deactivate, reactivate and password reset. */
	@GetMapping("/o/{org}/members/{id}/{action:remove|deactivate|reactivate|reset-password}")
	String confirm(@PathVariable String org, @PathVariable String id, @PathVariable String action, Model model) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		model.addAttribute("currentOrg", access);
		model.addAttribute("member", people.member(access, id));
		model.addAttribute("action", action);
		return "orgs/member-confirm";
	}

	@PostMapping("/o/{org}/members/{id}/{action:remove|deactivate|reactivate|reset-password}")
	String act(@PathVariable String org, @PathVariable String id, @PathVariable String action, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		MemberRecord member = people.member(access, id);
		try {
			switch (action) {
				case "remove" -> people.remove(access, id);
				case "deactivate" -> people.setActive(access, id, false);
				case "reactivate" -> people.setActive(access, id, true);
				default -> {
					model.addAttribute("currentOrg", access);
					model.addAttribute("member", member);
					model.addAttribute("temporaryPassword", people.resetPassword(access, id));
					return "orgs/member-password";
				}
			}
			redirect.addFlashAttribute("notice", "member." + action + ".notice");
			redirect.addFlashAttribute("noticeArg", member.email());
		}
		catch (ProblemException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("alert", e.fields().isEmpty() ? e.messageKey() : e.fields().get(0).messageKey());
		}
		return "redirect:/o/" + access.slug() + "/members";
	}
}
