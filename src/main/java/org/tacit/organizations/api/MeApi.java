package org.tacit.organizations.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.organizations.internal.PeopleService;
import org.tacit.organizations.security.CurrentUser;
import org.tacit.organizations.security.TacitUser;

/** The caller's own account. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The caller's own account")
class MeApi {

	private final OrganizationService organizations;
	private final PeopleService people;

	MeApi(OrganizationService organizations, PeopleService people) {
		this.organizations = organizations;
		this.people = people;
	}

	@GetMapping
	@Operation(summary = "Who the caller is and the organizations they belong to")
	Views.Me me() {
		TacitUser user = CurrentUser.require();
		return new Views.Me(user.personId().value(), user.email(), user.name(), user.siteAdmin(),
				organizations.membershipsOfCurrent()
					.stream()
					.map(o -> new Views.OrgMembership(o.id().value(), o.slug(), o.name(), o.role()))
					.toList());
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	@PostMapping("/password")
	@Operation(summary = "Change the caller's password; every browser session of the caller ends")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
		people.changeOwnPassword(change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}
}
