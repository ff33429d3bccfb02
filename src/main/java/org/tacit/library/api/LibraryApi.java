package org.tacit.library.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
import org.tacit.library.ItemId;
import org.tacit.library.ItemStatus;
import org.tacit.library.internal.Diff;
import org.tacit.library.internal.Item;
import org.tacit.library.internal.ItemService;
import org.tacit.library.internal.ItemStore;
import org.tacit.library.internal.Space;
import org.tacit.library.internal.SpaceService;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Markdown;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** Spaces and knowledge items. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Library", description = "Spaces and knowledge items: versions, workflow and freshness")
class LibraryApi {

	private final Organizations organizations;
	private final SpaceService spaces;
	private final ItemService items;
	private final Markdown markdown;

	LibraryApi(Organizations organizations, SpaceService spaces, ItemService items, Markdown markdown) {
		this.organizations = organizations;
		this.spaces = spaces;
		this.items = items;
		this.markdown = markdown;
	}

	record SpaceView(String key, String name, String description, String visibility, long items, Role yourRole,
			Instant createdAt) {

		static SpaceView of(Space space) {
			return new SpaceView(space.key(), space.name(), space.description(),
					space.membersOnly() ? "MEMBERS" : "ORGANIZATION", space.items(), space.role(), space.createdAt());
		}
	}

	record NewSpace(String key, String name, String description, String visibility) {
	}

	@PostMapping("/spaces")
	@Operation(summary = "Create a space (knowledge managers and administrators); visibility ORGANIZATION or MEMBERS")
	ResponseEntity<SpaceView> createSpace(@PathVariable String org, @RequestBody NewSpace request) {
		OrgAccess access = organizations.access(org);
		String visibility = request.visibility() == null ? "ORGANIZATION" : request.visibility().strip().toUpperCase(Locale.ROOT);
		if (!visibility.equals("ORGANIZATION") && !visibility.equals("MEMBERS")) {
			throw ProblemException.invalid("visibility", "space.visibility.unknown");
		}
		Space space = spaces.create(access, request.key(), request.name(), request.description(),
				visibility.equals("MEMBERS"));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/spaces/" + space.key()))
			.body(SpaceView.of(space));
	}

	@GetMapping("/spaces")
	@Operation(summary = "The spaces the caller can see (members-only spaces only for their members)")
	Page<SpaceView> spaces(@PathVariable String org, Paging paging) {
		List<Space> all = spaces.visible(organizations.access(org));
		return paging.of(all.stream().skip(paging.offset()).limit(paging.size()).map(SpaceView::of).toList(), all.size());
	}

	@GetMapping("/spaces/{key}")
	@Operation(summary = "One space, by key")
	SpaceView space(@PathVariable String org, @PathVariable String key) {
		return SpaceView.of(spaces.get(organizations.access(org), key));
	}

	record SpaceMemberView(UUID id, String name, Role role) {
	}

	@GetMapping("/spaces/{key}/members")
	@Operation(summary = "The members of a space and their space roles")
	Page<SpaceMemberView> spaceMembers(@PathVariable String org, @PathVariable String key, Paging paging) {
		return paging.slice(spaces.members(organizations.access(org), key)
			.stream()
			.map(m -> new SpaceMemberView(m.id().value(), m.name(), m.role()))
			.toList());
	}

	record SpaceRole(String role) {
	}

