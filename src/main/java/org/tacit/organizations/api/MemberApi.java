package org.tacit.organizations.api;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Role;
import org.tacit.organizations.internal.MemberRecord;
import org.tacit.organizations.internal.MemberStore;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.organizations.internal.PeopleService;
import org.tacit.organizations.internal.Roles;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** Members of an organization. {@code {id}} is the person's id or email. */
@RestController
@RequestMapping("/api/v1/orgs/{org}/members")
@Tag(name = "Members", description = "People in an organization and their roles")
class MemberApi {

	private final OrganizationService organizations;
	private final PeopleService people;

	MemberApi(OrganizationService organizations, PeopleService people) {
		this.organizations = organizations;
		this.people = people;
	}

	@GetMapping
	@Operation(summary = "Members, filtered by name or email (q), sorted by NAME, EMAIL, ROLE or JOINED")
	Page<Views.Member> list(@PathVariable String org, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "NAME") String sort, @RequestParam(defaultValue = "false") boolean desc,
			Paging paging) {
		OrgAccess access = organizations.access(org);
		return people.list(access, q, sort(sort), desc, paging).map(Views.Member::of);
	}

	private static MemberStore.Sort sort(String value) {
		try {
			return MemberStore.Sort.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("sort", "member.sort.unknown");
		}
	}

	record NewMember(String person, String role, String name, String password) {
	}

	@PostMapping
	@Operation(summary = "Add a person by id or email; a new email creates an account (name and password required)")
	ResponseEntity<Views.Member> add(@PathVariable String org, @RequestBody NewMember member) {
		OrgAccess access = organizations.access(org);
		MemberRecord added = people.add(access, member.person(), Roles.parse("role", member.role()), member.name(),
				member.password());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/members/" + added.id()))
			.body(Views.Member.of(added));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One member, by person id or email")
	Views.Member get(@PathVariable String org, @PathVariable String id) {
		return Views.Member.of(people.member(organizations.access(org), id));
	}

	/** {@code manager}: a member's id or email, JSON null to clear, absent to leave as it is. */
	record MemberChange(String role, Boolean active, JsonNode manager) {
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a member's role, deactivate (active=false) or reactivate their account, and/or set "
			+ "their manager (another member's id or email; null clears it)")
	Views.Member change(@PathVariable String org, @PathVariable String id, @RequestBody MemberChange change) {
		OrgAccess access = organizations.access(org).require(Role.ADMIN);
		Role role = Roles.parse("role", change.role());
		if (role == null && change.active() == null && change.manager() == null) {
			throw ProblemException.invalid("role", "member.change.empty");
		}
		if (change.manager() != null && !change.manager().isNull() && !change.manager().isString()) {
			throw ProblemException.invalid("manager", "member.manager.unknown");
		}
		boolean managerGiven = change.manager() != null;
		return Views.Member.of(people.change(access, id, role, change.active(), managerGiven,
				managerGiven && !change.manager().isNull() ? change.manager().asString() : null));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Remove a person from the organization (their account stays)")
	ResponseEntity<Void> remove(@PathVariable String org, @PathVariable String id) {
		people.remove(organizations.access(org), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/password-reset")
	@Operation(summary = "Give a member a new random password, returned once; their sessions end")
	Views.TemporaryPassword resetPassword(@PathVariable String org, @PathVariable String id) {
		return new Views.TemporaryPassword(people.resetPassword(organizations.access(org), id));
	}
}
