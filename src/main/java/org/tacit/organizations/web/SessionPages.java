package org.tacit.organizations.web;

import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tacit.organizations.internal.FirstStart;
import org.tacit.organizations.internal.OrgRecord;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** First-start setup, the sign-in page and the way in after sign-in. */
@Controller
class SessionPages {

	static final String LAST_ORG = "tacit.lastOrg";

	private final FirstStart firstStart;
	private final OrganizationService organizations;
	private final Forms forms;

	SessionPages(FirstStart firstStart, OrganizationService organizations, Forms forms) {
		this.firstStart = firstStart;
		this.organizations = organizations;
		this.forms = forms;
	}

	/** After sign-in: the organization last worked in, else the first one, else the list. */
	@GetMapping("/")
	String home(HttpSession session) {
		List<OrgRecord> mine = organizations.membershipsOfCurrent();
		Object last = session.getAttribute(LAST_ORG);
		for (OrgRecord org : mine) {
			if (org.slug().equals(last)) {
				return "redirect:/o/" + org.slug();
			}
		}
		return mine.isEmpty() ? "redirect:/orgs" : "redirect:/o/" + mine.get(0).slug();
	}

	@GetMapping("/login")
	String login() {
		if (firstStart.needed()) {
			return "redirect:/setup";
		}
		return CurrentUser.get().isPresent() ? "redirect:/" : "login";
	}

	@GetMapping("/setup")
	String setup(Model model) {
		if (!firstStart.needed()) {
			return "redirect:/login";
		}
		model.addAttribute("form", new SetupForm("", "", "", "", true));
		return "setup";
	}

	record SetupForm(String name, String email, String password, String confirmPassword, boolean demo) {
	}

	@PostMapping("/setup")
	String setUp(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmPassword,
			@RequestParam(defaultValue = "false") boolean demo, Model model) {
		if (!firstStart.needed()) {
			return "redirect:/login";
		}
		try {
			if (!password.equals(confirmPassword)) {
				throw ProblemException.invalid("confirmPassword", "setup.password.mismatch");
			}
			firstStart.setUp(email, name, password, demo);
			return "redirect:/login?setUp";
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			model.addAttribute("form", new SetupForm(name, email, "", "", demo));
			return "setup";
		}
	}

	@GetMapping("/switch")
	String switchOrg(@RequestParam(defaultValue = "") String org) {
		// resolving the access checks membership, so the redirect never leads to a foreign organization
		return "redirect:/o/" + organizations.access(org).slug();
	}
}
