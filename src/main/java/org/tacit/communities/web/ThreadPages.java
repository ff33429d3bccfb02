package org.tacit.communities.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;
import org.tacit.communities.internal.Community;
import org.tacit.communities.internal.CommunityService;
import org.tacit.communities.internal.CommunityThread;
import org.tacit.communities.internal.Post;
import org.tacit.communities.internal.ThreadService;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Markdown;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;
import org.tacit.shared.web.Forms;

/**
 * Discussions and Q&A: a community's threads, the form to ask (with similar questions that already
 * have an answer, as the title is typed), a thread's page with its replies, and what members do there.
 */
@Controller
class ThreadPages {

	private final Organizations organizations;
	private final CommunityService communities;
	private final ThreadService threads;
	private final Markdown markdown;
	private final Forms forms;
	private final Texts texts;

	ThreadPages(Organizations organizations, CommunityService communities, ThreadService threads, Markdown markdown,
			Forms forms, Texts texts) {
		this.organizations = organizations;
		this.communities = communities;
		this.threads = threads;
		this.markdown = markdown;
		this.forms = forms;
		this.texts = texts;
	}

	@GetMapping("/o/{org}/communities/{id}/threads")
	String list(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) String show,
			Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		String shown = show == null ? "all" : show;
		ThreadService.Filter filter = switch (shown) {
			case "questions" -> new ThreadService.Filter(true, null);
			case "unanswered" -> new ThreadService.Filter(true, false);
			case "discussions" -> new ThreadService.Filter(false, null);
			default -> new ThreadService.Filter(null, null);
		};
		model.addAttribute("currentOrg", access);
		model.addAttribute("community", community);
		model.addAttribute("show", shown);
		model.addAttribute("threads", threads.threads(access, community.id(), filter, paging));
		return "communities/threads";
	}

	/** What the new-thread form holds. */
	record Draft(String title, String body, String tags, boolean question) {
	}

	@GetMapping("/o/{org}/communities/{id}/threads/new")
	String newThread(@PathVariable String org, @PathVariable String id,
			@RequestParam(defaultValue = "true") boolean question, Model model) {
		OrgAccess access = organizations.access(org);
		return form(model, access, community(access, id), new Draft("", "", "", question));
	}

	@PostMapping("/o/{org}/communities/{id}/threads")
	String start(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String tags,
			@RequestParam(defaultValue = "false") boolean question, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		try {
			CommunityThread thread = threads.start(access, community.id(),
					new ThreadService.NewThread(title, body, question, CommunityService.splitTags(tags)));
			redirect.addFlashAttribute("notice", question ? "thread.asked" : "thread.started");
			return "redirect:/o/" + access.slug() + "/" + thread.path();
		}
		catch (ProblemException e) {
			Attempt.onlyInputProblems(e);
			forms.reject(model, e);
			return form(model, access, community, new Draft(title, body, tags, question));
		}
	}

	private String form(Model model, OrgAccess access, Community community, Draft draft) {
		if (!community.canPost()) {
			throw community.status().open() ? ProblemException.forbidden()
					: ProblemException.conflict(null, "community.notLaunched");
		}
		model.addAttribute("currentOrg", access);
		model.addAttribute("community", community);
		model.addAttribute("draft", draft);
		model.addAttribute("previewHtml", markdown.toHtml(draft.body()));
		model.addAttribute("similar", draft.question() ? threads.similarAnswered(access, draft.title() + "\n" + draft.body(), null)
				: java.util.List.of());
		return "communities/new-thread";
	}

	/** Similar questions that already have an answer, as the asker types (an htmx fragment). */
	@GetMapping("/o/{org}/communities/{id}/similar")
	String similar(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String body, Model model) {
		OrgAccess access = organizations.access(org);
		community(access, id);
		String text = (title + "\n" + body).strip();
		model.addAttribute("currentOrg", access);
		model.addAttribute("typed", !text.isEmpty());
		model.addAttribute("similar", text.length() > ThreadService.BODY_MAX ? java.util.List.of()
				: threads.similarAnswered(access, text, null));
		return "communities/similar :: similar";
	}

	/**
	 * Live preview for the post editors: the body rendered and sanitized as the thread will show it, with
	 * a warning first when the post would be refused for HTML the sanitizer takes out.
	 */
	@PostMapping("/o/{org}/communities/preview")
	@ResponseBody
	String preview(@PathVariable String org, @RequestParam(defaultValue = "") String body) {
		organizations.access(org);
		if (body.length() > ThreadService.BODY_MAX) {
			throw ProblemException.invalid("body", "problem.field.tooLong", ThreadService.BODY_MAX);
		}
		java.util.List<String> unsafe = markdown.unsafeParts(body);
		String warning = unsafe.isEmpty() ? ""
				: "<p class=\"field-error\">" + HtmlUtils.htmlEscape(texts.get("post.body.unsafe", String.join(", ", unsafe)))
						+ "</p>";
		return warning + markdown.toHtml(body);
	}

	@GetMapping("/o/{org}/threads/{id}")
	String thread(@PathVariable String org, @PathVariable String id, @RequestParam(required = false) String replyTo,
			Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		ThreadService.Conversation conversation = threads.conversation(access, id,
				new Paging(paging.page(), paging.size() == Paging.DEFAULT_SIZE ? 50 : paging.size()));
		model.addAttribute("currentOrg", access);
		model.addAttribute("community", conversation.community());
		model.addAttribute("thread", conversation.thread());
		model.addAttribute("opening", conversation.opening());
		model.addAttribute("replies", conversation.replies());
		model.addAttribute("replyTo", replyTo == null ? null
				: threads.post(access, replyTo).filter(p -> p.thread().equals(conversation.thread().id())).orElse(null));
		if (!model.containsAttribute("reply")) {
			model.addAttribute("reply", "");
		}
		model.addAttribute("similar", conversation.thread().question() && !conversation.thread().answered()
				? threads.similarAnswered(access, conversation.thread().title() + "\n" + conversation.opening().body(),
						conversation.thread().id().toString())
				: java.util.List.of());
		return "communities/thread";
	}

	@PostMapping("/o/{org}/threads/{id}/posts")
	String reply(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "") String replyTo, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		CommunityThread thread = threads.thread(access, id).orElseThrow(ProblemException::notFound);
		try {
			Post post = threads.reply(access, id, body, replyTo);
			redirect.addFlashAttribute("notice", thread.question() ? "post.answered" : "post.replied");
			return "redirect:/o/" + access.slug() + "/" + post.path();
		}
		catch (ProblemException e) {
			Attempt.onlyInputProblems(e);
			forms.reject(model, e);
			model.addAttribute("reply", body);
			return thread(org, id, replyTo.isBlank() ? null : replyTo, Paging.first(), model);
		}
	}

	@GetMapping("/o/{org}/posts/{id}/edit")
	String editForm(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Post post = threads.post(access, id).orElseThrow(ProblemException::notFound);
		return editPage(model, access, post, post.body());
	}

	@PostMapping("/o/{org}/posts/{id}")
	String edit(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String body,
			Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Post post = threads.post(access, id).orElseThrow(ProblemException::notFound);
		try {
			threads.edit(access, id, body);
			redirect.addFlashAttribute("notice", "post.edited");
			return "redirect:/o/" + access.slug() + "/" + post.path();
		}
		catch (ProblemException e) {
			Attempt.onlyInputProblems(e);
			forms.reject(model, e);
			return editPage(model, access, post, body);
		}
	}

	private String editPage(Model model, OrgAccess access, Post post, String body) {
		if (!post.canEdit()) {
			throw ProblemException.forbidden();
		}
		CommunityThread thread = threads.thread(access, post.thread().toString()).orElseThrow(ProblemException::notFound);
		model.addAttribute("currentOrg", access);
		model.addAttribute("thread", thread);
		model.addAttribute("post", post);
		model.addAttribute("body", body);
		model.addAttribute("previewHtml", markdown.toHtml(body));
		return "communities/post-edit";
	}

	@PostMapping("/o/{org}/posts/{id}/accept")
	String accept(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Post post = threads.post(access, id).orElseThrow(ProblemException::notFound);
		return act(access, post, "post.accepted", redirect, () -> threads.accept(access, id));
	}

	@PostMapping("/o/{org}/posts/{id}/vote")
	String vote(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "true") boolean up,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Post post = threads.post(access, id).orElseThrow(ProblemException::notFound);
		return act(access, post, up ? "post.voted" : "post.unvoted", redirect, () -> threads.vote(access, id, up));
	}

	@PostMapping("/o/{org}/posts/{id}/promote")
	String promote(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Post post = threads.post(access, id).orElseThrow(ProblemException::notFound);
		try {
			KnowledgeLibrary.ItemRef item = threads.promote(access, id);
			redirect.addFlashAttribute("notice", "post.promoted");
			redirect.addFlashAttribute("noticeArg", item.title());
			return "redirect:/o/" + access.slug() + "/" + item.path();
		}
		catch (ProblemException e) {
			Attempt.refused(redirect, e);
			return "redirect:/o/" + access.slug() + "/" + post.path();
		}
	}

	private String act(OrgAccess access, Post post, String notice, RedirectAttributes redirect, Runnable action) {
		return Attempt.run(redirect, notice, action, "redirect:/o/" + access.slug() + "/" + post.path());
	}

	private Community community(OrgAccess access, String id) {
		return communities.find(access, id).orElseThrow(ProblemException::notFound);
	}
}
