package org.tacit.retention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tacit.organizations.PersonId;
import org.tacit.retention.RiskBand;
import org.tacit.retention.internal.ExpertFinder;
import org.tacit.retention.internal.Plan;
import org.tacit.retention.internal.Profile;
import org.tacit.retention.internal.Risk;

/** The JSON shapes of the retention API; field names as docs/api.md gives them. */
final class Views {

	private Views() {
	}

	static UUID uuid(PersonId person) {
		return person == null ? null : person.value();
	}

	record AreaView(String tag, int level) {

		static AreaView of(Profile.Area area) {
			return area == null ? null : new AreaView(area.tag(), area.level());
		}
	}

	record ProofView(String kind, String type, String id, String title, String path, Instant at) {

		static ProofView of(Profile.Proof proof) {
			return new ProofView(proof.kind().name(), proof.type(), proof.id(), proof.title(), proof.path(), proof.at());
		}
	}

	record DerivedView(String tag, int score, List<ProofView> evidence, int hidden) {

		static DerivedView of(Profile.DerivedArea area) {
			return new DerivedView(area.tag(), area.score(), area.evidence().stream().map(ProofView::of).toList(),
					area.hidden());
		}
	}

	record ExpertiseView(UUID person, String name, List<AreaView> areas, String askMeAbout, List<String> languages,
			String location, Instant updatedAt, List<DerivedView> derived) {

		static ExpertiseView of(Profile profile) {
			return new ExpertiseView(profile.person().value(), profile.member().name(),
					profile.areas().stream().map(AreaView::of).toList(), profile.askMeAbout(), profile.languages(),
					profile.location(), profile.updatedAt(), profile.derived().stream().map(DerivedView::of).toList());
		}
	}

	record ExpertView(UUID person, String name, double score, AreaView declared, String askMeAbout,
			double derivedScore, List<ProofView> evidence, int otherEvidence, String path) {

		static ExpertView of(ExpertFinder.Expert expert) {
			return new ExpertView(expert.person().value(), expert.name(), expert.score(), AreaView.of(expert.declared()),
					expert.askMeAbout(), expert.derivedScore(), expert.evidence().stream().map(ProofView::of).toList(),
					expert.otherEvidence(), "people/" + expert.person());
		}
	}

	record KnowledgeAreaView(String description, List<String> tags) {
	}

	record DepartureView(Risk.DepartureType type, LocalDate date, String reason) {
	}

	record PlanRefView(UUID id, Plan.Status status) {
	}

	record RiskView(UUID id, UUID person, String personName, String position, List<KnowledgeAreaView> knowledgeAreas,
			DepartureView departure, int attritionRisk, int positionRisk, Integer criticality, Integer uniqueness,
			Integer documentationGap, int total, RiskBand band, Risk.Status status, String notes, PlanRefView plan,
			Instant createdAt, Instant updatedAt) {

		static RiskView of(Risk risk) {
			return new RiskView(risk.id().value(), uuid(risk.person()), risk.personName(), risk.position(),
					risk.areas().stream().map(a -> new KnowledgeAreaView(a.description(), a.tags())).toList(),
					new DepartureView(risk.departure().type(), risk.departure().date(), risk.departure().reason()),
					risk.attritionRisk(), risk.positionRisk(), risk.criticality(), risk.uniqueness(),
					risk.documentationGap(), risk.total(), risk.band(), risk.status(), risk.notes(),
					risk.plan() == null ? null : new PlanRefView(risk.plan().id().value(), risk.plan().status()),
					risk.createdAt(), risk.updatedAt());
		}
	}

	record PersonView(UUID id, String name) {
	}

	record TaskView(UUID id, String title, Plan.Method method, PersonView owner, LocalDate dueDate, boolean done,
			Instant doneAt) {

		static TaskView of(Plan.Task task) {
			return new TaskView(task.id().value(), task.title(), task.method(),
					new PersonView(task.owner().value(), task.ownerName()), task.dueDate(), task.done(), task.doneAt());
		}
	}

	record OutputView(UUID id, String type, String recordId, String title, String path, Instant addedAt) {

		static OutputView of(Plan.Output output) {
			return new OutputView(output.id(), output.type(), output.recordId(), output.title(), output.path(),
					output.addedAt());
		}
	}

	record PlanView(UUID id, UUID risk, UUID person, String subject, List<KnowledgeAreaView> knowledgeAreas,
			Plan.Status status, List<Plan.Method> methods, List<PersonView> successors, LocalDate dueDate, String notes,
			List<TaskView> tasks, List<OutputView> outputs, boolean behindSchedule, Instant createdAt,
			Instant updatedAt) {

		static PlanView of(Plan plan) {
			return new PlanView(plan.id().value(), plan.risk().value(), uuid(plan.person()), plan.subject(),
					plan.areas().stream().map(a -> new KnowledgeAreaView(a.description(), a.tags())).toList(),
					plan.status(), plan.methods(),
					plan.successors().stream().map(s -> new PersonView(s.id().value(), s.name())).toList(),
					plan.dueDate(), plan.notes(), plan.tasks().stream().map(TaskView::of).toList(),
					plan.outputs().stream().map(OutputView::of).toList(), plan.behindSchedule(), plan.createdAt(),
					plan.updatedAt());
		}
	}
}
