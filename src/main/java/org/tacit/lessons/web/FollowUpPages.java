package org.tacit.lessons.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tacit.lessons.internal.ActionService;
import org.tacit.lessons.internal.LessonService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.shared.Paging;

/**
 * Follow-up of lessons in full (the home page shows the first ten of each): the person's open actions,
 * the lessons waiting for their validation and, for knowledge managers and administrators, every overdue
 * action. Each list pages on its own.
 */
@Controller
class FollowUpPages {

	private final Organizations organizations;
	private final ActionService actions;
	private final LessonService lessons;

	FollowUpPages(Organizations organizations, ActionService actions, LessonService lessons) {
		this.organizations = organizations;
		this.actions = actions;
		this.lessons = lessons;
	}

	@GetMapping("/o/{org}/lessons/follow-up")
	String followUp(@PathVariable String org, @RequestParam(defaultValue = "0") int mine,
			@RequestParam(defaultValue = "0") int queue, @RequestParam(defaultValue = "0") int overdue, Model model) {
		OrgAccess access = organizations.access(org);
		model.addAttribute("currentOrg", access);
		model.addAttribute("mine", actions.openFor(access, access.personId(), new Paging(mine, Paging.DEFAULT_SIZE)));
		model.addAttribute("queue", lessons.validationQueue(access, new Paging(queue, Paging.DEFAULT_SIZE)));
		if (access.can(Role.KNOWLEDGE_MANAGER)) {
			model.addAttribute("overdue", actions.overdue(access, new Paging(overdue, Paging.DEFAULT_SIZE)));
		}
		model.addAttribute("pages", new int[] { mine, queue, overdue });
		return "lessons/follow-up";
	}
}
