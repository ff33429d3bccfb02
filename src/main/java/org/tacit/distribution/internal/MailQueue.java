package org.tacit.distribution.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Sql;

/**
 * Outgoing mail. A mail is a row written in the transaction that causes it; the worker sends what is
 * due, in the background, and a mail that could not be sent (no SMTP server, the server down or refusing)
 * waits and is tried again later, with a growing pause, so nothing is lost and no request waits for SMTP.
 * Every mail has a plain-text and an HTML part and, for notifications, a link that stops that kind.
 */
@Service
public class MailQueue {

	private static final Logger log = LoggerFactory.getLogger(MailQueue.class);
	/** After this many failed tries a mail is given up (about two days at the longest pause). */
	public static final int ATTEMPTS_MAX = 60;
	private static final Duration PAUSE_MAX = Duration.ofHours(1);
	private static final int BATCH = 20;

	/** A mail as the queue's log shows it. */
	public record Mail(UUID id, String to, String subject, String status, int attempts, String lastError,
			Instant createdAt, Instant sentAt) {
	}

	/** The queue of one organization at a glance. */
	public record Status(long waiting, long sent, long failed, String lastError) {
	}

	private final JdbcClient jdbc;
	private final MailSettings settings;
	private final MessageSource messages;
	private final Organizations organizations;
	private final Clock clock;
	private final Duration retryBase;
	private final String baseUrl;

	MailQueue(JdbcClient jdbc, MailSettings settings, MessageSource messages, Organizations organizations, Clock clock,
			@Value("${tacit.distribution.retry-base:PT30S}") Duration retryBase,
			@Value("${tacit.distribution.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.messages = messages;
		this.organizations = organizations;
		this.clock = clock;
		this.retryBase = retryBase;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.ENGLISH);
	}

	/** The address of a page of the organization, for links in mail. */
	String url(String slug, String path) {
		return baseUrl + "/o/" + slug + "/" + path;
	}

	String unsubscribe(String slug, NotificationKind kind) {
		return url(slug, "notifications/settings?unsubscribe=" + kind.name());
	}

	/** An email at once for one notification. */
	void notification(OrgAccess recipient, Notification n) {
		Optional<Organizations.Member> member = organizations.findMember(recipient.orgId(), recipient.personId().toString());
		if (member.isEmpty()) {
			return;
		}
		String kind = text("distribution.kind." + n.kind().name());
		String link = url(recipient.slug(), n.path());
		String reason = reason(n);
		String stop = unsubscribe(recipient.slug(), n.kind());
		String subject = text("distribution.mail.subject", recipient.name(), kind + ": " + n.title());
		StringBuilder plain = new StringBuilder();
		plain.append(kind).append(": ").append(n.title()).append("\n\n");
		if (n.note() != null && !n.note().isBlank()) {
			plain.append(n.note()).append("\n\n");
		}
		plain.append(text("distribution.mail.open")).append(' ').append(link).append("\n\n-- \n").append(reason)
			.append('\n').append(text("distribution.mail.stop", kind)).append(' ').append(stop).append('\n');
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
		html.append("<p><strong>").append(esc(kind)).append(":</strong> <a href=\"").append(esc(link)).append("\">")
			.append(esc(n.title())).append("</a></p>");
		if (n.note() != null && !n.note().isBlank()) {
			html.append("<p>").append(esc(n.note())).append("</p>");
		}
		html.append("<hr><p><small>").append(esc(reason)).append("<br><a href=\"").append(esc(stop)).append("\">")
			.append(esc(text("distribution.mail.stop", kind))).append("</a></small></p></body></html>");
		enqueue(recipient.orgId(), recipient.personId(), member.get().email(), subject, plain.toString(), html.toString(),
				stop);
	}

	String reason(Notification n) {
		return switch (n.reasonKind()) {
			case "AUDIENCE", "OWNER" -> text("distribution.reason." + n.reasonKind());
			default -> text("distribution.mail.because", text("distribution.follow.kind." + n.reasonKind()) + " " + n.reasonLabel());
		};
	}

	static String esc(String text) {
		return HtmlUtils.htmlEscape(text == null ? "" : text, StandardCharsets.UTF_8.name());
	}

