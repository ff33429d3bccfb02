package org.tacit.library.web;

import org.tacit.search.KnowledgeSearch;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.library.ItemStatus;
import org.tacit.library.Kind;
import org.tacit.library.internal.Diff;
import org.tacit.library.internal.Item;
import org.tacit.library.internal.ItemService;
import org.tacit.library.internal.ItemStore;
import org.tacit.library.internal.Space;
import org.tacit.library.internal.SpaceService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.shared.Markdown;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/**
 * An item's page, the editor (with live preview and a merge view when someone saved in between),
 * history and comparison of versions, workflow steps, verification and the review queue.
 */
@Controller
class ItemPages {

	private final Organizations organizations;
	private final SpaceService spaces;
	private final ItemService items;
	private final Markdown markdown;
	private final Forms forms;
	private final KnowledgeSearch search;

	ItemPages(Organizations organizations, SpaceService spaces, ItemService items, Markdown markdown, Forms forms,
			KnowledgeSearch search) {
		this.organizations = organizations;
		this.search = search;
		this.spaces = spaces;
		this.items = items;
		this.markdown = markdown;
		this.forms = forms;
	}

	/** What the editor form holds. */
	record Draft(String space, String kind, String title, String summary, String body, String tags, String message,
			Integer version) {
	}

	@GetMapping("/o/{org}/items/{id}")
	String item(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Item item = items.find(access, id).orElseThrow(ProblemException::notFound);
		items.recordView(item);
		model.addAttribute("currentOrg", access);
		model.addAttribute("item", item);
		model.addAttribute("bodyHtml", markdown.toHtml(item.body()));
		model.addAttribute("transitions", items.transitions(access, item.id()));
		model.addAttribute("related", search.related(access, String.join("\n", item.title(),
				item.summary() == null ? "" : item.summary(), String.join(" ", item.tags()), item.body()), java.util.Set.of(),
				java.util.Set.of(item.id().toString()), KnowledgeSearch.RELATED_ON_PAGE));
		return "library/item";
	}

	@GetMapping("/o/{org}/items/new")
	String newItem(@PathVariable String org, @RequestParam(defaultValue = "") String space, Model model) {
		OrgAccess access = organizations.access(org);
		Space target = spaces.get(access, space);
		if (!target.contributor()) {
			throw ProblemException.forbidden();
		}
		return editor(model, access, target, null, new Draft(target.key(), Kind.ARTICLE.name(), "", "", "", "", "", null));
	}

	@PostMapping("/o/{org}/items")
	String create(@PathVariable String org, @RequestParam(defaultValue = "") String space,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String message, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Draft draft = new Draft(space, kind, title, summary, body, tags, message, null);
		try {
			Item item = items.create(access, space, content(draft));
			redirect.addFlashAttribute("notice", "item.created");
			return "redirect:/o/" + access.slug() + "/items/" + item.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			return editor(model, access, spaces.get(access, space), null, draft);
		}
	}

	@GetMapping("/o/{org}/items/{id}/edit")
	String edit(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Item item = items.find(access, id).orElseThrow(ProblemException::notFound);
		if (!item.canEdit()) {
			throw ProblemException.forbidden();
		}
		return editor(model, access, spaces.get(access, item.spaceKey()), item, new Draft(item.spaceKey(),
				item.kind().name(), item.title(), item.summary(), item.body(), String.join(", ", item.tags()), "",
				item.version()));
	}

	/** Saves; when someone else saved in between, shows both texts and their difference to merge by hand. */
	@PostMapping("/o/{org}/items/{id}")
	String save(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary,
			@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String tags,
			@RequestParam(defaultValue = "") String message, @RequestParam(required = false) Integer version,
			Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = items.find(access, id).orElseThrow(ProblemException::notFound);
		Draft draft = new Draft(item.spaceKey(), kind, title, summary, body, tags, message, version);
		try {
			items.update(access, item.id(), version, content(draft));
			redirect.addFlashAttribute("notice", "item.saved");
			return "redirect:/o/" + access.slug() + "/items/" + item.id();
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			if (e.status().value() == 409) {
				// the merge view: the current text beside the one that was not saved
				Item current = items.get(access, item.id());
				model.addAttribute("conflict", current);
				model.addAttribute("conflictDiff", Diff.between(
						new ItemStore.Version(current.version(), current.kind().name(), current.title(),
								current.summary(), current.body(), current.tags(), current.ownerId(), null, null),
						new ItemStore.Version(0, kind, title, summary, body, ItemService.splitTags(tags), null, null,
								null)));
				return editor(model, access, spaces.get(access, item.spaceKey()), current,
						new Draft(item.spaceKey(), kind, title, summary, body, tags, message, current.version()));
			}
			forms.reject(model, e);
			return editor(model, access, spaces.get(access, item.spaceKey()), item, draft);
		}
	}

