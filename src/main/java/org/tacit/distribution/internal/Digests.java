package org.tacit.distribution.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Sql;

/**
 * Daily and weekly digests: every notification a person chose to get in a digest, gathered into one mail
 * per organization, grouped by what they follow, each group with the link that stops its kinds. A
 * notification goes into one digest only.
 */
@Service
public class Digests {

	/** The most notifications one digest lists; the rest wait for the feed. */
	static final int DIGEST_MAX = 200;

	private final JdbcClient jdbc;
	private final MailQueue mail;
	private final Organizations organizations;
	private final Clock clock;

	Digests(JdbcClient jdbc, MailQueue mail, Organizations organizations, Clock clock) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.organizations = organizations;
		this.clock = clock;
	}

	@Scheduled(cron = "${tacit.distribution.digest.daily:0 0 7 * * *}", zone = "UTC")
	void daily() {
		send(Channel.DAILY);
	}

	@Scheduled(cron = "${tacit.distribution.digest.weekly:0 0 7 * * MON}", zone = "UTC")
	void weekly() {
		send(Channel.WEEKLY);
	}

	/** Queues the digests of one channel that are due now; returns how many mails it queued. */
	@Transactional
	public int send(Channel channel) {
		List<Map.Entry<UUID, UUID>> people = jdbc.sql("""
				SELECT DISTINCT org_id, person_id FROM distribution_notification WHERE channel = ? AND digested_at IS NULL""")
			.param(channel.name())
			.query((rs, n) -> Map.entry(Sql.uuid(rs, "org_id"), Sql.uuid(rs, "person_id")))
			.list();
		int sent = 0;
		for (Map.Entry<UUID, UUID> person : people) {
			if (digest(channel, new OrgId(person.getKey()), new PersonId(person.getValue()))) {
				sent++;
			}
		}
		return sent;
	}

	private boolean digest(Channel channel, OrgId org, PersonId person) {
		List<Notification> notifications = jdbc.sql("SELECT " + Feed.COLUMNS + " FROM distribution_notification "
				+ "WHERE org_id = ? AND person_id = ? AND channel = ? AND digested_at IS NULL ORDER BY created_at, id LIMIT " + DIGEST_MAX)
			.params(org.value(), person.value(), channel.name())
			.query(Feed.NOTIFICATION)
			.list();
		if (notifications.isEmpty()) {
			return false;
		}
		jdbc.sql("UPDATE distribution_notification SET digested_at = :now WHERE org_id = :org AND person_id = :person AND id IN (:ids)")
			.param("now", Sql.utc(clock.instant()))
			.param("org", org.value())
			.param("person", person.value())
			.param("ids", notifications.stream().map(Notification::id).toList())
			.update();
		Optional<OrgAccess> access = organizations.memberAccess(org, person);
		Optional<Organizations.Member> member = organizations.findMember(org, person.toString());
		if (access.isEmpty() || member.isEmpty()) {
			return false;
		}
		String slug = access.get().slug();
		Map<String, List<Notification>> groups = new LinkedHashMap<>();
		for (Notification n : notifications) {
			groups.computeIfAbsent(mail.reason(n), k -> new ArrayList<>()).add(n);
		}
		String heading = mail.text("distribution.digest." + channel.name());
		String subject = mail.text("distribution.mail.subject", access.get().name(),
				heading + " (" + notifications.size() + ")");
		StringBuilder text = new StringBuilder(heading).append("\n\n");
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><h1>").append(MailQueue.esc(heading)).append("</h1>");
		for (Map.Entry<String, List<Notification>> group : groups.entrySet()) {
			text.append(group.getKey()).append('\n');
			html.append("<h2>").append(MailQueue.esc(group.getKey())).append("</h2><ul>");
			for (Notification n : group.getValue()) {
				String kind = mail.text("distribution.kind." + n.kind().name());
				String link = mail.url(slug, n.path());
				text.append("- ").append(kind).append(": ").append(n.title()).append("\n  ").append(link).append('\n');
				html.append("<li>").append(MailQueue.esc(kind)).append(": <a href=\"").append(MailQueue.esc(link)).append("\">")
					.append(MailQueue.esc(n.title())).append("</a></li>");
			}
			html.append("</ul>");
			text.append('\n');
		}
		text.append("-- \n");
		html.append("<hr><p><small>");
		List<NotificationKind> kinds = notifications.stream().map(Notification::kind).distinct().toList();
		for (NotificationKind kind : kinds) {
			String label = mail.text("distribution.kind." + kind.name());
			String stop = mail.unsubscribe(slug, kind);
			text.append(mail.text("distribution.mail.stop", label)).append(' ').append(stop).append('\n');
			html.append("<a href=\"").append(MailQueue.esc(stop)).append("\">")
				.append(MailQueue.esc(mail.text("distribution.mail.stop", label))).append("</a><br>");
		}
		html.append("</small></p></body></html>");
		mail.enqueue(org, person, member.get().email(), subject, text.toString(), html.toString(),
				mail.url(slug, "notifications/settings"));
		return true;
	}
}
