package org.tacit.organizations.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tacit.organizations.NavLink;
import org.tacit.organizations.internal.OrgRecord;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.organizations.security.TacitUser;

/** What the page layout of every module shows: the signed-in person and their organizations. */
@ControllerAdvice
class LayoutModel {

	private final OrganizationService organizations;
	private final List<NavLink> navLinks;

	LayoutModel(OrganizationService organizations, ObjectProvider<NavLink> navLinks) {
		this.organizations = organizations;
		this.navLinks = navLinks.stream().sorted(java.util.Comparator.comparingInt(NavLink::order)).toList();
	}

	/** The modules' links of the main navigation, in order; the layout shows those the person's role allows. */
	@ModelAttribute("navLinks")
	List<NavLink> navLinks(HttpServletRequest request) {
		return isPage(request) ? navLinks : List.of();
	}

	@ModelAttribute("me")
	TacitUser me(HttpServletRequest request) {
		return isPage(request) ? CurrentUser.get().orElse(null) : null;
	}

	@ModelAttribute("myOrgs")
	List<OrgRecord> myOrgs(HttpServletRequest request) {
		return isPage(request) ? organizations.membershipsOfCurrent() : List.of();
	}

	@ModelAttribute("passwordMin")
	int passwordMin() {
		return org.tacit.shared.Limits.PASSWORD_MIN;
	}

	private static boolean isPage(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}
