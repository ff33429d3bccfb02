package org.tacit.distribution.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Secrets;
import org.tacit.shared.Sql;

/**
 * An organization's SMTP server, set by its administrators. Without one, the installation's server
 * ({@code spring.mail.*}) sends, if the operator configured it; otherwise mail waits in the queue.
 * The password is stored for sending, sealed with the installation's key ({@link Secrets}), and never
 * shown again: the settings only say whether one is set. A password stored in plain text by an earlier
 * version is sealed the first time it is read.
 */
@Service
public class MailSettings {

	/** How the connection to the SMTP server is protected. */
	public enum Security {
		/** Plain SMTP (a relay on the same network). */
		NONE,
		/** SMTP upgraded with STARTTLS, required (port 587). */
		STARTTLS,
		/** SMTP over TLS from the start (port 465). */
		TLS
	}

	/** The settings as shown: never the password, only whether one is set. */
	public record View(String host, int port, Security security, String username, boolean passwordSet, String from) {
	}

	/** What an administrator sends; a null password keeps the stored one, an empty one removes it. */
	public record Input(String host, Integer port, String security, String username, String password, String from) {
	}

	/** A way to send for one organization. */
	record Sender(JavaMailSender mailer, String from) {
	}

	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

	private final JdbcClient jdbc;
	private final ObjectProvider<JavaMailSender> installation;
	private final String installationFrom;
	private final String installationHost;
	private final AuditLog audit;
	private final Clock clock;
	private final java.time.Duration timeout;
	private final Secrets secrets;

