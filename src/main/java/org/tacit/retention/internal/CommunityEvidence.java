package org.tacit.retention.internal;

import java.util.Set;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.communities.AnswerAccepted;
import org.tacit.communities.CommunitiesOfPractice;
import org.tacit.communities.CommunityRoleAssigned;
import org.tacit.organizations.OrgId;

/**
 * Expertise that communities show, in communities the whole organization sees: holding a role in a
 * community's charter (its domain), and having one's answer accepted (the question's tags and the
 * domain). A charter change derives the community's roles again, so a replaced leader stops counting;
 * a newly accepted answer replaces the question's earlier one.
 */
@Component
class CommunityEvidence {

	static final String COMMUNITY = "community";
	static final String QUESTION = "question";

	private final CommunitiesOfPractice communities;
	private final ExpertiseEvidence evidence;

	CommunityEvidence(CommunitiesOfPractice communities, ExpertiseEvidence evidence) {
		this.communities = communities;
		this.evidence = evidence;
	}

	@ApplicationModuleListener
	void on(CommunityRoleAssigned event) {
		evidence.forget(event.org(), COMMUNITY, event.community().toString());
		communities.roleHolders(event.org(), event.community())
			.stream()
			.filter(holder -> !holder.membersOnly())
			.forEach(holder -> evidence.record(event.org(), role(holder)));
	}

	@ApplicationModuleListener
	void on(AnswerAccepted event) {
		evidence.forget(event.org(), QUESTION, event.question().value().toString());
		communities.acceptedAnswer(event.org(), event.question())
			.filter(credit -> !credit.membersOnly())
			.ifPresent(credit -> evidence.record(event.org(), answer(credit)));
	}

	private static Evidence role(CommunitiesOfPractice.RoleHolder holder) {
		return new Evidence(holder.person(), EvidenceKind.COMMUNITY_ROLE, COMMUNITY, holder.community().toString(),
				holder.domain(), holder.since());
	}

	private static Evidence answer(CommunitiesOfPractice.Credit credit) {
		return new Evidence(credit.person(), EvidenceKind.ANSWER_ACCEPTED, QUESTION, credit.record().toString(),
				credit.tags(), credit.at());
	}

	/** The charter roles, for a rebuild. */
	@Component
	static class Roles implements EvidenceSource {

		private final CommunitiesOfPractice communities;

		Roles(CommunitiesOfPractice communities) {
			this.communities = communities;
		}

		@Override
		public String recordType() {
			return COMMUNITY;
		}

		@Override
		public Set<EvidenceKind> kinds() {
			return Set.of(EvidenceKind.COMMUNITY_ROLE);
		}

		@Override
		public void forEach(OrgId org, Consumer<Evidence> sink) {
			communities.roleHolders(org, null)
				.stream()
				.filter(holder -> !holder.membersOnly())
				.forEach(holder -> sink.accept(role(holder)));
		}
	}

	/** The accepted answers, for a rebuild. */
	@Component
	static class Answers implements EvidenceSource {

		private final CommunitiesOfPractice communities;

		Answers(CommunitiesOfPractice communities) {
			this.communities = communities;
		}

		@Override
		public String recordType() {
			return QUESTION;
		}

		@Override
		public Set<EvidenceKind> kinds() {
			return Set.of(EvidenceKind.ANSWER_ACCEPTED);
		}

		@Override
		public void forEach(OrgId org, Consumer<Evidence> sink) {
			communities.acceptedAnswers(org)
				.stream()
				.filter(credit -> !credit.membersOnly())
				.forEach(credit -> sink.accept(answer(credit)));
		}
	}
}
