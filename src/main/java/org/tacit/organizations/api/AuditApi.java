package org.tacit.organizations.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;
import org.tacit.organizations.internal.AuditService;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** The audit log of an organization, for its administrators. */
@RestController
@Tag(name = "Audit log", description = "Who changed what, when")
class AuditApi {

	private final OrganizationService organizations;
	private final AuditService audit;

	AuditApi(OrganizationService organizations, AuditService audit) {
		this.organizations = organizations;
		this.audit = audit;
	}

	@GetMapping("/api/v1/orgs/{org}/audit")
	@Operation(summary = "Audit entries, newest first; from/to are ISO dates or date-times (to is exclusive for "
			+ "date-times, inclusive for dates)")
	Page<Views.Audit> list(@PathVariable String org, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Paging paging) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		AuditService.Filter filter = new AuditService.Filter(actor, action, instant("from", from, false),
				instant("to", to, true));
		return paging.of(audit.list(access.orgId(), filter, paging), audit.count(access.orgId(), filter))
			.map(Views.Audit::of);
	}

	@GetMapping("/api/v1/audit")
	@Operation(summary = "Installation-wide audit entries (set-up, tokens, own passwords and names), for site "
			+ "administrators")
	Page<Views.Audit> installation(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Paging paging) {
		if (!CurrentUser.require().siteAdmin()) {
			throw ProblemException.forbidden();
		}
		AuditService.Filter filter = new AuditService.Filter(actor, action, instant("from", from, false),
				instant("to", to, true));
		return paging.of(audit.list(null, filter, paging), audit.count(null, filter)).map(Views.Audit::of);
	}

	private static Instant instant(String field, String value, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException notDateTime) {
			try {
				LocalDate date = LocalDate.parse(value.strip());
				return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notDate) {
				throw ProblemException.invalid(field, "problem.field.format");
			}
		}
	}
}
