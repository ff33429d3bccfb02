package org.tacit.distribution.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.AuditLog;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.Role;
import org.tacit.shared.OutboundHttp;
import org.tacit.shared.Page;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.shared.Sql;

import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks: an administrator registers an HTTPS address with the event kinds it wants; each occurrence of
 * such a kind becomes a delivery, sent in the background through {@link OutboundHttp} (never to loopback,
 * private, link-local or metadata addresses, unless the operator allowed the host), as JSON signed with
 * HMAC-SHA256 over the body with the hook's secret ({@code X-Tacit-Signature: sha256=<hex>}). Failed
 * deliveries are tried again with a growing pause; a hook that fails too often in a row is switched off.
 */
@Service
public class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);
	public static final String SIGNATURE = "X-Tacit-Signature";
	public static final String EVENT = "X-Tacit-Event";
	public static final String DELIVERY = "X-Tacit-Delivery";
	/** Tries of one delivery before it is given up. */
	public static final int ATTEMPTS_MAX = 6;
	public static final int HOOKS_MAX = 20;
	private static final int BATCH = 20;
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final SecureRandom RANDOM = new SecureRandom();

	/** A webhook as administrators see it; the secret is shown once, when it is made. */
	public record Hook(UUID id, String url, List<String> events, boolean active, int failures, Instant createdAt,
			Instant disabledAt, String secret) {
	}

	/** One delivery with its latest try. */
	public record Delivery(UUID id, String event, String status, int attempts, Integer responseCode, String lastError,
			Instant createdAt, Instant finishedAt, Instant nextAt) {
	}

	private final JdbcClient jdbc;
	private final OutboundHttp http;
	private final Set<String> allowedHosts;
	private final Organizations organizations;
	private final Records records;
	private final AuditLog audit;
	private final Clock clock;
	private final Duration retryBase;
	private final int disableAfter;
	private final String baseUrl;

	Webhooks(JdbcClient jdbc, DistributionConfiguration.WebhookClient client, Organizations organizations,
			Records records, AuditLog audit, Clock clock, @Value("${tacit.distribution.retry-base:PT30S}") Duration retryBase,
			@Value("${tacit.distribution.webhooks.disable-after:10}") int disableAfter,
			@Value("${tacit.distribution.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.http = client.http();
		this.allowedHosts = client.allowedHosts();
		this.organizations = organizations;
		this.records = records;
		this.audit = audit;
		this.clock = clock;
		this.retryBase = retryBase;
		this.disableAfter = disableAfter;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	private static final RowMapper<Hook> HOOK = (rs, n) -> new Hook(Sql.uuid(rs, "id"), rs.getString("url"),
			Arrays.asList(rs.getString("events").split(",")), rs.getBoolean("active"), rs.getInt("failures"),
			Sql.instant(rs, "created_at"), Sql.instant(rs, "disabled_at"), null);

	/** Registers a webhook (administrators). 400 on {@code url}, {@code events} or {@code secret}. */
	@Transactional
	public Hook register(OrgAccess access, String rawUrl, List<String> rawEvents, String rawSecret) {
		access.require(Role.ADMIN);
		URI url = checkedUrl(rawUrl);
		List<String> events = events(rawEvents);
		String secret;
		if (rawSecret == null || rawSecret.isBlank()) {
			byte[] bytes = new byte[32];
			RANDOM.nextBytes(bytes);
			secret = HexFormat.of().formatHex(bytes);
		}
		else if (rawSecret.length() < 16 || rawSecret.length() > 200) {
			throw ProblemException.invalid("secret", "distribution.webhook.secret.length", 16, 200);
		}
		else {
			secret = rawSecret;
		}
		long count = jdbc.sql("SELECT COUNT(*) FROM distribution_webhook WHERE org_id = ?").param(access.orgId().value())
			.query(Long.class).single();
		if (count >= HOOKS_MAX) {
			throw ProblemException.invalid("url", "distribution.webhook.tooMany", HOOKS_MAX);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO distribution_webhook (id, org_id, url, events, secret, active, failures, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, TRUE, 0, ?, ?)""")
			.params(id, access.orgId().value(), url.toString(), String.join(",", events), secret,
					access.personId().value(), Sql.utc(now))
			.update();
		audit.record(access.orgId(), "webhook.registered", "webhook", id.toString(), url.getHost());
		return new Hook(id, url.toString(), events, true, 0, now, null, secret);
	}

	URI checkedUrl(String rawUrl) {
		return checkedUrl(rawUrl, http, allowedHosts);
	}

	/**
	 * A webhook address as given, checked: HTTPS (plain HTTP only to a host the operator allowed), and an
	 * address the guarded client would request (the name is looked up and every address it has checked).
	 */
	public static URI checkedUrl(String rawUrl, OutboundHttp http, Set<String> allowedHosts) {
		String text = rawUrl == null ? "" : rawUrl.strip();
		if (text.isEmpty() || text.length() > 2000) {
			throw ProblemException.invalid("url", "distribution.webhook.url.invalid");
		}
		URI url;
		try {
			url = new URI(text);
		}
		catch (URISyntaxException e) {
			throw ProblemException.invalid("url", "distribution.webhook.url.invalid");
		}
		String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
		if (host.isEmpty()) {
			throw ProblemException.invalid("url", "distribution.webhook.url.invalid");
		}
		boolean allowed = allowedHosts.contains(host);
		// an internal receiver the operator allowed may lack a certificate; everything else is HTTPS
		if (!scheme.equals("https") && !(allowed && scheme.equals("http"))) {
			throw ProblemException.invalid("url", "distribution.webhook.url.https");
		}
		try {
			http.verify(url);
		}
		catch (OutboundHttp.RefusedException e) {
			throw ProblemException.invalid("url", "distribution.webhook.url.refused", e.getMessage());
		}
		return url;
	}

	private static List<String> events(List<String> raw) {
		if (raw == null || raw.isEmpty()) {
			throw ProblemException.invalid("events", "distribution.webhook.events.required", known());
		}
		Set<String> events = new LinkedHashSet<>();
		for (String event : raw) {
			String name = event == null ? "" : event.strip().toLowerCase(Locale.ROOT);
			if (NotificationKind.ofEvent(name).isEmpty()) {
				throw ProblemException.invalid("events", "distribution.webhook.events.unknown", known());
			}
			events.add(name);
		}
		return List.copyOf(events);
	}

	private static String known() {
		return String.join(", ", Arrays.stream(NotificationKind.values()).map(NotificationKind::event).toList());
	}

	@Transactional(readOnly = true)
	public Page<Hook> list(OrgAccess access, Paging paging) {
		access.require(Role.ADMIN);
		long total = jdbc.sql("SELECT COUNT(*) FROM distribution_webhook WHERE org_id = ?").param(access.orgId().value())
			.query(Long.class).single();
		List<Hook> hooks = jdbc.sql("""
				SELECT id, url, events, active, failures, created_at, disabled_at FROM distribution_webhook
				WHERE org_id = :org ORDER BY created_at, id LIMIT :limit OFFSET :offset""")
			.param("org", access.orgId().value())
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query(HOOK)
			.list();
		return paging.of(hooks, total);
	}

	/** One hook of the organization (administrators); 404 otherwise. */
	@Transactional(readOnly = true)
	public Hook hook(OrgAccess access, String id) {
		access.require(Role.ADMIN);
		UUID uuid = uuid(id);
		return jdbc.sql("SELECT id, url, events, active, failures, created_at, disabled_at FROM distribution_webhook WHERE id = ? AND org_id = ?")
			.params(uuid, access.orgId().value())
			.query(HOOK)
			.optional()
			.orElseThrow(ProblemException::notFound);
	}

	/** Removes a hook and its delivery log. */
	@Transactional
	public void remove(OrgAccess access, String id) {
		Hook hook = hook(access, id);
		jdbc.sql("DELETE FROM distribution_delivery WHERE webhook_id = ? AND org_id = ?").params(hook.id(), access.orgId().value()).update();
		jdbc.sql("DELETE FROM distribution_webhook WHERE id = ? AND org_id = ?").params(hook.id(), access.orgId().value()).update();
		audit.record(access.orgId(), "webhook.removed", "webhook", hook.id().toString(), URI.create(hook.url()).getHost());
	}

	/** Switches a hook on again after it was switched off; its failures start from zero. */
	@Transactional
	public Hook enable(OrgAccess access, String id) {
		Hook hook = hook(access, id);
		jdbc.sql("UPDATE distribution_webhook SET active = TRUE, failures = 0, disabled_at = NULL WHERE id = ? AND org_id = ?")
			.params(hook.id(), access.orgId().value())
			.update();
		audit.record(access.orgId(), "webhook.enabled", "webhook", hook.id().toString(), URI.create(hook.url()).getHost());
		return hook(access, id);
	}

	@Transactional(readOnly = true)
	public Page<Delivery> deliveries(OrgAccess access, String id, Paging paging) {
		Hook hook = hook(access, id);
		long total = jdbc.sql("SELECT COUNT(*) FROM distribution_delivery WHERE webhook_id = ? AND org_id = ?")
			.params(hook.id(), access.orgId().value())
			.query(Long.class).single();
		List<Delivery> list = jdbc.sql("""
				SELECT id, event_kind, status, attempts, response_code, last_error, created_at, finished_at, next_at
				FROM distribution_delivery WHERE webhook_id = :hook AND org_id = :org
				ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
			.param("hook", hook.id())
			.param("org", access.orgId().value())
			.param("limit", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new Delivery(Sql.uuid(rs, "id"), rs.getString("event_kind"), rs.getString("status"),
					rs.getInt("attempts"), (Integer) rs.getObject("response_code"), rs.getString("last_error"),
					Sql.instant(rs, "created_at"), Sql.instant(rs, "finished_at"), Sql.instant(rs, "next_at")))
			.list();
		return paging.of(list, total);
	}

	/**
	 * Queues the occurrence for every active hook of its organization that wants its kind, if the record is
	 * one the hook's maker may see (a hook never carries what its maker could not read).
	 */
	@Transactional
	public void enqueue(Occurrence occurrence) {
		String event = occurrence.kind().event();
		List<Map<String, Object>> hooks = jdbc.sql("SELECT id, events, created_by FROM distribution_webhook WHERE org_id = ? AND active = TRUE")
			.param(occurrence.org().value())
			.query((rs, n) -> Map.<String, Object>of("id", Sql.uuid(rs, "id"), "events", rs.getString("events"), "by",
					Sql.uuid(rs, "created_by")))
			.list();
		String slug = organizations.slug(occurrence.org()).orElse(null);
		if (slug == null) {
			return;
		}
		for (Map<String, Object> hook : hooks) {
			if (!Arrays.asList(((String) hook.get("events")).split(",")).contains(event)) {
				continue;
			}
			Optional<RecordRef> ref = records.find(occurrence.org().value(), occurrence.recordType(),
					occurrence.recordId(), (UUID) hook.get("by"));
			if (ref.isEmpty()) {
				continue;
			}
			UUID hookId = (UUID) hook.get("id");
			Integer exists = jdbc.sql("SELECT COUNT(*) FROM distribution_delivery WHERE webhook_id = ? AND event_key = ?")
				.params(hookId, occurrence.key())
				.query(Integer.class)
				.single();
			if (exists > 0) {
				continue;
			}
			UUID id = UUID.randomUUID();
			Instant now = clock.instant();
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("type", ref.get().type());
			record.put("id", ref.get().id());
			record.put("title", ref.get().title());
			record.put("url", baseUrl + "/o/" + slug + "/" + ref.get().path());
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("id", id.toString());
			payload.put("event", event);
			payload.put("organization", slug);
			payload.put("occurredAt", now.toString());
			payload.put("record", record);
			payload.put("actor", occurrence.actor() == null ? null : occurrence.actor().toString());
			payload.put("note", occurrence.note());
			String body = Notifier.cut(JSON.writeValueAsString(payload), 20000);
			jdbc.sql("""
					INSERT INTO distribution_delivery (id, org_id, webhook_id, event_kind, event_key, payload, status, attempts,
					  next_at, created_at)
					VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
				.params(id, occurrence.org().value(), hookId, event, occurrence.key(), body, Sql.utc(now), Sql.utc(now))
				.update();
		}
	}

	/** The signature of a body: {@code sha256=} and the hex HMAC-SHA256 of the body with the secret. */
	public static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	private record Due(UUID id, UUID org, UUID hook, String url, String secret, String event, String payload,
			int attempts) {
	}

	/** Sends the deliveries that are due, in the background. */
	@Scheduled(fixedDelayString = "${tacit.distribution.queue-interval:PT5S}", initialDelayString = "${tacit.distribution.queue-interval:PT5S}")
	public void sendDue() {
		List<Due> due = jdbc.sql("""
				SELECT d.id, d.org_id, d.webhook_id, w.url, w.secret, d.event_kind, d.payload, d.attempts
				FROM distribution_delivery d JOIN distribution_webhook w ON w.id = d.webhook_id AND w.org_id = d.org_id
				WHERE d.status = 'PENDING' AND d.next_at <= ? AND w.active = TRUE ORDER BY d.next_at, d.id LIMIT
				""" + BATCH)
			.param(Sql.utc(clock.instant()))
			.query((rs, n) -> new Due(Sql.uuid(rs, "id"), Sql.uuid(rs, "org_id"), Sql.uuid(rs, "webhook_id"),
					rs.getString("url"), rs.getString("secret"), rs.getString("event_kind"), rs.getString("payload"),
					rs.getInt("attempts")))
			.list();
		for (Due delivery : due) {
			send(delivery);
		}
	}

	private void send(Due delivery) {
		byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(SIGNATURE, sign(delivery.secret(), body));
		headers.put(EVENT, delivery.event());
		headers.put(DELIVERY, delivery.id().toString());
		headers.put("User-Agent", "Tacit-Webhooks/1");
		Integer code = null;
		String error = null;
		try {
			OutboundHttp.Response response = http.post(URI.create(delivery.url()), headers, body, "application/json");
			code = response.status();
			if (code >= 200 && code < 300) {
				jdbc.sql("UPDATE distribution_delivery SET status = 'DELIVERED', attempts = attempts + 1, response_code = ?, last_error = NULL, finished_at = ?, next_at = NULL WHERE id = ?")
					.params(code, Sql.utc(clock.instant()), delivery.id())
					.update();
				jdbc.sql("UPDATE distribution_webhook SET failures = 0 WHERE id = ?").param(delivery.hook()).update();
				return;
			}
			error = "HTTP " + code;
		}
		catch (RuntimeException e) {
			error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		}
		failed(delivery, code, error);
	}

	private void failed(Due delivery, Integer code, String error) {
		int attempts = delivery.attempts() + 1;
		boolean last = attempts >= ATTEMPTS_MAX;
		Instant now = clock.instant();
		log.info("Webhook delivery {} failed (try {}): {}", delivery.id(), attempts, error);
		jdbc.sql("UPDATE distribution_delivery SET status = ?, attempts = ?, response_code = ?, last_error = ?, next_at = ?, finished_at = ? WHERE id = ?")
			.params(last ? "FAILED" : "PENDING", attempts, code, Notifier.cut(error, 1000),
					last ? null : Sql.utc(now.plus(MailQueue.pause(retryBase, attempts))), last ? Sql.utc(now) : null,
					delivery.id())
			.update();
		jdbc.sql("UPDATE distribution_webhook SET failures = failures + 1 WHERE id = ?").param(delivery.hook()).update();
		int failures = jdbc.sql("SELECT failures FROM distribution_webhook WHERE id = ?").param(delivery.hook())
			.query(Integer.class).single();
		if (failures >= disableAfter) {
			int changed = jdbc.sql("UPDATE distribution_webhook SET active = FALSE, disabled_at = ? WHERE id = ? AND active = TRUE")
				.params(Sql.utc(now), delivery.hook())
				.update();
			if (changed > 0) {
				audit.record(new org.tacit.organizations.OrgId(delivery.org()), "webhook.disabled", "webhook",
						delivery.hook().toString(), failures + " failures in a row");
			}
		}
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id == null ? "" : id);
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.notFound();
		}
	}

	static List<String> split(String text) {
		return text == null || text.isBlank() ? List.of() : new ArrayList<>(Arrays.asList(text.split("[,\\s]+")));
	}
}
