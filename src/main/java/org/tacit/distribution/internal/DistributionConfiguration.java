package org.tacit.distribution.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tacit.shared.OutboundHttp;

/** The outbound client of webhooks, with the hosts the operator allowed to be internal. */
@Configuration(proxyBeanMethods = false)
class DistributionConfiguration {

	/** The guarded client and the hosts it lets through although they are internal. */
	record WebhookClient(OutboundHttp http, Set<String> allowedHosts) {
	}

	@Bean(destroyMethod = "")
	WebhookClient webhookClient(@Value("${tacit.distribution.webhooks.allowed-hosts:}") String allowed,
			@Value("${tacit.distribution.webhooks.timeout:PT10S}") Duration timeout) {
		Set<String> hosts = Arrays.stream(allowed.split(","))
			.map(h -> h.strip().toLowerCase(Locale.ROOT))
			.filter(h -> !h.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
		OutboundHttp http = new OutboundHttp(OutboundHttp.Resolver.SYSTEM,
				new OutboundHttp.Limits(Duration.ofSeconds(5).compareTo(timeout) < 0 ? Duration.ofSeconds(5) : timeout,
						timeout, 64 * 1024, 0),
				hosts);
		return new WebhookClient(http, hosts);
	}
}
