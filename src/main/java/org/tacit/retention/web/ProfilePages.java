package org.tacit.retention.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.retention.internal.ExpertiseService;
import org.tacit.retention.internal.HandoverService;
import org.tacit.retention.internal.Input;
import org.tacit.retention.internal.Profile;
import org.tacit.retention.internal.RiskAccess;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/**
 * A person's page (the expertise profile that {@code person} links lead to), its editor, and the
 * handover of what they hold when they leave.
 */
@Controller
class ProfilePages {

	/** Blank rows the editor offers for new areas. */
	static final int BLANK_ROWS = 3;

	private final Organizations organizations;
	private final ExpertiseService expertise;
	private final HandoverService handover;
	private final RiskAccess access;
	private final Forms forms;

	ProfilePages(Organizations organizations, ExpertiseService expertise, HandoverService handover, RiskAccess access,
			Forms forms) {
		this.organizations = organizations;
		this.expertise = expertise;
		this.handover = handover;
		this.access = access;
		this.forms = forms;
	}

	@GetMapping("/o/{org}/people/{id}")
	String profile(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		Profile profile = expertise.profile(caller, id);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("profile", profile);
		model.addAttribute("self", caller.personId().equals(profile.person()));
		model.addAttribute("canEdit", expertise.canEdit(caller, profile.person()));
		model.addAttribute("canSeeRisks", access.canSee(caller, profile.person()));
		model.addAttribute("canHandOver", access.canManage(caller, profile.person()));
		return "retention/profile";
	}

	/** One row of the editor: a tag and a level, as typed. */
	record AreaRow(String tag, String level) {
	}

	@GetMapping("/o/{org}/people/{id}/expertise")
	String editor(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		Profile profile = expertise.profile(caller, id);
		if (!expertise.canEdit(caller, profile.person())) {
			throw ProblemException.forbidden();
		}
		if (!model.containsAttribute("rows")) {
			model.addAttribute("rows", withBlanks(profile.areas()
				.stream()
				.map(a -> new AreaRow(a.tag(), String.valueOf(a.level())))
				.toList()));
			model.addAttribute("askMeAbout", profile.askMeAbout());
			model.addAttribute("languages", String.join(", ", profile.languages()));
			model.addAttribute("location", profile.location());
		}
		model.addAttribute("currentOrg", caller);
		model.addAttribute("profile", profile);
		model.addAttribute("levels", List.of(1, 2, 3, 4, 5));
		model.addAttribute("areasMax", ExpertiseService.AREAS_MAX);
		return "retention/profile-edit";
	}

	private static List<AreaRow> withBlanks(List<AreaRow> rows) {
		List<AreaRow> all = new ArrayList<>(rows);
		for (int i = 0; i < BLANK_ROWS && all.size() < ExpertiseService.AREAS_MAX; i++) {
			all.add(new AreaRow("", "3"));
		}
		return all;
	}

	@PostMapping("/o/{org}/people/{id}/expertise")
	String save(@PathVariable String org, @PathVariable String id,
			@RequestParam(name = "tag", required = false) List<String> tags,
			@RequestParam(name = "level", required = false) List<String> levels,
			@RequestParam(defaultValue = "") String askMeAbout, @RequestParam(defaultValue = "") String languages,
			@RequestParam(defaultValue = "") String location, Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		// rows left blank are not areas; the others keep their order, so errors point at the right row
		List<AreaRow> rows = new ArrayList<>();
		List<String> tagList = tags == null ? List.of() : tags;
		for (int i = 0; i < tagList.size(); i++) {
			String level = levels != null && i < levels.size() ? levels.get(i) : "";
			if (!tagList.get(i).isBlank()) {
				rows.add(new AreaRow(tagList.get(i), level));
			}
		}
		try {
			List<ExpertiseService.AreaInput> areas = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				areas.add(new ExpertiseService.AreaInput(rows.get(i).tag(), level("areas[" + i + "].level", rows.get(i).level())));
			}
			Profile saved = expertise.save(caller, id,
					new ExpertiseService.ProfileChange(areas, askMeAbout, Input.split(languages), location));
			redirect.addFlashAttribute("notice", "retention.profile.saved");
			return "redirect:/o/" + caller.slug() + "/people/" + saved.person();
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("rows", withBlanks(rows));
			model.addAttribute("askMeAbout", askMeAbout);
			model.addAttribute("languages", languages);
			model.addAttribute("location", location);
			return editor(org, id, model);
		}
	}

	private static Integer level(String field, String value) {
		try {
			return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			throw ProblemException.invalid(field, "retention.score.range");
		}
	}

	@GetMapping("/o/{org}/people/{id}/handover")
	String holdings(@PathVariable String org, @PathVariable String id, Model model) {
		OrgAccess caller = organizations.access(org);
		HandoverService.Holdings holdings = handover.holdings(caller, id);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("holdings", holdings);
		model.addAttribute("canHandOver", handover.canHandOver(caller, holdings.person()));
		if (!model.containsAttribute("to")) {
			model.addAttribute("to", "");
		}
		return "retention/handover";
	}

	/** Step one of handing over: the successor is checked and the page asks to confirm. */
	@PostMapping("/o/{org}/people/{id}/handover/confirm")
	String confirm(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String to,
			Model model) {
		OrgAccess caller = organizations.access(org);
		HandoverService.Holdings holdings = handover.holdings(caller, id);
		if (!handover.canHandOver(caller, holdings.person())) {
			throw ProblemException.forbidden();
		}
		Organizations.Member successor = organizations.findMember(caller.orgId(), to.strip())
			.filter(Organizations.Member::active)
			.filter(m -> !m.id().equals(holdings.person().id()))
			.orElse(null);
		if (successor == null) {
			forms.reject(model, ProblemException.invalid("to", to.isBlank() ? "problem.field.required"
					: "retention.handover.to.unknown"));
			model.addAttribute("to", to);
			return holdings(org, id, model);
		}
		model.addAttribute("currentOrg", caller);
		model.addAttribute("holdings", holdings);
		model.addAttribute("successor", successor);
		return "retention/handover-confirm";
	}

	@PostMapping("/o/{org}/people/{id}/handover")
	String handOver(@PathVariable String org, @PathVariable String id, @RequestParam(defaultValue = "") String to,
			Model model, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		try {
			HandoverService.Result result = handover.handOver(caller, id, to);
			redirect.addFlashAttribute("notice", "retention.handover.done");
			redirect.addFlashAttribute("noticeArg", result.to().name());
			return "redirect:/o/" + caller.slug() + "/people/" + id + "/handover";
		}
		catch (ProblemException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			forms.reject(model, e);
			model.addAttribute("to", to);
			return holdings(org, id, model);
		}
	}
}
