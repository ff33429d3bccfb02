package org.tacit.organizations.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;
import org.tacit.organizations.WorkSource;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** The list of organizations, an organization's home page and its settings. */
@Controller
class OrgPages {

	/** Entries per section of "My work"; the section's own page has the rest. */
	static final int WORK_PER_SECTION = 10;

	private final OrganizationService organizations;
	private final Forms forms;
	private final ObjectProvider<WorkSource> work;
	private final Clock clock;

	OrgPages(OrganizationService organizations, Forms forms, ObjectProvider<WorkSource> work, Clock clock) {
		this.organizations = organizations;
		this.forms = forms;
		this.work = work;
		this.clock = clock;
	}

	/** A section of "My work": its heading and its entries. */
	record WorkSection(String key, List<WorkSource.WorkItem> items) {
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
			if (e.status().value() == 403) {
				throw e; // a refusal, not a form to correct
			}
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
		model.addAttribute("work", myWork(access));
		model.addAttribute("now", clock.instant());
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

	/** Every module's open work for the person, grouped by section in the order the sources come. */
	private List<WorkSection> myWork(OrgAccess access) {
		Map<String, List<WorkSource.WorkItem>> sections = new LinkedHashMap<>();
		work.orderedStream().forEach(source -> source.workFor(access, WORK_PER_SECTION).forEach(item -> {
			List<WorkSource.WorkItem> section = sections.computeIfAbsent(item.sectionKey(), k -> new ArrayList<>());
			if (section.size() < WORK_PER_SECTION) {
				section.add(item);
			}
		}));
		return sections.entrySet().stream().map(e -> new WorkSection(e.getKey(), e.getValue())).toList();
	}
}
