package org.tacit.recognition.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/** Reads and changes an organization's recognition settings; knowledge managers and administrators change them. */
@Service
public class SettingsService {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	SettingsService(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Settings of(OrgId org) {
		record Flags(boolean points, boolean badges, boolean leaderboards) {
		}
		Flags flags = jdbc.sql("SELECT * FROM recognition_settings WHERE org_id = ?")
			.param(org.value())
			.query((rs, n) -> new Flags(rs.getBoolean("points_enabled"), rs.getBoolean("badges_enabled"),
					rs.getBoolean("leaderboards_enabled")))
			.optional()
			.orElse(new Flags(true, true, false));
		Map<EntryKind, Integer> weights = new EnumMap<>(EntryKind.class);
		for (EntryKind kind : EntryKind.values()) {
			weights.put(kind, kind.defaultWeight());
		}
		jdbc.sql("SELECT kind, weight FROM recognition_weight WHERE org_id = ?")
			.param(org.value())
			.query((rs, n) -> {
				try {
					weights.put(EntryKind.valueOf(rs.getString("kind")), rs.getInt("weight"));
				}
				catch (IllegalArgumentException e) {
					// a kind that no longer exists
				}
				return null;
			})
			.list();
		Map<Badge, Settings.BadgeRule> badges = new EnumMap<>(Badge.class);
		for (Badge badge : Badge.values()) {
			badges.put(badge, new Settings.BadgeRule(true, badge.defaultThreshold()));
		}
		jdbc.sql("SELECT badge, enabled, threshold FROM recognition_badge_rule WHERE org_id = ?")
			.param(org.value())
			.query((rs, n) -> {
				try {
					badges.put(Badge.valueOf(rs.getString("badge")),
							new Settings.BadgeRule(rs.getBoolean("enabled"), rs.getInt("threshold")));
				}
				catch (IllegalArgumentException e) {
					// a badge that no longer exists
				}
				return null;
			})
			.list();
		return new Settings(flags.points(), flags.badges(), flags.leaderboards(), Map.copyOf(weights), Map.copyOf(badges));
	}

	/** A change as sent: null leaves a value as it is; unknown kinds and badges are refused. */
	public record Change(Boolean pointsEnabled, Boolean badgesEnabled, Boolean leaderboardsEnabled,
			Map<String, Integer> weights, Map<String, BadgeChange> badges) {
	}

	public record BadgeChange(Boolean enabled, Integer threshold) {
	}

	@Transactional
	public Settings change(OrgAccess caller, Change change) {
		caller.require(Role.KNOWLEDGE_MANAGER);
		if (change == null) {
			throw ProblemException.invalid("pointsEnabled", "recognition.settings.missing");
		}
		Settings current = of(caller.orgId());
		Map<EntryKind, Integer> weights = new EnumMap<>(current.weights());
		if (change.weights() != null) {
			for (var e : change.weights().entrySet()) {
				EntryKind kind = parse(EntryKind.class, e.getKey(), "weights");
				Integer weight = e.getValue();
				if (weight == null || weight < 0 || weight > EntryKind.WEIGHT_MAX) {
					throw ProblemException.invalid("weights." + e.getKey(), "recognition.weight.range", EntryKind.WEIGHT_MAX);
				}
				weights.put(kind, weight);
			}
		}
		Map<Badge, Settings.BadgeRule> badges = new EnumMap<>(current.badges());
		if (change.badges() != null) {
			for (var e : change.badges().entrySet()) {
				Badge badge = parse(Badge.class, e.getKey(), "badges");
				Settings.BadgeRule was = badges.get(badge);
				BadgeChange rule = e.getValue() == null ? new BadgeChange(null, null) : e.getValue();
				int threshold = rule.threshold() == null ? was.threshold() : rule.threshold();
				if (threshold < 1 || threshold > Badge.THRESHOLD_MAX) {
					throw ProblemException.invalid("badges." + e.getKey() + ".threshold", "recognition.badge.threshold",
							Badge.THRESHOLD_MAX);
				}
				badges.put(badge, new Settings.BadgeRule(rule.enabled() == null ? was.enabled() : rule.enabled(), threshold));
			}
		}
		Settings next = new Settings(or(change.pointsEnabled(), current.pointsEnabled()),
				or(change.badgesEnabled(), current.badgesEnabled()),
				or(change.leaderboardsEnabled(), current.leaderboardsEnabled()), Map.copyOf(weights), Map.copyOf(badges));
		save(caller, next);
		return next;
	}

	private void save(OrgAccess caller, Settings next) {
		OrgId org = caller.orgId();
		jdbc.sql("DELETE FROM recognition_settings WHERE org_id = ?").param(org.value()).update();
		jdbc.sql("""
				INSERT INTO recognition_settings (org_id, points_enabled, badges_enabled, leaderboards_enabled, updated_by, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(org.value(), next.pointsEnabled(), next.badgesEnabled(), next.leaderboardsEnabled(),
					caller.personId().value(), Sql.utc(clock.instant()))
			.update();
		jdbc.sql("DELETE FROM recognition_weight WHERE org_id = ?").param(org.value()).update();
		next.weights().forEach((kind, weight) -> jdbc.sql("INSERT INTO recognition_weight (org_id, kind, weight) VALUES (?, ?, ?)")
			.params(org.value(), kind.name(), weight)
			.update());
		jdbc.sql("DELETE FROM recognition_badge_rule WHERE org_id = ?").param(org.value()).update();
		next.badges().forEach((badge, rule) -> jdbc.sql("""
				INSERT INTO recognition_badge_rule (org_id, badge, enabled, threshold) VALUES (?, ?, ?, ?)""")
			.params(org.value(), badge.name(), rule.enabled(), rule.threshold())
			.update());
		audit.record(org, "recognition.settings-changed", "organization", org.toString(),
				"points " + onOff(next.pointsEnabled()) + ", badges " + onOff(next.badgesEnabled()) + ", leaderboards "
						+ onOff(next.leaderboardsEnabled()));
	}

	private static String onOff(boolean value) {
		return value ? "on" : "off";
	}

	private static boolean or(Boolean value, boolean otherwise) {
		return value == null ? otherwise : value;
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(field, "recognition.value.unknown", value,
					String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
		}
	}
}
