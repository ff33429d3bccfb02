package org.tacit.distribution.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.distribution.internal.Announcements;
import org.tacit.distribution.internal.Channel;
import org.tacit.distribution.internal.Feed;
import org.tacit.distribution.internal.FollowKind;
import org.tacit.distribution.internal.FollowService;
import org.tacit.distribution.internal.NotificationKind;
import org.tacit.distribution.internal.Preferences;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** A member's feed, what they follow and how they get notifications. */
@Controller
class FeedPages {

	private final Organizations organizations;
	private final Feed feed;
	private final FollowService follows;
	private final Preferences preferences;
	private final Announcements announcements;
	private final Forms forms;

	FeedPages(Organizations organizations, Feed feed, FollowService follows, Preferences preferences,
			Announcements announcements, Forms forms) {
		this.organizations = organizations;
		this.feed = feed;
		this.follows = follows;
		this.preferences = preferences;
		this.announcements = announcements;
		this.forms = forms;
	}

	@GetMapping("/o/{org}/notifications")
	String feed(@PathVariable String org, @RequestParam(defaultValue = "false") boolean unread, Paging paging,
			Model model) {
		OrgAccess access = organizations.access(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("notifications", feed.list(access, unread, paging));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("unreadCount", feed.unread(access));
		model.addAttribute("pending", announcements.list(access, true, new Paging(0, 10)));
		return "distribution/feed";
	}

	@PostMapping("/o/{org}/notifications/read")
	String read(@PathVariable String org, @RequestParam(required = false) List<String> ids,
			@RequestParam(defaultValue = "false") boolean all, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		feed.markRead(access, ids, all);
		redirect.addFlashAttribute("notice", "distribution.feed.marked");
		return "redirect:/o/" + access.slug() + "/notifications";
	}

	@GetMapping("/o/{org}/follows")
	String follows(@PathVariable String org, Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		return followsPage(model, access, paging, "TAG", "");
	}

	private String followsPage(Model model, OrgAccess access, Paging paging, String kind, String target) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("follows", follows.list(access, paging));
		model.addAttribute("kinds", FollowKind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("target", target);
		return "distribution/follows";
	}

	@PostMapping("/o/{org}/follows")
	String follow(@PathVariable String org, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String back, Model model,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		try {
			follows.follow(access, kind, target);
		}
		catch (ProblemException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			forms.reject(model, e);
			return followsPage(model, access, Paging.first(), kind, target);
		}
		redirect.addFlashAttribute("notice", "distribution.follow.added");
		// a follow button on another module's page comes back to that page
		return FollowButtons.safeBack(back, access.slug()) ? "redirect:" + back : "redirect:/o/" + access.slug() + "/follows";
	}

	/** The Unfollow button of another module's page: stops the follow named by kind and target, and goes back. */
	@PostMapping("/o/{org}/follows/stop")
	String stop(@PathVariable String org, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String back,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		follows.unfollow(access, kind, target);
		redirect.addFlashAttribute("notice", "distribution.follow.removed");
		return FollowButtons.safeBack(back, access.slug()) ? "redirect:" + back : "redirect:/o/" + access.slug() + "/follows";
	}

	@PostMapping("/o/{org}/follows/{id}/delete")
	String unfollow(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		java.util.UUID uuid;
		try {
			uuid = java.util.UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.notFound();
		}
		follows.unfollow(access, uuid);
		redirect.addFlashAttribute("notice", "distribution.follow.removed");
		return "redirect:/o/" + access.slug() + "/follows";
	}

	@GetMapping("/o/{org}/notifications/settings")
	String settings(@PathVariable String org, @RequestParam(required = false) String unsubscribe, Model model) {
		OrgAccess access = organizations.access(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("preferences", preferences.of(access.orgId(), access.personId()));
		model.addAttribute("channels", Channel.values());
		NotificationKind stop = Arrays.stream(NotificationKind.values())
			.filter(k -> k.name().equals(unsubscribe))
			.findFirst()
			.orElse(null);
		model.addAttribute("unsubscribe", stop);
		return "distribution/settings";
	}

	@PostMapping("/o/{org}/notifications/settings")
	String saveSettings(@PathVariable String org, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Map<String, String> choices = new java.util.LinkedHashMap<>();
		for (NotificationKind kind : NotificationKind.values()) {
			String value = form.getFirst("pref-" + kind.name());
			if (value != null) {
				choices.put(kind.name(), value);
			}
		}
		preferences.set(access, choices);
		redirect.addFlashAttribute("notice", "distribution.settings.saved");
		return "redirect:/o/" + access.slug() + "/notifications/settings";
	}
}
