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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tacit.distribution.internal.Announcement;
import org.tacit.distribution.internal.Announcements;
import org.tacit.distribution.internal.MailQueue;
import org.tacit.distribution.internal.MailSettings;
import org.tacit.distribution.internal.Webhooks;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.Markdown;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** An organization's announcements, webhooks and mail settings. */
@RestController
@RequestMapping("/api/v1/orgs/{org}")
@Tag(name = "Distribution", description = "Announcements to acknowledge, signed webhooks, SMTP settings and the mail queue")
class OrgDistributionApi {

	private final Organizations organizations;
	private final Announcements announcements;
	private final Webhooks webhooks;
	private final MailSettings mailSettings;
	private final MailQueue mail;
	private final Markdown markdown;

	OrgDistributionApi(Organizations organizations, Announcements announcements, Webhooks webhooks,
			MailSettings mailSettings, MailQueue mail, Markdown markdown) {
		this.organizations = organizations;
		this.announcements = announcements;
		this.webhooks = webhooks;
		this.mailSettings = mailSettings;
		this.mail = mail;
		this.markdown = markdown;
	}

	// --- announcements ---

	record AnnouncementRequest(String title, String body, Boolean mustAcknowledge, String audience) {
	}

	record AnnouncementView(UUID id, String title, String body, String bodyHtml, boolean mustAcknowledge,
			String audience, UUID author, String authorName, Instant createdAt, Instant remindedAt, boolean recipient,
			Instant acknowledgedAt, Long acknowledged, Long audienceSize) {
	}

	private AnnouncementView view(Announcement a) {
		return new AnnouncementView(a.id(), a.title(), a.body(), markdown.toHtml(a.body()), a.mustAcknowledge(),
				a.audience(), a.author(), a.authorName(), a.createdAt(), a.remindedAt(), a.recipient(), a.acknowledgedAt(),
				a.acknowledged(), a.audienceSize());
	}

	@PostMapping("/announcements")
	@Operation(summary = "Publish an announcement (knowledge managers and administrators); audience ORGANIZATION (default), "
			+ "ROLE:<role> (that role and above) or COMMUNITY:<id>; body in Markdown")
	ResponseEntity<AnnouncementView> publish(@PathVariable String org, @RequestBody AnnouncementRequest request) {
		OrgAccess access = organizations.access(org);
		Announcement a = announcements.publish(access, request.title(), request.body(),
				Boolean.TRUE.equals(request.mustAcknowledge()), request.audience());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/announcements/" + a.id())).body(view(a));
	}

	@GetMapping("/announcements")
	@Operation(summary = "Announcements I may see, latest first; pending=true for those I still must acknowledge")
	Page<AnnouncementView> announcements(@PathVariable String org, @RequestParam(defaultValue = "false") boolean pending,
			Paging paging) {
		return announcements.list(organizations.access(org), pending, paging).map(this::view);
	}

	@GetMapping("/announcements/{id}")
	@Operation(summary = "One announcement; acknowledgement progress for its author and leaders")
	AnnouncementView announcement(@PathVariable String org, @PathVariable String id) {
		return view(announcements.get(organizations.access(org), id));
	}

	@PostMapping("/announcements/{id}/acknowledge")
	@Operation(summary = "Acknowledge an announcement I am in the audience of")
	AnnouncementView acknowledge(@PathVariable String org, @PathVariable String id) {
		return view(announcements.acknowledge(organizations.access(org), id));
	}

	@GetMapping("/announcements/{id}/acknowledgements")
	@Operation(summary = "Who has and has not acknowledged (the author and leaders): each person's email and time, "
			+ "those who have not first; acknowledged=true|false to filter")
	Page<Announcements.Acknowledgement> acknowledgements(@PathVariable String org, @PathVariable String id,
			@RequestParam(required = false) Boolean acknowledged, Paging paging) {
		return announcements.acknowledgements(organizations.access(org), id, acknowledged, paging);
	}

	@PostMapping("/announcements/{id}/reminders")
	@Operation(summary = "Remind everyone who has not acknowledged yet (the author and leaders)")
	Map<String, Integer> remind(@PathVariable String org, @PathVariable String id) {
		return Map.of("reminded", announcements.remind(organizations.access(org), id));
	}

	// --- webhooks ---

	record WebhookRequest(String url, List<String> events, String secret) {
	}

	@PostMapping("/webhooks")
	@Operation(summary = "Register a webhook (administrators): an HTTPS url, the event kinds, and a secret (16 to 200 "
			+ "characters; made if missing and shown only in this answer). Bodies are signed: X-Tacit-Signature: sha256=<hex HMAC-SHA256>")
	ResponseEntity<Webhooks.Hook> register(@PathVariable String org, @RequestBody WebhookRequest request) {
		OrgAccess access = organizations.access(org);
		Webhooks.Hook hook = webhooks.register(access, request.url(), request.events(), request.secret());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + access.slug() + "/webhooks/" + hook.id())).body(hook);
	}

	@GetMapping("/webhooks")
	@Operation(summary = "The organization's webhooks (administrators)")
	Page<Webhooks.Hook> webhooks(@PathVariable String org, Paging paging) {
		return webhooks.list(organizations.access(org), paging);
	}

	@GetMapping("/webhooks/{id}")
	@Operation(summary = "One webhook (administrators)")
	Webhooks.Hook webhook(@PathVariable String org, @PathVariable String id) {
		return webhooks.hook(organizations.access(org), id);
	}

	@DeleteMapping("/webhooks/{id}")
	@Operation(summary = "Remove a webhook and its delivery log (administrators)")
	ResponseEntity<Void> remove(@PathVariable String org, @PathVariable String id) {
		webhooks.remove(organizations.access(org), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/webhooks/{id}/enable")
	@Operation(summary = "Switch a webhook on again after repeated failures switched it off (administrators)")
	Webhooks.Hook enable(@PathVariable String org, @PathVariable String id) {
		return webhooks.enable(organizations.access(org), id);
	}

	@GetMapping("/webhooks/{id}/deliveries")
	@Operation(summary = "A webhook's delivery log, latest first: status, tries, the last response code or error")
	Page<Webhooks.Delivery> deliveries(@PathVariable String org, @PathVariable String id, Paging paging) {
		return webhooks.deliveries(organizations.access(org), id, paging);
	}

	// --- mail ---

	@GetMapping("/mail-settings")
	@Operation(summary = "The organization's SMTP server (administrators); the password is never shown")
	ResponseEntity<MailSettings.View> mailSettings(@PathVariable String org) {
		return mailSettings.view(organizations.access(org)).map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PutMapping("/mail-settings")
	@Operation(summary = "Set the SMTP server (administrators): host, port, security NONE|STARTTLS|TLS, username, password "
			+ "(missing: kept; empty: removed), from")
	MailSettings.View saveMailSettings(@PathVariable String org, @RequestBody MailSettings.Input input) {
		return mailSettings.save(organizations.access(org), input);
	}

	record QueueView(MailQueue.Status status, Page<MailQueue.Mail> mail) {
	}

	@GetMapping("/mail-queue")
	@Operation(summary = "The outgoing mail of the organization, latest first, with the queue's state (administrators)")
	QueueView queue(@PathVariable String org, Paging paging) {
		OrgAccess access = organizations.access(org);
		if (access == null) {
			throw ProblemException.notFound();
		}
		return new QueueView(mail.status(access), mail.list(access, paging));
	}
}
