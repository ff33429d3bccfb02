package org.tacit.communities.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.communities.CommunityStatus;
import org.tacit.communities.internal.Community;
import org.tacit.communities.internal.CommunityService;
import org.tacit.communities.internal.CommunityStore;
import org.tacit.communities.internal.HealthService;
import org.tacit.communities.internal.JoinPolicy;
import org.tacit.communities.internal.MemberStatus;
import org.tacit.communities.internal.MembershipService;
import org.tacit.communities.internal.ThreadService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** The directory, proposing a community, its home page, its lifecycle and its members. */
@Controller
class CommunityPages {

	private final Organizations organizations;
	private final CommunityService communities;
	private final CommunityStore store;
	private final MembershipService memberships;
	private final ThreadService threads;
	private final HealthService health;
	private final Forms forms;
	private final MissingParts missing;

	CommunityPages(Organizations organizations, CommunityService communities, CommunityStore store,
			MembershipService memberships, ThreadService threads, HealthService health, Forms forms,
			MissingParts missing) {
		this.organizations = organizations;
		this.communities = communities;
		this.store = store;
		this.memberships = memberships;
		this.threads = threads;
		this.health = health;
		this.forms = forms;
		this.missing = missing;
	}

	@GetMapping("/o/{org}/communities")
	String directory(@PathVariable String org, @RequestParam(required = false) String domain,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean mine, Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		CommunityStore.Filter filter;
		try {
			filter = CommunityStore.Filter.of(domain, status, q, mine);
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			filter = new CommunityStore.Filter(null, null, null, false);
		}
		model.addAttribute("currentOrg", access);
		model.addAttribute("filter", filter);
		model.addAttribute("communities", store.list(access, filter, paging));
		model.addAttribute("domains", store.domains(access));
		model.addAttribute("statuses", CommunityStatus.values());
		model.addAttribute("canPropose", access.can(Role.CONTRIBUTOR));
		return "communities/directory";
	}

	/** What the proposal form holds. */
	record Proposal(String name, String description, String tags, String joinPolicy, boolean membersOnly,
			String spaceKey) {
	}

	@GetMapping("/o/{org}/communities/new")
	String proposeForm(@PathVariable String org, Model model) {
		OrgAccess access = organizations.access(org).require(Role.CONTRIBUTOR);
		return proposal(model, access, null, new Proposal("", "", "", JoinPolicy.OPEN.name(), false, ""));
	}

	@PostMapping("/o/{org}/communities")
	String propose(@PathVariable String org, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String tags,
			@RequestParam(defaultValue = "OPEN") String joinPolicy, @RequestParam(defaultValue = "false") boolean membersOnly,
			@RequestParam(defaultValue = "") String spaceKey, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Proposal proposal = new Proposal(name, description, tags, joinPolicy, membersOnly, spaceKey);
		try {
			Community created = communities.propose(access, new CommunityService.Details(name, description,
					CommunityService.splitTags(tags), joinPolicy, membersOnly, spaceKey));
			redirect.addFlashAttribute("notice", "community.proposed");
			return "redirect:/o/" + access.slug() + "/communities/" + created.id() + "/charter";
		}
		catch (ProblemException e) {
			Attempt.onlyInputProblems(e);
			forms.reject(model, e);
			return proposal(model, access, null, proposal);
		}
	}

	@GetMapping("/o/{org}/communities/{id}/edit")
	String editForm(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		if (!community.canEditCharter()) {
			throw ProblemException.forbidden();
		}
		return proposal(model, access, community, new Proposal(community.name(), community.description(),
				String.join(", ", community.tags()), community.joinPolicy().name(), community.membersOnly(),
				community.spaceKey()));
	}

	@PostMapping("/o/{org}/communities/{id}")
	String edit(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String tags,
			@RequestParam(defaultValue = "OPEN") String joinPolicy, Model model, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		try {
			communities.updateDetails(access, community.id(),
					new CommunityService.Details(name, description, CommunityService.splitTags(tags), joinPolicy, null, null));
			redirect.addFlashAttribute("notice", "community.updated");
			return "redirect:/o/" + access.slug() + "/" + community.path();
		}
		catch (ProblemException e) {
			Attempt.onlyInputProblems(e);
			forms.reject(model, e);
			return proposal(model, access, community,
					new Proposal(name, description, tags, joinPolicy, community.membersOnly(), community.spaceKey()));
		}
	}

