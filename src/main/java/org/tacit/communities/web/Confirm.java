package org.tacit.communities.web;

import org.springframework.ui.Model;
import org.tacit.organizations.OrgAccess;

/** The page that asks before something that cannot simply be undone: leaving, removing, retiring. */
final class Confirm {

	private Confirm() {
	}

	/**
	 * @param key the message keys' stem: {@code <key>.title}, {@code <key>.text} (with the record's name and
	 *        {@code confirmArg}), {@code <key>.submit}
	 * @param action the form's address below the organization's root
	 * @param status a status the form sends, or null
	 * @param back where Cancel leads, below the organization's root
	 */
	static String page(Model model, OrgAccess access, String key, String name, String action, String status,
			String back) {
		model.addAttribute("currentOrg", access);
		model.addAttribute("confirmKey", key);
		model.addAttribute("confirmName", name);
		model.addAttribute("confirmAction", action);
		model.addAttribute("confirmStatus", status);
		model.addAttribute("confirmBack", back);
		return "communities/confirm";
	}
}
