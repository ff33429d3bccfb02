package org.tacit.communities.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tacit.shared.ProblemException;

/**
 * A page's action whose outcome the next page tells: a notice when it worked, the refusal as an alert
 * when it did not. Not found and forbidden stay errors of their own.
 */
final class Attempt {

	private Attempt() {
	}

	static String run(RedirectAttributes redirect, String notice, Runnable action, String target) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ProblemException e) {
			refused(redirect, e);
		}
		return target;
	}

	/** Shows the refusal on the next page, unless it is a 403 or 404, which is thrown again. */
	static void refused(RedirectAttributes redirect, ProblemException e) {
		onlyInputProblems(e);
		redirect.addFlashAttribute("alert", e.fields().isEmpty() ? e.messageKey() : e.fields().get(0).messageKey());
	}

	/** Throws 403 and 404 again; anything else is the page's to show. */
	static void onlyInputProblems(ProblemException e) {
		if (e.status().value() == 403 || e.status().value() == 404) {
			throw e;
		}
	}
}