	MailSettings(JdbcClient jdbc, ObjectProvider<JavaMailSender> installation, Secrets secrets,
			@Value("${tacit.distribution.mail.from:tacit@localhost}") String installationFrom,
			@Value("${spring.mail.host:}") String installationHost,
			@Value("${tacit.distribution.mail.timeout:PT20S}") java.time.Duration timeout, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.installation = installation;
		this.secrets = secrets;
		this.installationFrom = installationFrom;
		this.installationHost = installationHost;
		this.timeout = timeout;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<View> view(OrgAccess access) {
		access.require(Role.ADMIN);
		return jdbc.sql("SELECT host, port, security, username, password, password_sealed, from_address FROM distribution_mail_settings WHERE org_id = ?")
			.param(access.orgId().value())
			.query((rs, n) -> new View(rs.getString("host"), rs.getInt("port"), Security.valueOf(rs.getString("security")),
					rs.getString("username"), rs.getString("password") != null || rs.getString("password_sealed") != null,
					rs.getString("from_address")))
			.optional();
	}

	/** Sets the organization's SMTP server; everything is checked before anything is written. */
	@Transactional
	public View save(OrgAccess access, Input input) {
		access.require(Role.ADMIN);
		String host = input.host() == null ? "" : input.host().strip();
		if (!HOST.matcher(host).matches()) {
			throw ProblemException.invalid("host", "distribution.mail.host.invalid");
		}
		int port = input.port() == null ? 0 : input.port();
		if (port < 1 || port > 65535) {
			throw ProblemException.invalid("port", "distribution.mail.port.invalid");
		}
		Security security;
		try {
			security = Security.valueOf(input.security() == null ? "" : input.security().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid("security", "distribution.mail.security.invalid");
		}
		String username = input.username() == null || input.username().isBlank() ? null : input.username().strip();
		if (username != null && username.length() > 255) {
			throw ProblemException.invalid("username", "distribution.mail.username.invalid");
		}
		if (input.password() != null && input.password().length() > 255) {
			throw ProblemException.invalid("password", "distribution.mail.password.invalid");
		}
		String from = input.from() == null ? "" : input.from().strip();
		try {
			InternetAddress address = new InternetAddress(from, true);
			if (address.getAddress() == null || !address.getAddress().contains("@") || from.length() > 255) {
				throw new AddressException(from);
			}
		}
		catch (AddressException e) {
			throw ProblemException.invalid("from", "distribution.mail.from.invalid");
		}
		// the stored password, kept sealed as it is (an old plain one is sealed now)
		Optional<String> stored = jdbc.sql("SELECT password, password_sealed FROM distribution_mail_settings WHERE org_id = ?")
			.param(access.orgId().value())
			.query((rs, n) -> rs.getString("password_sealed") != null ? rs.getString("password_sealed")
					: rs.getString("password") == null ? null : seal(access.orgId(), rs.getString("password")))
			.optional();
		String sealed = input.password() == null ? stored.orElse(null)
				: input.password().isEmpty() ? null : seal(access.orgId(), input.password());
		jdbc.sql("DELETE FROM distribution_mail_settings WHERE org_id = ?").param(access.orgId().value()).update();
		jdbc.sql("""
				INSERT INTO distribution_mail_settings (org_id, host, port, security, username, password, password_sealed,
				  from_address, updated_at)
				VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)""")
			.params(access.orgId().value(), host, port, security.name(), username, sealed, from, Sql.utc(clock.instant()))
			.update();
		audit.record(access.orgId(), "mail-settings.changed", "mail-settings", access.orgId().toString(), host + ":" + port);
		return new View(host, port, security, username, sealed != null, from);
	}

	private static String purpose(OrgId org) {
		return "distribution.mail-settings.password:" + org.value();
	}

	private String seal(OrgId org, String password) {
		return secrets.seal(password, purpose(org));
	}

	/** A stored SMTP password that cannot be used: sealed with another key than the installation's now. */
	static class UnreadablePasswordException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnreadablePasswordException() {
			super("The stored SMTP password cannot be read with this installation's secret key (TACIT_SECRET_KEY or "
					+ Secrets.KEY_FILE + " changed): enter the password again in the email settings");
		}
	}

	/**
	 * The organization's SMTP password in plain text, for sending only: opened from its sealed form, or
	 * (stored by an earlier version) read in plain text and sealed in its place.
	 */
	private String password(OrgId org, String plain, String sealed) {
		if (sealed != null) {
			try {
				return secrets.open(sealed, purpose(org));
			}
			catch (Secrets.UnreadableException e) {
				throw new UnreadablePasswordException();
			}
		}
		if (plain != null) {
			jdbc.sql("UPDATE distribution_mail_settings SET password_sealed = ?, password = NULL WHERE org_id = ? AND password = ?")
				.params(seal(org, plain), org.value(), plain)
				.update();
		}
		return plain;
	}

	private record Stored(String host, int port, Security security, String username, String plain, String sealed,
			String from) {
	}

	/** How to send mail of the organization now, if it can be sent at all. */
	Optional<Sender> sender(OrgId org) {
		Optional<Stored> stored = jdbc.sql("SELECT host, port, security, username, password, password_sealed, from_address FROM distribution_mail_settings WHERE org_id = ?")
			.param(org.value())
			.query((rs, n) -> new Stored(rs.getString("host"), rs.getInt("port"), Security.valueOf(rs.getString("security")),
					rs.getString("username"), rs.getString("password"), rs.getString("password_sealed"),
					rs.getString("from_address")))
			.optional();
		Optional<Sender> own = stored.map(row -> {
			JavaMailSenderImpl mailer = new JavaMailSenderImpl();
			mailer.setHost(row.host());
			mailer.setPort(row.port());
			mailer.setUsername(row.username());
			mailer.setPassword(password(org, row.plain(), row.sealed()));
			mailer.setDefaultEncoding("UTF-8");
			Properties props = mailer.getJavaMailProperties();
			String millis = Long.toString(timeout.toMillis());
			props.put("mail.smtp.connectiontimeout", millis);
			props.put("mail.smtp.timeout", millis);
			props.put("mail.smtp.writetimeout", millis);
			props.put("mail.smtp.auth", Boolean.toString(row.username() != null));
			if (row.security() == Security.STARTTLS) {
				props.put("mail.smtp.starttls.enable", "true");
				props.put("mail.smtp.starttls.required", "true");
			}
			else if (row.security() == Security.TLS) {
				mailer.setProtocol("smtps");
				props.put("mail.smtps.auth", Boolean.toString(row.username() != null));
				props.put("mail.smtps.connectiontimeout", millis);
				props.put("mail.smtps.timeout", millis);
			}
			return new Sender(mailer, row.from());
		});
		if (own.isPresent()) {
			return own;
		}
		JavaMailSender fallback = installationHost.isBlank() ? null : installation.getIfAvailable();
		return fallback == null ? Optional.empty() : Optional.of(new Sender(fallback, installationFrom));
	}
}
