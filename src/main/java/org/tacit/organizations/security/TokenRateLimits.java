package org.tacit.organizations.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How fast API tokens may be used: each token may make {@code requestsPerMinute} requests (a bucket of
 * that many, refilled evenly over a minute), and each client address may present
 * {@code failuresPerMinute} tokens that do not work, after which its token requests are refused until
 * the bucket refills, whatever token they carry. The first stops a runaway script; the second makes
 * guessing tokens (already hopeless against 256 random bits) visibly refused. Counts are kept in
 * memory, per server.
 */
@Component
class TokenRateLimits {

	/** Buckets that are full again are forgotten once this many are kept, so memory stays bounded. */
	private static final int TIDY_ABOVE = 10_000;

	private final Clock clock;
	private final int requestsPerMinute;
	private final int failuresPerMinute;
	private final Map<String, Bucket> tokens = new ConcurrentHashMap<>();
	private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

	TokenRateLimits(Clock clock, @Value("${tacit.api.rate-limit.requests-per-minute:600}") int requestsPerMinute,
			@Value("${tacit.api.rate-limit.failures-per-minute:60}") int failuresPerMinute) {
		if (requestsPerMinute < 1 || failuresPerMinute < 1) {
			throw new IllegalArgumentException("The API rate limits must be at least 1 per minute");
		}
		this.clock = clock;
		this.requestsPerMinute = requestsPerMinute;
		this.failuresPerMinute = failuresPerMinute;
	}

	/** How long the address must wait because of the tokens that did not work; empty if it need not. */
	Optional<Duration> blockedAddress(String address) {
		Bucket bucket = failures.get(address);
		return bucket == null ? Optional.empty() : bucket.waitFor(clock.millis());
	}

	/** Counts a token that did not work, presented from this address. */
	void failed(String address) {
		tidy(failures);
		failures.computeIfAbsent(address, a -> new Bucket(failuresPerMinute, clock.millis())).take(clock.millis());
	}

	/** Takes one request of the token's allowance; the wait if none is left. */
	Optional<Duration> use(String token) {
		tidy(tokens);
		Bucket bucket = tokens.computeIfAbsent(sha256(token), t -> new Bucket(requestsPerMinute, clock.millis()));
		return bucket.take(clock.millis()) ? Optional.empty() : bucket.waitFor(clock.millis());
	}

	private void tidy(Map<String, Bucket> buckets) {
		if (buckets.size() > TIDY_ABOVE) {
			long now = clock.millis();
			buckets.values().removeIf(bucket -> bucket.full(now));
		}
	}

	/** Memory never holds a usable token, only its hash. */
	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}

	/** A token bucket: {@code capacity} requests, refilled at capacity per minute. */
	private static final class Bucket {

		private final int capacity;
		private double available;
		private long updated;

		Bucket(int capacity, long now) {
			this.capacity = capacity;
			this.available = capacity;
			this.updated = now;
		}

		private void refill(long now) {
			if (now > updated) {
				available = Math.min(capacity, available + (now - updated) * capacity / 60_000.0);
				updated = now;
			}
		}

		synchronized boolean take(long now) {
			refill(now);
			if (available >= 1) {
				available -= 1;
				return true;
			}
			return false;
		}

		synchronized Optional<Duration> waitFor(long now) {
			refill(now);
			if (available >= 1) {
				return Optional.empty();
			}
			long millis = (long) Math.ceil((1 - available) * 60_000.0 / capacity);
			return Optional.of(Duration.ofMillis(Math.max(1, millis)));
		}

		synchronized boolean full(long now) {
			refill(now);
			return available >= capacity;
		}
	}
}
