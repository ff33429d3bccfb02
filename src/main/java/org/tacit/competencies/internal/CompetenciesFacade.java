package org.tacit.competencies.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.competencies.Competencies;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;

/** The competencies facade for other modules ({@link Competencies}). */
@Service
class CompetenciesFacade implements Competencies {

	private final FrameworkService frameworks;
	private final AssessmentService assessments;
	private final TrainingNeeds needs;

	CompetenciesFacade(FrameworkService frameworks, AssessmentService assessments, TrainingNeeds needs) {
		this.frameworks = frameworks;
		this.assessments = assessments;
		this.needs = needs;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasCompetency(OrgId org, String code) {
		if (code == null || code.isBlank()) {
			return false;
		}
		return frameworks.all(org).stream().anyMatch(f -> f.competency(code.strip()).isPresent());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Need> needsOf(OrgId org, PersonId person) {
		return needs.of(org, person);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AssessmentSummary> latestAssessment(OrgId org, PersonId person) {
		return assessments.latestOf(org, person).flatMap(id -> assessments.load(org, id)).map(a -> {
			Framework framework = frameworks.find(org, a.cycle().frameworkId()).orElseThrow();
			return new AssessmentSummary(a.id(), a.cycle().name(), a.status().name(),
					TrainingNeeds.needs(a, framework).size());
		});
	}

	@Override
	@Transactional(readOnly = true)
	public Figures figures(OrgId org, Instant from, Instant to) {
		long[] counts = assessments.counts(org, from, to);
		List<TrainingNeeds.PersonNeeds> everyone = needs.everyone(org);
		long people = everyone.stream().filter(p -> !p.needs().isEmpty()).count();
		long open = everyone.stream().mapToLong(p -> p.needs().size()).sum();
		return new Figures(counts[0], counts[1], people, open);
	}
}
