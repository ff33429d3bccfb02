package org.tacit.library.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;
import org.tacit.library.Kind;
import org.tacit.library.internal.ChecklistRun;
import org.tacit.library.internal.ChecklistRunService;
import org.tacit.library.internal.FeedbackService;
import org.tacit.library.internal.Item;
import org.tacit.library.internal.ItemCommentService;
import org.tacit.library.internal.ItemService;
import org.tacit.library.internal.ItemUseService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/**
 * Adds what the item page's "use" sections show (feedback, uses, checklist runs, comments) as
 * {@code itemUse}, so that the item page's own controller needs no change.
 */
@ControllerAdvice(assignableTypes = ItemPages.class)
class ItemUseModel {

	static final String ITEM_PAGE = "/o/{org}/items/{id}";
	static final int RUNS_PAGE_SIZE = 10;
	static final int COMMENTS_PAGE_SIZE = 20;

	private final Organizations organizations;
	private final ItemService items;
	private final FeedbackService feedback;
	private final ItemUseService uses;
	private final ChecklistRunService runs;
	private final ItemCommentService comments;

	ItemUseModel(Organizations organizations, ItemService items, FeedbackService feedback, ItemUseService uses,
			ChecklistRunService runs, ItemCommentService comments) {
		this.organizations = organizations;
		this.items = items;
		this.feedback = feedback;
		this.uses = uses;
		this.runs = runs;
		this.comments = comments;
	}

	/**
	 * What the item page shows beside the item. {@code uses} is null unless the item is reusable,
	 * {@code runs} null unless it is a checklist.
	 */
	record ItemUseView(FeedbackService.Feedback feedback, ItemUseService.Uses uses, Page<ChecklistRun> runs,
			Page<ItemCommentService.Comment> comments) {
	}

	@ModelAttribute
	void itemUse(HttpServletRequest request, Model model) {
		if (!"GET".equals(request.getMethod())
				|| !ITEM_PAGE.equals(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))) {
			return;
		}
		@SuppressWarnings("unchecked")
		Map<String, String> path = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (path == null) {
			return;
		}
		try {
			OrgAccess access = organizations.access(path.get("org"));
			Item item = items.find(access, path.get("id")).orElse(null);
			if (item == null) {
				return; // the item page answers 404 itself
			}
			String id = item.id().toString();
			model.addAttribute("itemUse", new ItemUseView(
					feedback.feedback(access, id, new Paging(page(request, "feedbackPage"), COMMENTS_PAGE_SIZE)),
					item.kind().reusable() ? uses.uses(access, id) : null,
					item.kind() == Kind.CHECKLIST
							? runs.list(access, id, new Paging(page(request, "runsPage"), RUNS_PAGE_SIZE)) : null,
					comments.list(access, id, new Paging(page(request, "commentsPage"), COMMENTS_PAGE_SIZE))));
		}
		catch (ProblemException e) {
			// the item page refuses the request itself (unknown organization or item)
		}
	}

	private static int page(HttpServletRequest request, String name) {
		try {
			int page = Integer.parseInt(request.getParameter(name));
			return page < 0 || page > Paging.MAX_PAGE ? 0 : page;
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}
}
