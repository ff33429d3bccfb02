package org.tacit.distribution.internal;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.shared.ProblemException;

/** Each member's channel per kind of notification; a kind without a choice goes to the feed only. */
@Service
public class Preferences {

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every kind with the person's channel. */
	@Transactional(readOnly = true)
	public Map<NotificationKind, Channel> of(OrgId org, PersonId person) {
		Map<NotificationKind, Channel> all = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			all.put(kind, Channel.IN_APP);
		}
		jdbc.sql("SELECT kind, channel FROM distribution_preference WHERE org_id = ? AND person_id = ?")
			.params(org.value(), person.value())
			.query((rs, n) -> Map.entry(rs.getString("kind"), rs.getString("channel")))
			.list()
			.forEach(e -> {
				try {
					all.put(NotificationKind.valueOf(e.getKey()), Channel.valueOf(e.getValue()));
				}
				catch (IllegalArgumentException ignored) {
					// a kind or channel of an older version: the default holds
				}
			});
		return all;
	}

	public Channel channel(OrgId org, PersonId person, NotificationKind kind) {
		return of(org, person).get(kind);
	}

	/**
	 * Sets channels by name ({@code {"ITEM_PUBLISHED": "EMAIL"}}); kinds not named keep theirs. All checked
	 * before any is written: 400 on {@code preferences.<KIND>}.
	 */
	@Transactional
	public Map<NotificationKind, Channel> set(OrgAccess access, Map<String, String> choices) {
		if (choices == null || choices.isEmpty()) {
			throw ProblemException.invalid("preferences", "distribution.preferences.required");
		}
		Map<NotificationKind, Channel> parsed = new EnumMap<>(NotificationKind.class);
		choices.forEach((kindName, channelName) -> {
			NotificationKind kind;
			try {
				kind = NotificationKind.valueOf(kindName == null ? "" : kindName.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw ProblemException.invalid("preferences." + kindName, "distribution.preferences.kind.unknown");
			}
			try {
				parsed.put(kind, Channel.valueOf(channelName == null ? "" : channelName.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException e) {
				throw ProblemException.invalid("preferences." + kind.name(), "distribution.preferences.channel.unknown");
			}
		});
		parsed.forEach((kind, channel) -> {
			jdbc.sql("DELETE FROM distribution_preference WHERE org_id = ? AND person_id = ? AND kind = ?")
				.params(access.orgId().value(), access.personId().value(), kind.name())
				.update();
			jdbc.sql("INSERT INTO distribution_preference (org_id, person_id, kind, channel) VALUES (?, ?, ?, ?)")
				.params(access.orgId().value(), access.personId().value(), kind.name(), channel.name())
				.update();
		});
		return of(access.orgId(), access.personId());
	}
}
