package org.tacit.distribution.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.distribution.internal.Channel;
import org.tacit.distribution.internal.Feed;
import org.tacit.distribution.internal.Follow;
import org.tacit.distribution.internal.FollowService;
import org.tacit.distribution.internal.Notification;
import org.tacit.distribution.internal.NotificationKind;
import org.tacit.distribution.internal.Preferences;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** A member's own follows, notifications and notification settings, in one organization at a time. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Distribution: me", description = "What I follow, my notifications and how I get them")
class MeApi {

	private final Organizations organizations;
	private final FollowService follows;
	private final Feed feed;
	private final Preferences preferences;

	MeApi(Organizations organizations, FollowService follows, Feed feed, Preferences preferences) {
		this.organizations = organizations;
		this.follows = follows;
		this.feed = feed;
		this.preferences = preferences;
	}

	private OrgAccess access(String org) {
		if (org == null || org.isBlank()) {
			throw ProblemException.invalid("org", "distribution.org.required");
		}
		return organizations.access(org.strip());
	}

	/** The organization named in the body, or else in the query ({@code ?org=}). */
	private static String either(String inBody, String inQuery) {
		return inBody == null || inBody.isBlank() ? inQuery : inBody;
	}

	record FollowRequest(String org, String kind, String target) {
	}

	record FollowView(UUID id, String org, String kind, String target, String label, String path, Instant createdAt) {

		static FollowView of(OrgAccess access, Follow f) {
			return new FollowView(f.id(), access.slug(), f.kind().name(), f.target(), f.label(), f.path(), f.createdAt());
		}
	}

	@PostMapping("/follows")
	@Operation(summary = "Follow a space (key), tag, community, process, item (id) or person (id or email) in an organization")
	ResponseEntity<FollowView> follow(@RequestParam(name = "org", required = false) String orgParam,
			@RequestBody FollowRequest request) {
		OrgAccess access = access(either(request.org(), orgParam));
		Follow follow = follows.follow(access, request.kind(), request.target());
		return ResponseEntity.created(URI.create("/api/v1/me/follows?org=" + access.slug()))
			.body(FollowView.of(access, follow));
	}

	@GetMapping("/follows")
	@Operation(summary = "What I follow in an organization, latest first")
	Page<FollowView> follows(@RequestParam(required = false) String org, Paging paging) {
		OrgAccess access = access(org);
		return follows.list(access, paging).map(f -> FollowView.of(access, f));
	}

	@DeleteMapping("/follows")
	@Operation(summary = "Stop following (org, kind and target as query parameters); unknown follows are ignored")
	ResponseEntity<Void> unfollow(@RequestParam(required = false) String org, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String target) {
		OrgAccess access = access(org);
		follows.unfollow(access, kind, target);
		return ResponseEntity.noContent().build();
	}

	record NotificationView(UUID id, String kind, String title, String path, String recordType, String recordId,
			String note, String reason, String reasonLabel, String channel, boolean unread, Instant createdAt,
			Instant readAt) {

		static NotificationView of(Notification n) {
			return new NotificationView(n.id(), n.kind().name(), n.title(), n.path(), n.recordType(), n.recordId(), n.note(),
					n.reasonKind(), n.reasonLabel(), n.channel().name(), n.unread(), n.createdAt(), n.readAt());
		}
	}

	@GetMapping("/notifications")
	@Operation(summary = "My notifications in an organization, latest first; unread=true for the unread ones only")
	Page<NotificationView> notifications(@RequestParam(required = false) String org,
			@RequestParam(defaultValue = "false") boolean unread, Paging paging) {
		return feed.list(access(org), unread, paging).map(NotificationView::of);
	}

	@GetMapping("/notifications/unread")
	@Operation(summary = "How many of my notifications in an organization are unread")
	Map<String, Long> unread(@RequestParam(required = false) String org) {
		return Map.of("unread", feed.unread(access(org)));
	}

	record ReadRequest(String org, List<String> ids, Boolean all) {
	}

	@PostMapping("/notifications/read")
	@Operation(summary = "Mark notifications read: ids (at most 100), or all=true")
	Map<String, Object> read(@RequestParam(name = "org", required = false) String orgParam,
			@RequestBody ReadRequest request) {
		OrgAccess access = access(either(request.org(), orgParam));
		int changed = feed.markRead(access, request.ids(), Boolean.TRUE.equals(request.all()));
		return Map.of("marked", changed, "unread", feed.unread(access));
	}

	record SettingsRequest(String org, Map<String, String> preferences) {
	}

	record SettingsView(String org, Map<NotificationKind, Channel> preferences, List<String> channels) {
	}

	@GetMapping("/notification-settings")
	@Operation(summary = "How I get each kind of notification in an organization")
	SettingsView settings(@RequestParam(required = false) String org) {
		OrgAccess access = access(org);
		return view(access, preferences.of(access.orgId(), access.personId()));
	}

	@PutMapping("/notification-settings")
	@Operation(summary = "Choose per kind: IN_APP (feed), EMAIL (at once), DAILY or WEEKLY (digest) or OFF; kinds not named keep theirs")
	SettingsView saveSettings(@RequestParam(name = "org", required = false) String orgParam,
			@RequestBody SettingsRequest request) {
		OrgAccess access = access(either(request.org(), orgParam));
		return view(access, preferences.set(access, request.preferences()));
	}

	private static SettingsView view(OrgAccess access, Map<NotificationKind, Channel> prefs) {
		return new SettingsView(access.slug(), prefs, java.util.Arrays.stream(Channel.values()).map(Enum::name).toList());
	}
}
