package org.tacit.competencies.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tacit.competencies.Competencies.Need;
import org.tacit.competencies.EvidenceSource.Evidence;
import org.tacit.competencies.internal.Assessment;
import org.tacit.competencies.internal.Cycle;
import org.tacit.competencies.internal.Framework;
import org.tacit.competencies.internal.TrainingNeeds;
import org.tacit.organizations.PersonId;

/** The JSON shapes of the competencies API; field names as docs/competencies.md gives them. */
final class Views {

	private Views() {
	}

	static UUID uuid(PersonId person) {
		return person == null ? null : person.value();
	}

	record FrameworkView(UUID id, String name, String description, boolean builtIn, UUID copiedFrom,
			List<Framework.Level> levels, List<Framework.Profile> profiles, List<Framework.Competency> competencies,
			Instant updatedAt) {

		static FrameworkView of(Framework f) {
			return new FrameworkView(f.id(), f.name(), f.description(), f.builtIn(), f.copiedFrom(), f.levels(),
					f.profiles(), f.competencies(), f.updatedAt());
		}
	}

	record CycleView(UUID id, String name, UUID framework, String frameworkName, LocalDate opens, LocalDate closes,
			Instant createdAt) {

		static CycleView of(Cycle c) {
			return new CycleView(c.id(), c.name(), c.frameworkId(), c.frameworkName(), c.opensOn(), c.closesOn(),
					c.createdAt());
		}
	}

	record RatingView(int level, String levelName, String evidence, UUID by, Instant at) {

		static RatingView of(Assessment.Rating r, Framework f) {
			return r == null ? null : new RatingView(r.level(), f.levelName(r.level()), r.evidence(), uuid(r.by()), r.at());
		}
	}

	record CompetencyRow(String code, String name, int required, RatingView self, RatingView manager, int assessed,
			int gap, List<String> evidenceKinds, List<Evidence> suggestions) {
	}

	record AssessmentView(UUID id, UUID cycle, String cycleName, UUID framework, UUID person, String personName,
			UUID manager, String managerName, String profile, String status, Instant createdAt, Instant selfAssessedAt,
			Instant managerAssessedAt, Instant signedOffAt, UUID signedOffBy, List<CompetencyRow> competencies,
			List<Need> needs) {

		static AssessmentView of(Assessment a, Framework f, Map<String, List<Evidence>> suggestions) {
			List<CompetencyRow> rows = new ArrayList<>();
			for (Framework.Competency c : f.competenciesFor(a.profile())) {
				int required = c.requiredFor(a.profile());
				int assessed = a.assessed(c.code());
				rows.add(new CompetencyRow(c.code(), c.name(), required, RatingView.of(a.self().get(c.code()), f),
						RatingView.of(a.byManager().get(c.code()), f), assessed,
						assessed > 0 && required > assessed ? required - assessed : 0, c.evidenceKinds(),
						suggestions == null ? null : suggestions.getOrDefault(c.code(), List.of())));
			}
			return new AssessmentView(a.id(), a.cycle().id(), a.cycle().name(), f.id(), uuid(a.person()), a.personName(),
					uuid(a.manager()), a.managerName(), a.profile(), a.status().name(), a.createdAt(), a.selfAt(),
					a.managerAt(), a.signedOffAt(), uuid(a.signedOffBy()), rows, TrainingNeeds.needs(a, f));
		}
	}

	record NeedView(String code, String name, int required, int assessed, int gap, String training) {

		static NeedView of(Need n, String slug) {
			return new NeedView(n.code(), n.name(), n.required(), n.assessed(), n.gap(),
					"/o/" + slug + "/training/courses?competency=" + n.code());
		}
	}

	record GroupView(String key, String label, int people, int peopleWithNeeds, int needs,
			List<TrainingNeeds.CompetencyGap> competencies, List<NeedView> personNeeds) {

		static GroupView of(TrainingNeeds.Group g, String slug) {
			return new GroupView(g.key(), g.label(), g.people(), g.peopleWithNeeds(), g.needs(), g.competencies(),
					g.personNeeds().stream().map(n -> NeedView.of(n, slug)).toList());
		}
	}
}
