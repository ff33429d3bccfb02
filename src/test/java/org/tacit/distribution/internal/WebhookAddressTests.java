package org.tacit.distribution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tacit.shared.OutboundHttp;
import org.tacit.shared.ProblemException;

/**
 * Webhook addresses are checked when they are registered, with a stubbed resolver (no lookup leaves the
 * machine): names that resolve to internal addresses are refused as well as internal address literals,
 * and only HTTPS is accepted except for a host the operator allowed.
 */
class WebhookAddressTests {

	private final AtomicInteger lookups = new AtomicInteger();
	private final Map<String, List<InetAddress>> names = Map.of(
			"hooks.example", List.of(InetAddress.ofLiteral("93.184.216.34")),
			"internal.example", List.of(InetAddress.ofLiteral("10.0.0.5")),
			"metadata.example", List.of(InetAddress.ofLiteral("169.254.169.254")),
			"sneaky.example", List.of(InetAddress.ofLiteral("93.184.216.34"), InetAddress.ofLiteral("127.0.0.1")),
			"receiver.internal", List.of(InetAddress.ofLiteral("10.1.2.3")));
	private final OutboundHttp http = new OutboundHttp(host -> {
		lookups.incrementAndGet();
		List<InetAddress> found = names.get(host);
		if (found == null) {
			throw new UnknownHostException(host);
		}
		return found;
	}, OutboundHttp.Limits.DEFAULT, Set.of("receiver.internal"));

	@AfterEach
	void close() {
		http.close();
	}

	@Test
	void aPublicHttpsAddressIsAccepted() {
		assertThat(Webhooks.checkedUrl("https://hooks.example/tacit", http, Set.of("receiver.internal")).getHost())
			.isEqualTo("hooks.example");
		assertThat(lookups).hasValue(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://internal.example/hook", "https://metadata.example/latest/meta-data/",
			"https://sneaky.example/", "https://unknown.example/", "https://127.0.0.1/", "https://10.0.0.1/",
			"https://169.254.169.254/", "https://[::1]/", "https://[fd00:ec2::254]/", "https://2130706433/" })
	void internalAddressesAreRefusedOnTheUrlField(String url) {
		assertThatThrownBy(() -> Webhooks.checkedUrl(url, http, Set.of("receiver.internal")))
			.isInstanceOfSatisfying(ProblemException.class, e -> {
				assertThat(e.status().value()).isEqualTo(400);
				assertThat(e.fields()).singleElement().satisfies(f -> {
					assertThat(f.field()).isEqualTo("url");
					assertThat(f.messageKey()).isEqualTo("distribution.webhook.url.refused");
				});
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://hooks.example/", "ftp://hooks.example/", "hooks.example/hook", "", "https:///x" })
	void onlyHttpsIsAccepted(String url) {
		assertThatThrownBy(() -> Webhooks.checkedUrl(url, http, Set.of("receiver.internal")))
			.isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fields().get(0).field()).isEqualTo("url"));
		assertThat(lookups).as("refused before any lookup").hasValue(0);
	}

	@Test
	void aHostTheOperatorAllowedMayBeInternalAndPlainHttp() {
		assertThat(Webhooks.checkedUrl("http://receiver.internal:8080/hook", http, Set.of("receiver.internal")).getPort())
			.isEqualTo(8080);
		assertThatThrownBy(() -> Webhooks.checkedUrl("http://receiver.internal/hook", http, Set.of()))
			.isInstanceOf(ProblemException.class);
	}

	@Test
	void theSignatureIsTheHexHmacSha256OfTheBody() {
		// RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
		assertThat(Webhooks.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	}

	@Test
	void retriesWaitLongerEachTimeUpToAnHour() {
		java.time.Duration base = java.time.Duration.ofSeconds(30);
		assertThat(MailQueue.pause(base, 1)).isEqualTo(java.time.Duration.ofSeconds(30));
		assertThat(MailQueue.pause(base, 2)).isEqualTo(java.time.Duration.ofSeconds(60));
		assertThat(MailQueue.pause(base, 3)).isEqualTo(java.time.Duration.ofSeconds(120));
		assertThat(MailQueue.pause(base, 40)).isEqualTo(java.time.Duration.ofHours(1));
	}
}
