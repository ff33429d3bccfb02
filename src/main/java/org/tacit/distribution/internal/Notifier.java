package org.tacit.distribution.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

/**
 * Turns an occurrence into notifications for exactly the people who follow it and may see its record:
 * each follower's access is checked when the notification is made, through the module that owns the
 * record, and nothing (not even the title) reaches someone who may not see it. Then the person's
 * preference decides: feed only, an email at once, a digest, or nothing. Webhooks get the occurrence too.
 */
@Service
public class Notifier {

	private static final Logger log = LoggerFactory.getLogger(Notifier.class);

	private final JdbcClient jdbc;
	private final Records records;
	private final Organizations organizations;
	private final Preferences preferences;
	private final MailQueue mail;
	private final Webhooks webhooks;
	private final Clock clock;

	Notifier(JdbcClient jdbc, Records records, Organizations organizations, Preferences preferences, MailQueue mail,
			Webhooks webhooks, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.organizations = organizations;
		this.preferences = preferences;
		this.mail = mail;
		this.webhooks = webhooks;
		this.clock = clock;
	}

	/** Why a person gets a notification: the first follow that matched, or their place in the audience. */
	record Reason(String kind, String label) {
	}

	/** Delivers the occurrence; returns how many notifications it made. */
	@Transactional
	public int deliver(Occurrence occurrence) {
		return deliver(occurrence, true);
	}

	/** Delivers the occurrence to people, and to webhooks if {@code hooks} (a reminder is for people only). */
	@Transactional
	public int deliver(Occurrence occurrence, boolean hooks) {
		Map<PersonId, Reason> recipients = new LinkedHashMap<>();
		// people named directly: an announcement's audience, or the owner of an item gone stale
		String direct = occurrence.kind() == NotificationKind.ITEM_STALE ? "OWNER" : "AUDIENCE";
		for (PersonId person : occurrence.direct()) {
			recipients.put(person, new Reason(direct, ""));
		}
		for (Map.Entry<PersonId, Occurrence.Match> follower : followers(occurrence).entrySet()) {
			recipients.putIfAbsent(follower.getKey(), new Reason(follower.getValue().kind().name(),
					label(occurrence, follower.getValue())));
		}
		int made = 0;
		for (Map.Entry<PersonId, Reason> recipient : recipients.entrySet()) {
			PersonId person = recipient.getKey();
			if (person.equals(occurrence.actor())) {
				continue;
			}
			Optional<OrgAccess> access = organizations.memberAccess(occurrence.org(), person);
			if (access.isEmpty()) {
				continue;
			}
			// the check at delivery: the record as this person may see it, or nothing at all
			Optional<RecordRef> ref = records.find(occurrence.org().value(), occurrence.recordType(), occurrence.recordId(),
					person.value());
			if (ref.isEmpty()) {
				continue;
			}
			Channel channel = preferences.channel(occurrence.org(), person, occurrence.kind());
			if (channel == Channel.OFF) {
				continue;
			}
			Optional<Notification> notification = insert(occurrence, person, ref.get(), recipient.getValue(), channel);
			if (notification.isPresent()) {
				made++;
				if (channel == Channel.EMAIL) {
					mail.notification(access.get(), notification.get());
				}
			}
		}
		if (hooks) {
			webhooks.enqueue(occurrence);
		}
		return made;
	}

	private String label(Occurrence occurrence, Occurrence.Match match) {
		String type = FollowService.recordType(match.kind());
		if (type == null) {
			return match.target();
		}
		return records.find(occurrence.org().value(), type, match.target(), null).map(RecordRef::title).orElse(match.target());
	}

	/** The people with an active follow of one of the matches, each with the first match of theirs. */
	private Map<PersonId, Occurrence.Match> followers(Occurrence occurrence) {
		Map<PersonId, Occurrence.Match> found = new LinkedHashMap<>();
		for (Occurrence.Match match : occurrence.matches()) {
			if (match.target() == null || match.target().isBlank()) {
				continue;
			}
			jdbc.sql("SELECT person_id FROM distribution_follow WHERE org_id = ? AND kind = ? AND target = ? AND active = TRUE ORDER BY created_at")
				.params(occurrence.org().value(), match.kind().name(), match.target())
				.query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id")))
				.list()
				.forEach(person -> found.putIfAbsent(person, match));
		}
		return found;
	}

	private Optional<Notification> insert(Occurrence occurrence, PersonId person, RecordRef ref, Reason reason,
			Channel channel) {
		Integer exists = jdbc.sql("SELECT COUNT(*) FROM distribution_notification WHERE org_id = ? AND person_id = ? AND event_key = ?")
			.params(occurrence.org().value(), person.value(), occurrence.key())
			.query(Integer.class)
			.single();
		if (exists > 0) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		var now = clock.instant();
		String title = cut(ref.title(), 300);
		String note = occurrence.note() == null ? null : cut(occurrence.note(), 1000);
		String label = cut(reason.label(), 200);
		jdbc.sql("""
				INSERT INTO distribution_notification (id, org_id, person_id, kind, event_key, record_type, record_id, title,
				  path, note, actor_id, reason, channel, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, occurrence.org().value(), person.value(), occurrence.kind().name(), occurrence.key(), ref.type(),
					ref.id(), title, ref.path(), note, occurrence.actor() == null ? null : occurrence.actor().value(),
					reason.kind() + "|" + label, channel.name(), Sql.utc(now))
			.update();
		log.debug("Notified {} of {}", person, occurrence.key());
		return Optional.of(new Notification(id, occurrence.kind(), ref.type(), ref.id(), title, ref.path(), note,
				occurrence.actor() == null ? null : occurrence.actor().value(), reason.kind(), label, channel, now, null));
	}

	static String cut(String text, int max) {
		if (text == null) {
			return "";
		}
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** For tests and callers that build occurrences: a list of matches. */
	static List<Occurrence.Match> matches(Object... kindAndTarget) {
		List<Occurrence.Match> list = new ArrayList<>();
		for (int i = 0; i + 1 < kindAndTarget.length; i += 2) {
			if (kindAndTarget[i + 1] != null) {
				list.add(new Occurrence.Match((FollowKind) kindAndTarget[i], kindAndTarget[i + 1].toString()));
			}
		}
		return list;
	}
}