	@PutMapping("/spaces/{key}/members/{person}")
	@Operation(summary = "Add a person (id or email) to a space or change their space role: EDITOR, CONTRIBUTOR or VIEWER")
	ResponseEntity<Void> setSpaceMember(@PathVariable String org, @PathVariable String key, @PathVariable String person,
			@RequestBody SpaceRole request) {
		Role role;
		try {
			role = request.role() == null ? null : Role.valueOf(request.role().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("role", "space.role.unknown");
		}
		spaces.setMember(organizations.access(org), key, person, role);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/spaces/{key}/members/{person}")
	@Operation(summary = "Remove a person from a space")
	ResponseEntity<Void> removeSpaceMember(@PathVariable String org, @PathVariable String key,
			@PathVariable String person) {
		spaces.removeMember(organizations.access(org), key, person);
		return ResponseEntity.noContent().build();
	}

	record Owner(UUID id, String name) {
	}

	record ItemView(UUID id, String space, String spaceName, String kind, ItemStatus status, String title,
			String summary, String body, String bodyHtml, List<String> tags, Owner owner, int version,
			Integer reviewDays, Instant reviewBy, Instant verifiedAt, boolean stale, long views, Instant createdAt,
			Instant updatedAt, List<ItemStatus> allowedTransitions) {
	}

	private ItemView view(Item item, boolean withBody) {
		return new ItemView(item.id().value(), item.spaceKey(), item.spaceName(), item.kind().name(), item.status(),
				item.title(), item.summary(), withBody ? item.body() : null,
				withBody ? markdown.toHtml(item.body()) : null, item.tags(),
				new Owner(item.ownerId().value(), item.ownerName()), item.version(), item.reviewDays(), item.reviewBy(),
				item.verifiedAt(), item.stale(), item.views(), item.createdAt(), item.updatedAt(), item.transitions());
	}

	record NewItem(String space, String kind, String title, String summary, String body, List<String> tags,
			String owner, Integer reviewDays, String message) {
	}

	@PostMapping("/items")
	@Operation(summary = "Create an item as a DRAFT (contributors and above in the space); version 1")
	ResponseEntity<ItemView> create(@PathVariable String org, @RequestBody NewItem request) {
		OrgAccess access = organizations.access(org);
		Item item = items.create(access, request.space(), new ItemService.Content(request.kind(), request.title(),
				request.summary(), request.body(), request.tags(), request.owner(), request.reviewDays(), request.message()));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/items/" + item.id()))
			.body(view(item, true));
	}

	@GetMapping("/items")
	@Operation(summary = "Items the caller can see, filtered by space, kind, status, tag, owner (id or email) and stale; "
			+ "sorted by UPDATED (default), TITLE or REVIEW_BY")
	Page<ItemView> list(@PathVariable String org, @RequestParam(required = false) String space,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String status,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String owner,
			@RequestParam(required = false) Boolean stale, @RequestParam(required = false) String sort, Paging paging) {
		OrgAccess access = organizations.access(org);
		return items.list(access, Filters.of(access, organizations, space, kind, status, tag, owner, stale, sort), paging)
			.map(item -> view(item, false));
	}

	@GetMapping("/items/{id}")
	@Operation(summary = "One item with its Markdown body and the body rendered as sanitized HTML")
	ItemView get(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return view(items.find(access, id).orElseThrow(ProblemException::notFound), true);
	}

	record ItemUpdate(Integer version, String kind, String title, String summary, String body, List<String> tags,
			String owner, Integer reviewDays, String message) {
	}

	@PutMapping("/items/{id}")
	@Operation(summary = "Save a new version; 'version' is the version the change is based on (409 if it is not the "
			+ "current one)")
	ItemView update(@PathVariable String org, @PathVariable String id, @RequestBody ItemUpdate request) {
		OrgAccess access = organizations.access(org);
		Item item = items.find(access, id).orElseThrow(ProblemException::notFound);
		return view(items.update(access, item.id(), request.version(), new ItemService.Content(request.kind(),
				request.title(), request.summary(), request.body(), request.tags(), request.owner(), request.reviewDays(),
				request.message())), true);
	}

	@GetMapping("/items/{id}/versions")
	@Operation(summary = "The versions of an item, newest first")
	Page<ItemStore.VersionInfo> versions(@PathVariable String org, @PathVariable String id, Paging paging) {
		OrgAccess access = organizations.access(org);
		return paging.slice(items.versions(access, itemId(access, id)));
	}

	@GetMapping("/items/{id}/versions/{version}")
	@Operation(summary = "One version of an item, as it was saved")
	ItemStore.Version version(@PathVariable String org, @PathVariable String id, @PathVariable int version) {
		OrgAccess access = organizations.access(org);
		return items.version(access, itemId(access, id), version);
	}

	@GetMapping("/items/{id}/diff")
	@Operation(summary = "A line-by-line comparison of two versions (change is EQUAL, INSERT, DELETE or CHANGE)")
	List<Diff.Row> diff(@PathVariable String org, @PathVariable String id, @RequestParam int from,
			@RequestParam int to) {
		OrgAccess access = organizations.access(org);
		ItemId item = itemId(access, id);
		return Diff.between(items.version(access, item, from), items.version(access, item, to));
	}

	record Restore(Integer version) {
	}

	@PostMapping("/items/{id}/versions/{version}/restore")
	@Operation(summary = "Restore an old version as a new version; 'version' in the body is the current version")
	ItemView restore(@PathVariable String org, @PathVariable String id, @PathVariable int version,
			@RequestBody(required = false) Restore request) {
		OrgAccess access = organizations.access(org);
		return view(items.restore(access, itemId(access, id), version, request == null ? null : request.version()), true);
	}

	record TransitionRequest(String to, String comment) {
	}

	@PostMapping("/items/{id}/transitions")
	@Operation(summary = "Move an item in the workflow: IN_REVIEW (submit), PUBLISHED (approve), DRAFT (send back, "
			+ "comment required; or reopen an archived item), ARCHIVED")
	ItemView transition(@PathVariable String org, @PathVariable String id, @RequestBody TransitionRequest request) {
		OrgAccess access = organizations.access(org);
		return view(items.transition(access, itemId(access, id), request.to(), request.comment()), true);
	}

	@GetMapping("/items/{id}/transitions")
	@Operation(summary = "The workflow history of an item, newest first")
	Page<ItemStore.Transition> transitions(@PathVariable String org, @PathVariable String id, Paging paging) {
		OrgAccess access = organizations.access(org);
		return paging.slice(items.transitions(access, itemId(access, id)));
	}

	@PostMapping("/items/{id}/verify")
	@Operation(summary = "Confirm a published item is still right (its owner or an editor): the review-by date restarts")
	ItemView verify(@PathVariable String org, @PathVariable String id) {
		OrgAccess access = organizations.access(org);
		return view(items.verify(access, itemId(access, id)), true);
	}

	record LibrarySettings(Integer reviewDays) {
	}

	@GetMapping("/library/settings")
	@Operation(summary = "The organization's default review interval in days")
	LibrarySettings settings(@PathVariable String org) {
		return new LibrarySettings(items.defaultReviewDays(organizations.access(org).orgId()));
	}

	@PutMapping("/library/settings")
	@Operation(summary = "Set the default review interval (knowledge managers and administrators), 1 to 3650 days")
	LibrarySettings setSettings(@PathVariable String org, @RequestBody LibrarySettings request) {
		return new LibrarySettings(items.setDefaultReviewDays(organizations.access(org), request.reviewDays()));
	}

	private ItemId itemId(OrgAccess access, String id) {
		return items.find(access, id).orElseThrow(ProblemException::notFound).id();
	}
}
