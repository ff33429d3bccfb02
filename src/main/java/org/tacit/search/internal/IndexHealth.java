package org.tacit.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Reported by /actuator/health as "index": up when the search index is open and its folder writable. */
@Component("index")
class IndexHealth implements HealthIndicator {

	private final LuceneIndex index;

	IndexHealth(LuceneIndex index) {
		this.index = index;
	}

	@Override
	public Health health() {
		try {
			boolean up = index.writable();
			Health.Builder health = up ? Health.up().withDetail("documents", index.documents()) : Health.down();
			return health.withDetail("path", index.path().toString()).build();
		}
		catch (RuntimeException e) {
			return Health.down(e).withDetail("path", index.path().toString()).build();
		}
	}
}