	private String editor(Model model, OrgAccess access, Space space, Item item, Draft draft) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("space", space);
		model.addAttribute("item", item);
		model.addAttribute("draft", draft);
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("previewHtml", markdown.toHtml(draft.body()));
		return "library/edit";
	}

	private static ItemService.Content content(Draft draft) {
		return new ItemService.Content(draft.kind(), draft.title(), draft.summary(), draft.body(),
				ItemService.splitTags(draft.tags()), null, null, draft.message());
	}

	/** Live preview for the editor: the body rendered and sanitized exactly as the item page will show it. */
	@PostMapping("/o/{org}/preview")
	@ResponseBody
	String preview(@PathVariable String org, @RequestParam(defaultValue = "") String body) {
		organizations.access(org);
		if (body.length() > ItemService.BODY_MAX) {
			throw ProblemException.invalid("body", "problem.field.tooLong", ItemService.BODY_MAX);
		}
		return markdown.toHtml(body);
	}

	@PostMapping("/o/{org}/items/{id}/transition")
	String transition(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = items.find(access, id).orElseThrow(ProblemException::notFound);
		try {
			Item moved = items.transition(access, item.id(), to, comment);
			redirect.addFlashAttribute("notice", "item.status." + moved.status() + ".notice");
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("alert", e.fields().isEmpty() ? e.messageKey() : e.fields().get(0).messageKey());
		}
		return "redirect:/o/" + access.slug() + "/items/" + item.id();
	}

	@PostMapping("/o/{org}/items/{id}/verify")
	String verify(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = items.find(access, id).orElseThrow(ProblemException::notFound);
		items.verify(access, item.id());
		redirect.addFlashAttribute("notice", "item.verified");
		return "redirect:/o/" + access.slug() + "/items/" + item.id();
	}

	@GetMapping("/o/{org}/items/{id}/history")
	String history(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, Model model) {
		OrgAccess access = organizations.access(org);
		Item item = items.find(access, id).orElseThrow(ProblemException::notFound);
		List<ItemStore.VersionInfo> versions = items.versions(access, item.id());
		model.addAttribute("currentOrg", access);
		model.addAttribute("item", item);
		model.addAttribute("versions", versions);
		int newest = item.version();
		int compareTo = to == null ? newest : to;
		int compareFrom = from == null ? Math.max(1, compareTo - 1) : from;
		model.addAttribute("from", compareFrom);
		model.addAttribute("to", compareTo);
		model.addAttribute("diff", Diff.between(items.version(access, item.id(), compareFrom),
				items.version(access, item.id(), compareTo)));
		return "library/history";
	}

	@GetMapping("/o/{org}/items/{id}/versions/{version}")
	String version(@PathVariable String org, @PathVariable String id, @PathVariable int version, Model model) {
		OrgAccess access = organizations.access(org);
		Item item = items.find(access, id).orElseThrow(ProblemException::notFound);
		ItemStore.Version old = items.version(access, item.id(), version);
		model.addAttribute("currentOrg", access);
		model.addAttribute("item", item);
		model.addAttribute("old", old);
		model.addAttribute("oldHtml", markdown.toHtml(old.body()));
		return "library/version";
	}

	@PostMapping("/o/{org}/items/{id}/versions/{version}/restore")
	String restore(@PathVariable String org, @PathVariable String id, @PathVariable int version,
			@RequestParam(required = false) Integer basedOn, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Item item = items.find(access, id).orElseThrow(ProblemException::notFound);
		try {
			items.restore(access, item.id(), version, basedOn);
			redirect.addFlashAttribute("notice", "item.restored");
		}
		catch (ProblemException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("alert", e.messageKey());
		}
		return "redirect:/o/" + access.slug() + "/items/" + item.id();
	}

	@GetMapping("/o/{org}/review")
	String review(@PathVariable String org, Model model) {
		OrgAccess access = organizations.access(org);
		Paging first = new Paging(0, Paging.MAX_SIZE);
		model.addAttribute("currentOrg", access);
		model.addAttribute("inReview", items.list(access, new ItemStore.Filter(null, null, ItemStatus.IN_REVIEW, null,
				null, null, ItemStore.Sort.UPDATED), first));
		model.addAttribute("staleMine", items.list(access, new ItemStore.Filter(null, null, null, null,
				access.personId(), true, ItemStore.Sort.REVIEW_BY), first));
		model.addAttribute("staleAll", access.can(Role.EDITOR)
				? items.list(access, new ItemStore.Filter(null, null, null, null, null, true, ItemStore.Sort.REVIEW_BY), first)
				: null);
		return "library/review";
	}
}
