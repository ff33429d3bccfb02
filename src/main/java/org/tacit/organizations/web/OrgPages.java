package org.tacit.organizations.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** The list of organizations, an organization's home page and its settings. */
@Controller
class OrgPages {

	private final OrganizationService organizations;
	private final Forms forms;

	OrgPages(OrganizationService organizations, Forms forms) {
		this.organizations = organizations;
		this.forms = forms;
	}

	@GetMapping("/orgs")
	String list(Paging paging, Model model) {
		model.addAttribute("orgs", organizations.visible(paging));
		model.addAttribute("canCreate", CurrentUser.require().siteAdmin());
		return "orgs/list";
	}

	@PostMapping("/orgs")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
			Model model, RedirectAttributes redirect) {
		try {
			organizations.create(name, slug);
			redirect.addFlashAttribute("notice", "org.created");
			return "redirect:/orgs";
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			model.addAttribute("name", name);
			model.addAttribute("slug", slug);
			return list(Paging.first(), model);
		}
	}

	@GetMapping("/o/{org}")
	String home(@PathVariable String org, Model model, HttpSession session) {
		OrgAccess access = organizations.access(org);
		session.setAttribute(SessionPages.LAST_ORG, access.slug());
		model.addAttribute("currentOrg", access);
		model.addAttribute("orgRecord", organizations.get(access));
		return "orgs/home";
	}

	@GetMapping("/o/{org}/settings")
	String settings(@PathVariable String org, Model model) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		model.addAttribute("currentOrg", access);
		model.addAttribute("name", access.name());
		return "orgs/settings";
	}

	@PostMapping("/o/{org}/settings")
	String rename(@PathVariable String org, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		try {
			organizations.rename(access, name);
			redirect.addFlashAttribute("notice", "org.renamed");
			return "redirect:/o/" + access.slug() + "/settings";
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			model.addAttribute("currentOrg", access);
			model.addAttribute("name", name);
			return "orgs/settings";
		}
	}
}
