package org.tacit.competencies.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.tacit.competencies.EvidenceSource;
import org.tacit.competencies.EvidenceSource.Evidence;
import org.tacit.organizations.OrgId;

/**
 * Evidence the platform suggests for an assessment: for each competency, what every source that knows
 * one of the competency's evidence kinds finds for the person within the cycle's dates.
 */
@Service
public class Suggestions {

	private final List<EvidenceSource> sources;

	Suggestions(List<EvidenceSource> sources) {
		this.sources = List.copyOf(sources);
	}

	/** Every kind some source knows, sorted. */
	public List<String> kinds() {
		TreeSet<String> kinds = new TreeSet<>();
		sources.forEach(s -> kinds.addAll(s.kinds()));
		return List.copyOf(kinds);
	}

	/** Suggestions by competency code, newest first within each (competencies without kinds are left out). */
	public Map<String, List<Evidence>> of(OrgId org, Assessment assessment, Framework framework) {
		Map<String, List<Evidence>> found = new LinkedHashMap<>();
		Map<String, List<Evidence>> byKind = new LinkedHashMap<>();
		for (Framework.Competency c : framework.competenciesFor(assessment.profile())) {
			List<Evidence> evidence = new ArrayList<>();
			for (String kind : c.evidenceKinds()) {
				evidence.addAll(byKind.computeIfAbsent(kind, k -> find(org, assessment, k)));
			}
			if (!c.evidenceKinds().isEmpty()) {
				evidence.sort(Comparator.comparing(Evidence::at, Comparator.nullsLast(Comparator.reverseOrder())));
				found.put(c.code(), List.copyOf(evidence));
			}
		}
		return found;
	}

	private List<Evidence> find(OrgId org, Assessment assessment, String kind) {
		List<Evidence> evidence = new ArrayList<>();
		for (EvidenceSource source : sources) {
			if (source.kinds().contains(kind)) {
				List<Evidence> some = source.find(org, assessment.person(),
						kind, assessment.cycle().from(), assessment.cycle().to());
				evidence.addAll(some.subList(0, Math.min(some.size(), EvidenceSource.LIMIT)));
			}
		}
		return evidence;
	}
}
