package org.tacit.shared;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module may inject. */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	/** One clock for the application, so tests can reason about time without sleeping. */
	@Bean
	Clock clock() {
		// microseconds: what both databases store, so a value read back equals the value written
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}
}
