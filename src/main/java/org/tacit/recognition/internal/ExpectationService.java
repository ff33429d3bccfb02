package org.tacit.recognition.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Sql;

/** The organization's knowledge-sharing expectations, replaced as a whole by knowledge managers and administrators. */
@Service
public class ExpectationService {

	private final JdbcClient jdbc;
	private final AuditLog audit;

	ExpectationService(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** One expectation as sent: role (an organization role, or blank for everyone), text, measure, target. */
	public record Input(String role, String text, String measure, Integer target) {
	}

	@Transactional(readOnly = true)
	public List<Expectation> of(OrgId org) {
		return jdbc.sql("SELECT * FROM recognition_expectation WHERE org_id = ? ORDER BY position")
			.param(org.value())
			.query((rs, n) -> new Expectation(Sql.uuid(rs, "id"),
					rs.getString("role") == null ? null : Role.valueOf(rs.getString("role")), rs.getString("text"),
					rs.getString("measure"), rs.getInt("target")))
			.list();
	}

	/** The measures an expectation may use. */
	public static List<String> measures() {
		List<String> measures = new ArrayList<>();
		measures.add(Expectation.OWNED_ITEMS_CURRENT);
		for (EntryKind kind : EntryKind.values()) {
			measures.add(kind.name());
		}
		return measures;
	}

	/** Replaces every expectation; all are checked before anything is written. */
	@Transactional
	public List<Expectation> replace(OrgAccess caller, List<Input> inputs) {
		caller.require(Role.KNOWLEDGE_MANAGER);
		if (inputs == null) {
			throw ProblemException.invalid("expectations", "recognition.expectations.missing");
		}
		if (inputs.size() > Expectation.MAX) {
			throw ProblemException.invalid("expectations", "recognition.expectations.many", Expectation.MAX);
		}
		List<Expectation> checked = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			checked.add(check(inputs.get(i), "expectations[" + i + "]."));
		}
		jdbc.sql("DELETE FROM recognition_expectation WHERE org_id = ?").param(caller.orgId().value()).update();
		for (int i = 0; i < checked.size(); i++) {
			Expectation e = checked.get(i);
			jdbc.sql("""
					INSERT INTO recognition_expectation (id, org_id, position, role, text, measure, target)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(e.id(), caller.orgId().value(), i, e.role() == null ? null : e.role().name(), e.text(), e.measure(),
						e.target())
				.update();
		}
		audit.record(caller.orgId(), "recognition.expectations-changed", "organization", caller.orgId().toString(),
				checked.size() + " expectations");
		return of(caller.orgId());
	}

	private static Expectation check(Input input, String prefix) {
		if (input == null) {
			throw ProblemException.invalid(prefix + "text", "recognition.expectation.text.missing");
		}
		Role role = input.role() == null || input.role().isBlank() ? null
				: SettingsService.parse(Role.class, input.role(), prefix + "role");
		String text = input.text() == null ? "" : input.text().strip();
		if (text.isEmpty()) {
			throw ProblemException.invalid(prefix + "text", "recognition.expectation.text.missing");
		}
		if (text.length() > Expectation.TEXT_MAX) {
			throw ProblemException.invalid(prefix + "text", "recognition.expectation.text.long", Expectation.TEXT_MAX);
		}
		String measure = input.measure() == null ? "" : input.measure().strip().toUpperCase(java.util.Locale.ROOT);
		if (!measures().contains(measure)) {
			throw ProblemException.invalid(prefix + "measure", "recognition.value.unknown", input.measure(),
					String.join(", ", measures()));
		}
		int max = Expectation.OWNED_ITEMS_CURRENT.equals(measure) ? 100 : Expectation.TARGET_MAX;
		if (input.target() == null || input.target() < 0 || input.target() > max) {
			throw ProblemException.invalid(prefix + "target", "recognition.expectation.target", max);
		}
		return new Expectation(UUID.randomUUID(), role, text, measure, input.target());
	}
}
