package org.tacit.library.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.library.ItemStatus;
import org.tacit.library.Kind;
import org.tacit.library.internal.ItemService;
import org.tacit.library.internal.ItemStore;
import org.tacit.library.internal.Space;
import org.tacit.library.internal.SpaceService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** The list of spaces and a space's page with its items and members. */
@Controller
class SpacePages {

	private final Organizations organizations;
	private final SpaceService spaces;
	private final ItemService items;
	private final Forms forms;

	SpacePages(Organizations organizations, SpaceService spaces, ItemService items, Forms forms) {
		this.organizations = organizations;
		this.spaces = spaces;
		this.items = items;
		this.forms = forms;
	}

	@GetMapping("/o/{org}/spaces")
	String list(@PathVariable String org, Model model) {
		OrgAccess access = organizations.access(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("spaces", spaces.visible(access));
		model.addAttribute("canCreate", access.can(Role.KNOWLEDGE_MANAGER));
		return "library/spaces";
	}

	@PostMapping("/o/{org}/spaces")
	String create(@PathVariable String org, @RequestParam(defaultValue = "") String key,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "false") boolean membersOnly, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		try {
			Space space = spaces.create(access, key, name, description, membersOnly);
			redirect.addFlashAttribute("notice", "space.created");
			return "redirect:/o/" + access.slug() + "/spaces/" + space.key();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("key", key);
			model.addAttribute("name", name);
			model.addAttribute("description", description);
			model.addAttribute("membersOnly", membersOnly);
			return list(org, model);
		}
	}

	@GetMapping("/o/{org}/spaces/{key}")
	String space(@PathVariable String org, @PathVariable String key, @RequestParam(required = false) Kind kind,
			@RequestParam(required = false) ItemStatus status, @RequestParam(required = false) Boolean stale,
			Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		Space space = spaces.get(access, key);
		model.addAttribute("currentOrg", access);
		model.addAttribute("space", space);
		model.addAttribute("items", items.list(access,
				new ItemStore.Filter(space.key(), kind, status, null, null, stale, ItemStore.Sort.UPDATED), paging));
		model.addAttribute("kind", kind);
		model.addAttribute("status", status);
		model.addAttribute("stale", stale);
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("members", spaces.members(access, key));
		model.addAttribute("spaceRoles", new Role[] { Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER });
		return "library/space";
	}

	@PostMapping("/o/{org}/spaces/{key}/members")
	String setMember(@PathVariable String org, @PathVariable String key, @RequestParam(defaultValue = "") String person,
			@RequestParam(required = false) Role role, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		try {
			spaces.setMember(access, key, person, role);
			redirect.addFlashAttribute("notice", "space.member.set");
		}
		catch (ProblemException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			redirect.addFlashAttribute("alert", e.fields().isEmpty() ? e.messageKey() : e.fields().get(0).messageKey());
		}
		return "redirect:/o/" + access.slug() + "/spaces/" + key.toUpperCase(java.util.Locale.ROOT) + "#members";
	}

	@PostMapping("/o/{org}/spaces/{key}/members/{person}/remove")
	String removeMember(@PathVariable String org, @PathVariable String key, @PathVariable String person,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		try {
			spaces.removeMember(access, key, person);
			redirect.addFlashAttribute("notice", "space.member.removed");
		}
		catch (ProblemException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			redirect.addFlashAttribute("alert", e.messageKey());
		}
		return "redirect:/o/" + access.slug() + "/spaces/" + key.toUpperCase(java.util.Locale.ROOT) + "#members";
	}
}