	private String proposal(Model model, OrgAccess access, Community community, Proposal proposal) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("community", community);
		model.addAttribute("proposal", proposal);
		model.addAttribute("joinPolicies", JoinPolicy.values());
		return "communities/propose";
	}

	@GetMapping("/o/{org}/communities/{id}")
	String home(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		model.addAttribute("currentOrg", access);
		model.addAttribute("community", community);
		model.addAttribute("missing", missing.of(community));
		model.addAttribute("deliverables", community.charter().deliverables().stream()
			.map(d -> new CharterPages.DeliverableRow(d, communities.linkedItems(access, d)))
			.toList());
		model.addAttribute("recent", threads.threads(access, community.id(), new ThreadService.Filter(null, null),
				new Paging(0, 5)));
		model.addAttribute("members", memberships.members(access, community.id(), new Paging(0, 12)));
		model.addAttribute("health", health.of(community));
		model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneOffset.UTC));
		return "communities/home";
	}

	@PostMapping("/o/{org}/communities/{id}/launch")
	String launch(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		try {
			communities.launch(access, community.id());
			redirect.addFlashAttribute("notice", "community.launched");
			return "redirect:/o/" + access.slug() + "/" + community.path();
		}
		catch (ProblemException e) {
			Attempt.refused(redirect, e);
			if (e.status().value() == 422) {
				redirect.addFlashAttribute("alert", "charter.launch.refused");
			}
			return "redirect:/o/" + access.slug() + "/" + community.path() + "/charter#missing";
		}
	}

	@GetMapping("/o/{org}/communities/{id}/retire")
	String retireConfirm(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		if (!community.statusChoices().contains(CommunityStatus.RETIRED)) {
			throw ProblemException.forbidden();
		}
		return Confirm.page(model, access, "community.retire", community.name(), community.path() + "/status",
				"RETIRED", community.path());
	}

	@PostMapping("/o/{org}/communities/{id}/status")
	String status(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String status,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		String target = "redirect:/o/" + access.slug() + "/" + community.path();
		try {
			Community moved = communities.changeStatus(access, community.id(), status);
			redirect.addFlashAttribute("notice", "community.status.changed." + moved.status());
		}
		catch (ProblemException e) {
			Attempt.refused(redirect, e);
			if (e.status().value() == 422) {
				redirect.addFlashAttribute("alert", "charter.launch.refused");
			}
		}
		return target;
	}

	@PostMapping("/o/{org}/communities/{id}/join")
	String join(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		String target = "redirect:/o/" + access.slug() + "/" + community.path();
		try {
			MemberStatus status = memberships.join(access, community.id());
			redirect.addFlashAttribute("notice", status == MemberStatus.MEMBER ? "community.joined" : "community.requested");
		}
		catch (ProblemException e) {
			Attempt.refused(redirect, e);
		}
		return target;
	}

	@GetMapping("/o/{org}/communities/{id}/leave")
	String leaveConfirm(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		return Confirm.page(model, access, community.invited() ? "community.decline"
				: community.requested() ? "community.withdraw" : "community.leave", community.name(),
				community.path() + "/leave", null, community.path());
	}

	@PostMapping("/o/{org}/communities/{id}/leave")
	String leave(@PathVariable String org, @PathVariable String id, RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		return removal(access, community, access.personId().toString(), "community.left", redirect,
				"redirect:/o/" + access.slug() + "/" + community.path());
	}

	@GetMapping("/o/{org}/communities/{id}/members")
	String members(@PathVariable String org, @PathVariable String id, Paging paging, Model model) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		model.addAttribute("currentOrg", access);
		model.addAttribute("community", community);
		model.addAttribute("members", memberships.members(access, community.id(), paging));
		return "communities/members";
	}

	@PostMapping("/o/{org}/communities/{id}/members")
	String admit(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String person,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		try {
			MemberStatus status = memberships.admit(access, community.id(), person);
			redirect.addFlashAttribute("notice", status == MemberStatus.INVITED ? "community.member.invited"
					: "community.member.admitted");
		}
		catch (ProblemException e) {
			Attempt.refused(redirect, e);
		}
		return "redirect:/o/" + access.slug() + "/" + community.path() + "/members";
	}

	@GetMapping("/o/{org}/communities/{id}/members/{person}/remove")
	String removeConfirm(@PathVariable String org, @PathVariable String id, @PathVariable String person, Model model) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		// only stewards remove others (the removal itself refuses anyone else)
		if (!person.equals(access.personId().toString()) && !community.steward()) {
			throw ProblemException.forbidden();
		}
		MembershipService.Member member = memberships.members(access, community.id(), new Paging(0, Paging.MAX_SIZE))
			.items()
			.stream()
			.filter(m -> m.person().toString().equals(person))
			.findFirst()
			.orElseThrow(ProblemException::notFound);
		model.addAttribute("confirmArg", member.name());
		return Confirm.page(model, access, member.status() == MemberStatus.REQUESTED ? "community.member.decline"
				: "community.member.remove", community.name(), community.path() + "/members/" + person + "/remove", null,
				community.path() + "/members");
	}

	@PostMapping("/o/{org}/communities/{id}/members/{person}/remove")
	String remove(@PathVariable String org, @PathVariable String id, @PathVariable String person,
			RedirectAttributes redirect) {
		OrgAccess access = organizations.access(org);
		Community community = community(access, id);
		return removal(access, community, person, "community.member.removed", redirect,
				"redirect:/o/" + access.slug() + "/" + community.path() + "/members");
	}

	private String removal(OrgAccess access, Community community, String person, String notice,
			RedirectAttributes redirect, String target) {
		return Attempt.run(redirect, notice, () -> memberships.remove(access, community.id(), person), target);
	}

	private Community community(OrgAccess access, String id) {
		return communities.find(access, id).orElseThrow(ProblemException::notFound);
	}
}
