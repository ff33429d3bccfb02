package org.tacit.organizations.internal;

import org.tacit.shared.Sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.PersonId;
import org.tacit.shared.ProblemException;

/**
 * Personal API tokens. A token is 32 random bytes, shown once at creation; only its SHA-256 hash is
 * stored (a slow password hash adds nothing for a random 256-bit secret and would slow every API call).
 */
@Service
public class TokenService {

	public static final int NAME_MAX = 100;
	public static final int MAX_ACTIVE_PER_PERSON = 50;
	public static final int MAX_DAYS = 3650;
	public static final int BOOTSTRAP_MIN_LENGTH = 32;
	/** Longer presented tokens are refused before any lookup. */
	public static final int MAX_LENGTH = 200;
	private static final String PREFIX = "tacit_";
	private static final SecureRandom RANDOM = new SecureRandom();

	private static final RowMapper<TokenInfo> TOKEN = (rs, n) -> new TokenInfo(Sql.uuid(rs, "id"), rs.getString("name"),
			rs.getString("token_hint"), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"),
			Sql.instant(rs, "last_used_at"));

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	TokenService(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A token as listed: never the secret itself. */
	public record TokenInfo(UUID id, String name, String hint, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
	}

	/** A token just created: {@code token} is the secret, shown this once. */
	public record NewToken(TokenInfo info, String token) {
	}

	@Transactional
	public NewToken create(PersonId person, String name, Integer expiresInDays) {
		String checkedName = Check.name("name", name);
		if (checkedName.length() > NAME_MAX) {
			throw ProblemException.invalid("name", "problem.field.tooLong", NAME_MAX);
		}
		if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
			throw ProblemException.invalid("expiresInDays", "token.expiry.range", MAX_DAYS);
		}
		if (activeCount(person) >= MAX_ACTIVE_PER_PERSON) {
			throw ProblemException.conflict(null, "token.tooMany", MAX_ACTIVE_PER_PERSON);
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Instant expires = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
		TokenInfo info = store(person, checkedName, token, now, expires);
		audit.record(null, "token.created", "token", info.id().toString(), checkedName);
		return new NewToken(info, token);
	}

	/** Installs a token chosen by the operator (TACIT_ADMIN_TOKEN) for automation. */
	@Transactional
	public void install(PersonId person, String name, String token) {
		if (token.length() < BOOTSTRAP_MIN_LENGTH || token.length() > MAX_LENGTH || !token.equals(token.strip())) {
			throw ProblemException.invalid("token", "token.bootstrap.short", BOOTSTRAP_MIN_LENGTH, MAX_LENGTH);
		}
		store(person, name, token, clock.instant(), null);
	}

	private TokenInfo store(PersonId person, String name, String token, Instant now, Instant expires) {
		UUID id = UUID.randomUUID();
		String hint = token.substring(token.length() - 4);
		jdbc.sql("""
				INSERT INTO organizations_api_token (id, person_id, name, token_hash, token_hint, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, person.value(), name, hash(token), hint, Sql.utc(now), Sql.utc(expires))
			.update();
		return new TokenInfo(id, name, hint, now, expires, null);
	}

	@Transactional(readOnly = true)
	public List<TokenInfo> list(PersonId person) {
		return jdbc.sql("""
				SELECT * FROM organizations_api_token
				WHERE person_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)
				ORDER BY created_at DESC""")
			.params(person.value(), Sql.utc(clock.instant()))
			.query(TOKEN)
			.list();
	}

	/** Revokes one of the person's own tokens; someone else's token is "not found". */
	@Transactional
	public void revoke(PersonId person, UUID tokenId) {
		int changed = jdbc.sql("""
				UPDATE organizations_api_token SET revoked_at = ?
				WHERE id = ? AND person_id = ? AND revoked_at IS NULL""")
			.params(Sql.utc(clock.instant()), tokenId, person.value())
			.update();
		if (changed == 0) {
			throw ProblemException.notFound();
		}
		audit.record(null, "token.revoked", "token", tokenId.toString(), null);
	}

	/**
	 * The active account a presented token belongs to, if the token is valid now. Runs on every API call:
	 * one indexed read of the token with its account, and a write only when the last use recorded is more
	 * than a minute old.
	 */
	public Optional<Account> authenticate(String token) {
		if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		record Found(UUID token, Instant lastUsed, Account account) {
		}
		Optional<Found> found = jdbc.sql("""
				SELECT t.id AS token_id, t.last_used_at, p.* FROM organizations_api_token t
				JOIN organizations_person p ON p.id = t.person_id
				WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?)""")
			.params(hash(token), Sql.utc(now))
			.query((rs, n) -> new Found(Sql.uuid(rs, "token_id"), Sql.instant(rs, "last_used_at"),
					AccountStore.ACCOUNT.mapRow(rs, n)))
			.optional();
		if (found.isEmpty() || !found.get().account().active()) {
			return Optional.empty();
		}
		// last use is kept to the minute, so a busy client does not write on every call
		Instant lastUsed = found.get().lastUsed();
		if (lastUsed == null || lastUsed.isBefore(now.minusSeconds(60))) {
			jdbc.sql("""
					UPDATE organizations_api_token SET last_used_at = ?
					WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)""")
				.params(Sql.utc(now), found.get().token(), Sql.utc(now.minusSeconds(60)))
				.update();
		}
		return Optional.of(found.get().account());
	}

	private int activeCount(PersonId person) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM organizations_api_token
				WHERE person_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)""")
			.params(person.value(), Sql.utc(clock.instant()))
			.query(Integer.class)
			.single();
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}
}
