package org.tacit.communities.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.communities.CharterRole;
import org.tacit.communities.CommunityHealth;
import org.tacit.communities.CommunityId;
import org.tacit.communities.CommunityStatus;
import org.tacit.communities.internal.Charter;
import org.tacit.communities.internal.Community;
import org.tacit.communities.internal.CommunityService;
import org.tacit.communities.internal.CommunityStore;
import org.tacit.communities.internal.DeliverableStatus;
import org.tacit.communities.internal.HealthService;
import org.tacit.communities.internal.JoinPolicy;
import org.tacit.communities.internal.MemberStatus;
import org.tacit.communities.internal.MembershipService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/** Communities of practice: proposal, charter and launch gate, lifecycle, members, deliverables and health. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Communities", description = "Communities of practice: charter, launch gate, lifecycle, members, deliverables, health")
class CommunityApi {

	private final Organizations organizations;
	private final CommunityService communities;
	private final CommunityStore store;
	private final MembershipService memberships;
	private final HealthService health;
	private final Texts texts;

	CommunityApi(Organizations organizations, CommunityService communities, CommunityStore store,
			MembershipService memberships, HealthService health, Texts texts) {
		this.organizations = organizations;
		this.communities = communities;
		this.store = store;
		this.memberships = memberships;
		this.health = health;
		this.texts = texts;
	}

	record Person(UUID id, String name, String email) {
	}

	record RoleView(CharterRole role, Person person, boolean active, String responsibilities) {
	}

	record ItemLink(UUID id, String title, String path) {
	}

	record DeliverableView(UUID id, String description, LocalDate targetDate, DeliverableStatus status,
			LocalDate deliveredOn, boolean onTime, List<ItemLink> items) {
	}

	record CharterView(int version, String purpose, List<RoleView> roles, List<DeliverableView> deliverables,
			String capabilityIntent, String rhythm) {
	}

	record Missing(String field, String message) {
	}

	record Space(String key, String path) {
	}

	record CommunityView(UUID id, String name, String description, List<String> domain, CommunityStatus status,
			JoinPolicy joinPolicy, String visibility, Space space, long members, MemberStatus yourMembership,
			boolean youAreSteward, CharterView charter, List<Missing> missing, List<CommunityStatus> allowedStatuses,
			Instant createdAt, Instant launchedAt, Instant lastActivityAt) {
	}

	private CommunityView view(OrgAccess access, Community c) {
		Charter charter = c.charter();
		CharterView charterView = new CharterView(c.charterVersion(), charter.purpose(),
				charter.roles().stream().map(r -> new RoleView(r.role(), new Person(r.person().value(), r.personName(),
						r.personEmail()), r.active(), r.responsibilities())).toList(),
				charter.deliverables().stream().map(d -> new DeliverableView(d.id(), d.description(), d.targetDate(),
						d.status(), d.deliveredOn(), d.onTime(), communities.linkedItems(access, d).stream()
							.map(i -> new ItemLink(i.id().value(), i.title(), i.path())).toList())).toList(),
				charter.capabilityIntent(), charter.rhythm());
		return new CommunityView(c.id().value(), c.name(), c.description(), c.tags(), c.status(), c.joinPolicy(),
				c.membersOnly() ? "MEMBERS" : "ORGANIZATION", new Space(c.spaceKey(), "spaces/" + c.spaceKey()),
				c.members(), c.membership(), c.steward(), charterView,
				communities.missing(c).stream().map(f -> new Missing(f.field(), texts.get(f.messageKey(), f.arguments())))
					.toList(),
				c.statusChoices(), c.createdAt(), c.launchedAt(), c.lastActivityAt());
	}

	record NewCommunity(String name, String description, List<String> domain, String joinPolicy, String visibility,
			String spaceKey) {
	}

	@PostMapping("/communities")
	@Operation(summary = "Propose a community (contributors and above): it starts PROPOSED with its own library space; "
			+ "visibility ORGANIZATION (default) or MEMBERS, joinPolicy OPEN (default) or APPROVAL")
	ResponseEntity<CommunityView> create(@PathVariable String org, @RequestBody NewCommunity request) {
		OrgAccess access = organizations.access(org);
		Community created = communities.propose(access, new CommunityService.Details(request.name(),
				request.description(), request.domain(), request.joinPolicy(), membersOnly(request.visibility()),
				request.spaceKey()));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/communities/" + created.id()))
			.body(view(access, created));
	}

	private static boolean membersOnly(String visibility) {
		if (visibility == null || visibility.isBlank() || visibility.strip().equalsIgnoreCase("ORGANIZATION")) {
			return false;
		}
		if (visibility.strip().equalsIgnoreCase("MEMBERS")) {
			return true;
		}
		throw ProblemException.invalid("visibility", "community.visibility.unknown");
	}

	record Listing(UUID id, String name, String description, List<String> domain, CommunityStatus status,
			JoinPolicy joinPolicy, String visibility, long members, MemberStatus yourMembership, Instant lastActivityAt) {
	}

	@GetMapping("/communities")
	@Operation(summary = "The directory: communities the caller can see, by name; filter by domain (a tag), status, "
			+ "q (words in name or description) and mine=true (where the caller is a member or has a request or invitation)")
	Page<Listing> list(@PathVariable String org, @RequestParam(required = false) String domain,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean mine, Paging paging) {
		OrgAccess access = organizations.access(org);
		return store.list(access, CommunityStore.Filter.of(domain, status, q, mine), paging)
			.map(l -> new Listing(l.id().value(), l.name(), l.description(), l.tags(), l.status(), l.joinPolicy(),
					l.membersOnly() ? "MEMBERS" : "ORGANIZATION", l.members(), l.membership(), l.lastActivityAt()));
	}

	@GetMapping("/communities/{id}")
	@Operation(summary = "One community with its charter, the charter parts still missing for launch, and the caller's standing")
	CommunityView get(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return view(access, community(access, id));
	}

	record DetailsUpdate(String name, String description, List<String> domain, String joinPolicy) {
	}

	@PutMapping("/communities/{id}")
	@Operation(summary = "Change name, description, domain and join policy (stewards)")
	CommunityView update(@PathVariable String org, @PathVariable String id, @RequestBody DetailsUpdate request) {
		OrgAccess access = organizations.access(org);
		return view(access, communities.updateDetails(access, community(access, id).id(), new CommunityService.Details(
				request.name(), request.description(), request.domain(), request.joinPolicy(), null, null)));
	}

	record CharterRequest(String purpose, List<CommunityService.RoleInput> roles,
			List<CommunityService.DeliverableInput> deliverables, String capabilityIntent, String rhythm, String note) {
	}

	@PutMapping("/communities/{id}/charter")
	@Operation(summary = "Replace the charter (stewards). Roles name active members of the organization (id or email; 400 "
			+ "otherwise). Before launch an incomplete charter is kept as a draft; after launch it must stay complete "
			+ "(422 with the missing parts in 'errors') and each change is a new version ('note' describes it)")
	CommunityView charter(@PathVariable String org, @PathVariable String id, @RequestBody CharterRequest request) {
		OrgAccess access = organizations.access(org);
		return view(access, communities.saveCharter(access, community(access, id).id(), new CommunityService.CharterInput(
				request.purpose(), request.roles(), request.deliverables(), request.capabilityIntent(), request.rhythm(),
				request.note())));
	}

	record VersionInfo(int version, String note, Person changedBy, Instant changedAt) {
	}

	@GetMapping("/communities/{id}/charter/versions")
	@Operation(summary = "The charter's versions since launch, newest first")
	Page<VersionInfo> versions(@PathVariable String org, @PathVariable String id, Paging paging) {
		OrgAccess access = organizations.access(org);
		return paging.slice(communities.versions(access, community(access, id).id())
			.stream()
			.map(v -> new VersionInfo(v.version(), v.note(), new Person(v.changedBy().value(), v.changedByName(), null),
					v.changedAt()))
			.toList());
	}

	@GetMapping("/communities/{id}/charter/versions/{version}")
	@Operation(summary = "One version of the charter as it was recorded")
	CommunityService.Snapshot version(@PathVariable String org, @PathVariable String id, @PathVariable int version) {
		OrgAccess access = organizations.access(org);
		return communities.version(access, community(access, id).id(), version);
	}

	@PostMapping("/communities/{id}/launch")
	@Operation(summary = "Launch a proposed community (stewards). 422 problem+json with every missing charter part in "
			+ "'errors' (field and message) unless the charter is complete; 409 if it is not PROPOSED")
	CommunityView launch(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return view(access, communities.launch(access, community(access, id).id()));
	}

	record StatusRequest(String status) {
	}

	@PostMapping("/communities/{id}/status")
	@Operation(summary = "Move a launched community to ACTIVE, DORMANT or RETIRED as the lifecycle allows (stewards; 409 otherwise)")
	CommunityView status(@PathVariable String org, @PathVariable String id, @RequestBody StatusRequest request) {
		OrgAccess access = organizations.access(org);
		return view(access, communities.changeStatus(access, community(access, id).id(), request.status()));
	}

	record MemberView(Person person, MemberStatus status, List<CharterRole> roles, Instant since) {
	}

	@GetMapping("/communities/{id}/members")
	@Operation(summary = "Members by name with their charter roles (requests and invitations for stewards)")
	Page<MemberView> members(@PathVariable String org, @PathVariable String id, Paging paging) {
		OrgAccess access = organizations.access(org);
		return memberships.members(access, community(access, id).id(), paging)
			.map(m -> new MemberView(new Person(m.person().value(), m.name(), m.email()), m.status(), m.roles(), m.since()));
	}

	record MemberRequest(String person) {
	}

	@PostMapping("/communities/{id}/members")
	@Operation(summary = "Without 'person' (or with the caller): join; MEMBER at once in an OPEN community or after an "
			+ "invitation, else REQUESTED. With another 'person' (id or email; stewards): approve their request, or invite them")
	Map<String, MemberStatus> join(@PathVariable String org, @PathVariable String id,
			@RequestBody(required = false) MemberRequest request) {
		OrgAccess access = organizations.access(org);
		CommunityId community = community(access, id).id();
		String person = request == null ? null : request.person();
		boolean self = person == null || person.isBlank() || person.strip().equals(access.personId().toString())
				|| organizations.findMember(access.orgId(), person).map(m -> m.id().equals(access.personId())).orElse(false);
		return Map.of("status", self ? memberships.join(access, community) : memberships.admit(access, community, person));
	}

	@DeleteMapping("/communities/{id}/members/{person}")
	@Operation(summary = "Leave (the caller), withdraw a request or decline an invitation; stewards remove others. 409 for "
			+ "people named in the charter")
	ResponseEntity<Void> leave(@PathVariable String org, @PathVariable String id, @PathVariable String person) {
		OrgAccess access = organizations.access(org);
		memberships.remove(access, community(access, id).id(), person);
		return ResponseEntity.noContent().build();
	}

	record DeliverableUpdate(String status, List<String> items) {
	}

	@PutMapping("/communities/{id}/deliverables/{deliverable}")
	@Operation(summary = "Track a deliverable (stewards): status PLANNED, IN_PROGRESS or DELIVERED and the library items "
			+ "linked to it (ids the caller can see, at most 20)")
	CommunityView deliverable(@PathVariable String org, @PathVariable String id, @PathVariable String deliverable,
			@RequestBody DeliverableUpdate request) {
		OrgAccess access = organizations.access(org);
		return view(access, communities.updateDeliverable(access, community(access, id).id(), deliverable,
				request.status(), request.items()));
	}

	@GetMapping("/communities/{id}/health")
	@Operation(summary = "The community's health figures, computed now")
	CommunityHealth health(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return health.of(community(access, id));
	}

	private Community community(OrgAccess access, String id) {
		return communities.find(access, id).orElseThrow(ProblemException::notFound);
	}
}
