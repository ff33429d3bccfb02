package org.tacit.organizations.internal;

import org.tacit.shared.Sql;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.shared.ProblemException;

/**
 * The first start of an empty installation: either from the environment (TACIT_ADMIN_EMAIL,
 * TACIT_ADMIN_PASSWORD, optionally TACIT_ADMIN_TOKEN) or once through the setup page.
 */
@Service
public class FirstStart {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
	public static final String DEMO_NAME = "Demo organization";

	private final JdbcClient jdbc;
	private final PeopleService people;
	private final OrganizationService organizations;
	private final TokenService tokens;
	private final AuditLog audit;
	private final Clock clock;
	private volatile boolean done;

	FirstStart(JdbcClient jdbc, PeopleService people, OrganizationService organizations, TokenService tokens,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.organizations = organizations;
		this.tokens = tokens;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the setup page is still needed; cached once setup has happened, as it never un-happens. */
	public boolean needed() {
		if (done) {
			return false;
		}
		boolean installed = jdbc.sql("SELECT COUNT(*) FROM organizations_installation").query(Long.class).single() > 0;
		done = installed;
		return !installed;
	}

	/** The setup form: creates the site administrator and, if asked, a demo organization. */
	@Transactional
	public Account setUp(String email, String name, String password, boolean demo) {
		if (!needed()) {
			throw ProblemException.conflict(null, "setup.done");
		}
		Account admin = people.createAccount(email, name, password, true);
		markInstalled();
		audit.record(null, "installation.set-up", "person", admin.id().toString(), admin.email());
		if (demo) {
			organizations.create(admin.id(), DEMO_NAME, null, true);
		}
		log.info("First-start setup created the site administrator {}", admin.email());
		return admin;
	}

	/** Start-up with TACIT_ADMIN_* set: does nothing once the installation exists. */
	@Transactional
	public void fromEnvironment(String email, String password, String token) {
		if (email == null || email.isBlank() || !needed()) {
			return;
		}
		if (token != null && !token.isBlank() && (token.length() < TokenService.BOOTSTRAP_MIN_LENGTH
				|| token.length() > TokenService.MAX_LENGTH || !token.equals(token.strip()))) {
			throw new IllegalStateException("TACIT_ADMIN_TOKEN must be " + TokenService.BOOTSTRAP_MIN_LENGTH + " to "
					+ TokenService.MAX_LENGTH + " characters long, without spaces at either end");
		}
		Account admin = people.createAccount(email, "Administrator", password, true);
		markInstalled();
		audit.record(null, "installation.set-up", "person", admin.id().toString(), admin.email());
		if (token != null && !token.isBlank()) {
			tokens.install(admin.id(), "TACIT_ADMIN_TOKEN", token);
		}
		log.info("Created the site administrator {} from the environment", admin.email());
	}

	private void markInstalled() {
		try {
			jdbc.sql("INSERT INTO organizations_installation (id, completed_at) VALUES (1, ?)")
				.param(Sql.utc(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw ProblemException.conflict(null, "setup.done");
		}
	}

	/** Forgets the cached answer; for tests that empty the database. */
	public void reset() {
		done = false;
	}
}
