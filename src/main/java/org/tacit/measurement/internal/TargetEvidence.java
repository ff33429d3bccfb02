package org.tacit.measurement.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.tacit.competencies.EvidenceSource;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;
import org.tacit.shared.Texts;

/**
 * Evidence {@code targets-set} for competency assessments: the measurement targets a person set (last
 * changed) in the period, which shows them developing KM measurements.
 */
@Component
class TargetEvidence implements EvidenceSource {

	static final String KIND = "targets-set";

	private final TargetService targets;
	private final Organizations organizations;
	private final Texts texts;

	TargetEvidence(TargetService targets, Organizations organizations, Texts texts) {
		this.targets = targets;
		this.organizations = organizations;
		this.texts = texts;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(KIND);
	}

	@Override
	public List<Evidence> find(OrgId org, PersonId person, String kind, Instant from, Instant to) {
		if (!KIND.equals(kind)) {
			return List.of();
		}
		String slug = organizations.slug(org).orElse("");
		return targets.all(org).values().stream()
			.filter(t -> person.equals(t.setBy()) && t.setAt() != null && !t.setAt().isBefore(from) && t.setAt().isBefore(to))
			.sorted(Comparator.comparing(Target::setAt).reversed())
			.limit(LIMIT)
			.map(t -> new Evidence(KIND, texts.get("competencies.evidence.target", texts.get("measurement.metric." + t.metric().key())),
					"/o/" + slug + "/measurement/metrics/" + t.metric().key(), t.setAt()))
			.toList();
	}
}