	/** Puts a mail in the queue, in the caller's transaction. */
	@Transactional
	public UUID enqueue(OrgId org, PersonId person, String to, String subject, String text, String html,
			String unsubscribe) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO distribution_mail (id, org_id, person_id, to_address, subject, text_body, html_body, unsubscribe,
				  status, attempts, next_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""")
			.params(id, org.value(), person.value(), to, Notifier.cut(subject, 300), text, html, unsubscribe,
					Sql.utc(now), Sql.utc(now))
			.update();
		return id;
	}

	/** Sends what is due; runs in the background every few seconds. */
	@Scheduled(fixedDelayString = "${tacit.distribution.queue-interval:PT5S}", initialDelayString = "${tacit.distribution.queue-interval:PT5S}")
	public void sendDue() {
		List<Row> due = jdbc.sql("""
				SELECT id, org_id, to_address, subject, text_body, html_body, unsubscribe, attempts FROM distribution_mail
				WHERE status = 'QUEUED' AND next_at <= ? ORDER BY next_at, id LIMIT
				""" + BATCH)
			.param(Sql.utc(clock.instant()))
			.query((rs, n) -> new Row(Sql.uuid(rs, "id"), new OrgId(Sql.uuid(rs, "org_id")), rs.getString("to_address"),
					rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
					rs.getString("unsubscribe"), rs.getInt("attempts")))
			.list();
		for (Row mail : due) {
			send(mail);
		}
	}

	private record Row(UUID id, OrgId org, String to, String subject, String text, String html, String unsubscribe,
			int attempts) {
	}

	private void send(Row mail) {
		Optional<MailSettings.Sender> sender;
		try {
			sender = settings.sender(mail.org());
		}
		catch (RuntimeException e) {
			failed(mail, e.getMessage());
			return;
		}
		if (sender.isEmpty()) {
			failed(mail, text("distribution.mail.error.noServer"));
			return;
		}
		try {
			MimeMessage message = sender.get().mailer().createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(sender.get().from());
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			if (mail.unsubscribe() != null) {
				message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
			}
			message.setHeader("Auto-Submitted", "auto-generated");
			sender.get().mailer().send(message);
			jdbc.sql("UPDATE distribution_mail SET status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?")
				.params(Sql.utc(clock.instant()), mail.id())
				.update();
		}
		catch (Exception e) {
			failed(mail, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
		}
	}

	private void failed(Row mail, String error) {
		int attempts = mail.attempts() + 1;
		String status = attempts >= ATTEMPTS_MAX ? "FAILED" : "QUEUED";
		log.info("Mail {} not sent (try {}): {}", mail.id(), attempts, error);
		jdbc.sql("UPDATE distribution_mail SET status = ?, attempts = ?, last_error = ?, next_at = ? WHERE id = ?")
			.params(status, attempts, Notifier.cut(error, 1000), Sql.utc(clock.instant().plus(pause(retryBase, attempts))),
					mail.id())
			.update();
	}

	/** The pause before try {@code attempts + 1}: the base, doubled each time, at most an hour. */
	static Duration pause(Duration base, int attempts) {
		Duration pause = base;
		for (int i = 1; i < attempts && pause.compareTo(PAUSE_MAX) < 0; i++) {
			pause = pause.multipliedBy(2);
		}
		return pause.compareTo(PAUSE_MAX) > 0 ? PAUSE_MAX : pause;
	}

	/** The organization's queue at a glance (administrators). */
	@Transactional(readOnly = true)
	public Status status(OrgAccess access) {
		access.require(Role.ADMIN);
		UUID org = access.orgId().value();
		long waiting = count(org, "QUEUED");
		long sent = count(org, "SENT");
		long failed = count(org, "FAILED");
		String lastError = jdbc.sql("SELECT last_error FROM distribution_mail WHERE org_id = ? AND status <> 'SENT' AND last_error IS NOT NULL ORDER BY created_at DESC LIMIT 1")
			.param(org)
			.query(String.class)
			.optional()
			.orElse(null);
		return new Status(waiting, sent, failed, lastError);
	}

	private long count(UUID org, String status) {
		return jdbc.sql("SELECT COUNT(*) FROM distribution_mail WHERE org_id = ? AND status = ?")
			.params(org, status)
			.query(Long.class)
			.single();
	}

	/** The organization's mail, latest first (administrators). */
	@Transactional(readOnly = true)
	public org.tacit.shared.Page<Mail> list(OrgAccess access, org.tacit.shared.Paging paging) {
		access.require(Role.ADMIN);
		long total = jdbc.sql("SELECT COUNT(*) FROM distribution_mail WHERE org_id = ?").param(access.orgId().value())
			.query(Long.class).single();
		List<Mail> mails = jdbc.sql("""
				SELECT id, to_address, subject, status, attempts, last_error, created_at, sent_at FROM distribution_mail
				WHERE org_id = :org ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
			.param("org", access.orgId().value())
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new Mail(Sql.uuid(rs, "id"), rs.getString("to_address"), rs.getString("subject"),
					rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"), Sql.instant(rs, "created_at"),
					Sql.instant(rs, "sent_at")))
			.list();
		return paging.of(mails, total);
	}
}
