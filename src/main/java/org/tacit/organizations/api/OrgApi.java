package org.tacit.organizations.api;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.organizations.internal.OrgRecord;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;

/** Organizations (tenants). */
@RestController
@RequestMapping("/api/v1/orgs")
@Tag(name = "Organizations", description = "Organizations (tenants) and their settings")
class OrgApi {

	private final OrganizationService organizations;

	OrgApi(OrganizationService organizations) {
		this.organizations = organizations;
	}

	@GetMapping
	@Operation(summary = "Organizations the caller belongs to (all of them for a site administrator)")
	Page<Views.Org> list(Paging paging) {
		return organizations.visible(paging).map(Views.Org::of);
	}

	record NewOrg(String name, String slug) {
	}

	@PostMapping
	@Operation(summary = "Create an organization (site administrators); the creator becomes its administrator")
	ResponseEntity<Views.Org> create(@RequestBody NewOrg org) {
		OrgRecord created = organizations.create(org.name(), org.slug());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + created.slug())).body(Views.Org.of(created));
	}

	@GetMapping("/{org}")
	@Operation(summary = "One organization, by slug")
	Views.Org get(@PathVariable String org) {
		return Views.Org.of(organizations.get(organizations.access(org)));
	}

	record OrgChange(String name) {
	}

	@PatchMapping("/{org}")
	@Operation(summary = "Rename an organization (its administrators); the slug stays")
	Views.Org rename(@PathVariable String org, @RequestBody OrgChange change) {
		return Views.Org.of(organizations.rename(organizations.access(org), change.name()));
	}
}
