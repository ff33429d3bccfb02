package org.tacit.measurement.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/** The targets of an organization's figures; knowledge managers set them. */
@Service
public class TargetService {

	/** The largest target a count, a number of days or of hours may have. */
	static final double MAX_VALUE = 1_000_000_000;

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	TargetService(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A known metric; 404 for any other name. */
	public static Metric metric(String name) {
		return Metric.of(name == null ? "" : name.strip()).orElseThrow(ProblemException::notFound);
	}

	/**
	 * Sets (or replaces) the target of a figure. Without a direction, the figure's better direction is used
	 * (at least for figures where higher is better).
	 */
	@Transactional
	public Target set(OrgAccess access, Metric metric, Double value, String direction) {
		access.require(Role.KNOWLEDGE_MANAGER);
		if (value == null || value.isNaN() || value.isInfinite()) {
			throw ProblemException.invalid("value", "measurement.target.value.required");
		}
		if (value < 0) {
			throw ProblemException.invalid("value", "measurement.target.value.negative");
		}
		if (metric.unit() == Metric.Unit.SHARE ? value > 1 : value > MAX_VALUE) {
			throw metric.unit() == Metric.Unit.SHARE ? ProblemException.invalid("value", "measurement.target.value.share")
					: ProblemException.invalid("value", "measurement.target.value.tooLarge");
		}
		Target.Direction dir;
		if (direction == null || direction.isBlank()) {
			dir = metric.better() == Metric.Better.HIGHER ? Target.Direction.AT_LEAST : Target.Direction.AT_MOST;
		}
		else {
			try {
				dir = Target.Direction.valueOf(direction.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw ProblemException.invalid("direction", "measurement.target.direction");
			}
		}
		OrgId org = access.orgId();
		int updated = jdbc.sql("""
				UPDATE measurement_target SET direction = ?, target_value = ?, set_by = ?, set_at = ?
				WHERE org_id = ? AND metric = ?""")
			.params(dir.name(), BigDecimal.valueOf(value), access.personId().value(), Sql.utc(clock.instant()),
					org.value(), metric.key())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO measurement_target (org_id, metric, direction, target_value, set_by, set_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(org.value(), metric.key(), dir.name(), BigDecimal.valueOf(value), access.personId().value(),
						Sql.utc(clock.instant()))
				.update();
		}
		audit.record(org, "measurement.target-set", "metric", metric.key(), dir + " " + value);
		return new Target(metric, dir, value, access.personId(), clock.instant());
	}

	/** Removes a figure's target; false if it had none. */
	@Transactional
	public boolean remove(OrgAccess access, Metric metric) {
		access.require(Role.KNOWLEDGE_MANAGER);
		boolean removed = jdbc.sql("DELETE FROM measurement_target WHERE org_id = ? AND metric = ?")
			.params(access.orgId().value(), metric.key())
			.update() > 0;
		if (removed) {
			audit.record(access.orgId(), "measurement.target-removed", "metric", metric.key(), "");
		}
		return removed;
	}

	/** The organization's targets by figure (names no longer known are ignored). */
	@Transactional(readOnly = true)
	public Map<Metric, Target> all(OrgId org) {
		Map<Metric, Target> targets = new EnumMap<>(Metric.class);
		jdbc.sql("SELECT metric, direction, target_value, set_by, set_at FROM measurement_target WHERE org_id = ?")
			.params(org.value())
			.query(rs -> {
				Metric metric = Metric.of(rs.getString("metric")).orElse(null);
				if (metric != null) {
					targets.put(metric, new Target(metric, Target.Direction.valueOf(rs.getString("direction")),
							rs.getBigDecimal("target_value").doubleValue(), new PersonId(Sql.uuid(rs, "set_by")),
							Sql.instant(rs, "set_at")));
				}
			});
		return targets;
	}
}
