package org.tacit.retention.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.retention.internal.ExpertFinder;
import org.tacit.retention.internal.ExpertiseEvidence;
import org.tacit.retention.internal.RiskAccess;
import org.tacit.retention.internal.Topic;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** "Who knows about X": the expert finder, as a page and as results while typing. */
@Controller
class ExpertPages {

	private final Organizations organizations;
	private final ExpertFinder finder;
	private final ExpertiseEvidence evidence;
	private final RiskAccess access;
	private final Forms forms;

	ExpertPages(Organizations organizations, ExpertFinder finder, ExpertiseEvidence evidence, RiskAccess access,
			Forms forms) {
		this.organizations = organizations;
		this.finder = finder;
		this.evidence = evidence;
		this.access = access;
		this.forms = forms;
	}

	@GetMapping("/o/{org}/experts")
	String experts(@PathVariable String org, @RequestParam(defaultValue = "") String topic, Paging paging,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		OrgAccess caller = organizations.access(org);
		model.addAttribute("currentOrg", caller);
		model.addAttribute("topic", topic);
		model.addAttribute("canRebuild", access.seesAll(caller));
		if (!topic.isBlank()) {
			try {
				model.addAttribute("experts", finder.find(caller, Topic.of("topic", topic), paging));
			}
			catch (ProblemException e) {
				if (e.status().value() != 400) {
					throw e;
				}
				forms.reject(model, e);
			}
		}
		return htmx != null ? "retention/experts :: results" : "retention/experts";
	}

	@PostMapping("/o/{org}/experts/rebuild")
	String rebuild(@PathVariable String org, RedirectAttributes redirect) {
		OrgAccess caller = organizations.access(org);
		if (!access.seesAll(caller)) {
			throw ProblemException.forbidden();
		}
		redirect.addFlashAttribute("notice", "retention.experts.rebuilt");
		redirect.addFlashAttribute("noticeArg", String.valueOf(evidence.rebuild(caller.orgId())));
		return "redirect:/o/" + caller.slug() + "/experts";
	}
}
