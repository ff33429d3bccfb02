package org.tacit.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reported by /actuator/health as "vectors": whether semantic search runs, how far the embedding queue
 * is, and why not when the model is missing or failed. Always up: without vectors, search works on words
 * alone, so a failed model is a warning (a detail), not a reason to take Tacit out of service.
 */
@Component("vectors")
class VectorHealth implements HealthIndicator {

	private final VectorIndex vectors;
	private final Embeddings embeddings;

	VectorHealth(VectorIndex vectors, Embeddings embeddings) {
		this.vectors = vectors;
		this.embeddings = embeddings;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up()
			.withDetail("enabled", embeddings.enabled())
			.withDetail("available", vectors.available());
		if (!embeddings.enabled()) {
			return health.withDetail("mode", "keyword: semantic search is switched off (tacit.search.vectors.enabled)")
				.build();
		}
		health.withDetail("model", embeddings.modelName())
			.withDetail("pending", vectors.pending())
			.withDetail("passages", vectors.passages())
			.withDetail("embedded", vectors.embedded())
			.withDetail("path", vectors.path().toString());
		if (embeddings.failure() != null) {
			health.withDetail("warning", "Search falls back to keywords: " + embeddings.failure());
		}
		return health.build();
	}
}
