package org.tacit.organizations.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.organizations.internal.PeopleService;
import org.tacit.organizations.internal.TokenService;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.shared.ProblemException;
import org.tacit.shared.web.Forms;

/** The person's own account: name, password and personal API tokens. */
@Controller
class AccountPages {

	private final PeopleService people;
	private final TokenService tokens;
	private final Forms forms;

	AccountPages(PeopleService people, TokenService tokens, Forms forms) {
		this.people = people;
		this.tokens = tokens;
		this.forms = forms;
	}

	@GetMapping("/account")
	String account(Model model) {
		model.addAttribute("tokens", tokens.list(CurrentUser.require().personId()));
		if (!model.containsAttribute("name")) {
			model.addAttribute("name", CurrentUser.require().name());
		}
		return "account/index";
	}

	@PostMapping("/account/name")
	String rename(@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
		try {
			people.rename(name);
			redirect.addFlashAttribute("notice", "account.renamed");
			return "redirect:/account";
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			model.addAttribute("name", name);
			return account(model);
		}
	}

	/** A successful change ends every session of the person, this one included: sign in again. */
	@PostMapping("/account/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String confirmPassword,
			Model model) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw ProblemException.invalid("confirmPassword", "setup.password.mismatch");
			}
			people.changeOwnPassword(currentPassword, newPassword);
			return "redirect:/login?passwordChanged";
		}
		catch (ProblemException e) {
			forms.reject(model, e);
			return account(model);
		}
	}

	@PostMapping("/account/tokens")
	String createToken(@RequestParam(defaultValue = "") String tokenName,
			@RequestParam(required = false) Integer expiresInDays, Model model) {
		try {
			TokenService.NewToken created = tokens.create(CurrentUser.require().personId(), tokenName, expiresInDays);
			model.addAttribute("newToken", created);
		}
		catch (ProblemException e) {
			forms.reject(model, e, java.util.Map.of("name", "tokenName"));
			model.addAttribute("tokenName", tokenName);
		}
		return account(model);
	}

	@GetMapping("/account/tokens/{id}/revoke")
	String confirmRevoke(@PathVariable UUID id, Model model) {
		TokenService.TokenInfo token = tokens.list(CurrentUser.require().personId())
			.stream()
			.filter(t -> t.id().equals(id))
			.findFirst()
			.orElseThrow(ProblemException::notFound);
		model.addAttribute("token", token);
		return "account/revoke";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(CurrentUser.require().personId(), id);
		redirect.addFlashAttribute("notice", "token.revoked.notice");
		return "redirect:/account";
	}
}
