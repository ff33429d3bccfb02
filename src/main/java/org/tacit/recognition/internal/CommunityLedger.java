package org.tacit.recognition.internal;

import java.util.Set;
import java.util.function.Consumer;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tacit.communities.AnswerAccepted;
import org.tacit.communities.CommunitiesOfPractice;
import org.tacit.communities.CommunityRoleAssigned;
import org.tacit.organizations.OrgId;

/**
 * The communities' credits: accepted answers (members-only communities' too: a record shows the
 * question's title only to those who may see it, as it does for a members-only space's items) and the
 * roles of each charter (with the role as detail).
 */
@Component
class CommunityLedger implements LedgerSource {

	static final String QUESTION = "question";
	static final String COMMUNITY = "community";

	private final CommunitiesOfPractice communities;
	private final Ledger ledger;

	CommunityLedger(CommunitiesOfPractice communities, Ledger ledger) {
		this.communities = communities;
		this.ledger = ledger;
	}

	@ApplicationModuleListener
	void on(AnswerAccepted event) {
		communities.acceptedAnswer(event.org(), event.question())
			.ifPresent(credit -> ledger.append(event.org(), java.util.List.of(answer(credit))));
	}

	@ApplicationModuleListener
	void on(CommunityRoleAssigned event) {
		ledger.append(event.org(),
				communities.roleHolders(event.org(), event.community()).stream().map(CommunityLedger::role).toList());
	}

	private static Entry answer(CommunitiesOfPractice.Credit credit) {
		String question = credit.record().toString();
		return new Entry(credit.person(), EntryKind.ANSWER_ACCEPTED, QUESTION, question, null, null, credit.at(),
				"answer:" + question + ":" + credit.person());
	}

	private static Entry role(CommunitiesOfPractice.RoleHolder holder) {
		String community = holder.community().toString();
		return new Entry(holder.person(), EntryKind.COMMUNITY_ROLE, COMMUNITY, community, null, holder.role().name(),
				holder.since(), "role:" + community + ":" + holder.person() + ":" + holder.role());
	}

	@Override
	public Set<EntryKind> kinds() {
		return Set.of(EntryKind.ANSWER_ACCEPTED, EntryKind.COMMUNITY_ROLE);
	}

	@Override
	public void forEach(OrgId org, Consumer<Entry> sink) {
		communities.acceptedAnswers(org).forEach(credit -> sink.accept(answer(credit)));
		communities.roleHolders(org, null).forEach(holder -> sink.accept(role(holder)));
	}
}
