package org.tacit.organizations.web;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;
import org.tacit.organizations.internal.AuditService;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.shared.Paging;

/** The audit log of an organization, for its administrators, filtered by person, action and dates. */
@Controller
class AuditPages {

	private final OrganizationService organizations;
	private final AuditService audit;

	AuditPages(OrganizationService organizations, AuditService audit) {
		this.organizations = organizations;
		this.audit = audit;
	}

	@GetMapping("/o/{org}/audit")
	String list(@PathVariable String org, @RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Paging paging,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		// the "to" day is included: the filter runs up to the start of the next day
		AuditService.Filter filter = new AuditService.Filter(actor, action,
				from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
				to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
		model.addAttribute("currentOrg", access);
		model.addAttribute("entries", paging.of(audit.list(access.orgId(), filter, paging),
				audit.count(access.orgId(), filter)));
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return htmx != null ? "orgs/audit :: results" : "orgs/audit";
	}
}
