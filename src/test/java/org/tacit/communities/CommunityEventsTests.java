package org.tacit.communities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tacit.communities.internal.CommunityService;
import org.tacit.communities.internal.MembershipService;
import org.tacit.communities.internal.Post;
import org.tacit.communities.internal.ThreadService;
import org.tacit.library.KnowledgeLibrary;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.Paging;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * What the communities announce for the modules that come later (distribution, recognition,
 * measurement, retention). Called here, not over HTTP: the recorded events are those of the test's thread.
 */
@TacitTest
@RecordApplicationEvents
class CommunityEventsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CommunityService communities;

	@Autowired
	MembershipService memberships;

	@Autowired
	ThreadService threads;

	TestData data;
	TestData.Org org;
	OrgId orgId;
	TestData.Person sponsor;
	TestData.Person leader;
	TestData.Person member;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		orgId = new OrgId(org.id());
		sponsor = data.member(org, "KNOWLEDGE_MANAGER");
		leader = data.member(org, "CONTRIBUTOR");
		member = data.member(org, "VIEWER");
	}

	private OrgAccess as(TestData.Person person, Role role) {
		return new OrgAccess(orgId, org.slug(), "Org", new PersonId(person.id()), role);
	}

	private static PersonId id(TestData.Person person) {
		return new PersonId(person.id());
	}

	@Test
	void theLifeOfACommunityAndItsQuestionsIsAnnounced(ApplicationEvents events) {
		OrgAccess lead = as(leader, Role.CONTRIBUTOR);
		CommunityId community = communities.propose(lead, new CommunityService.Details("Lean", "", List.of("lean"), null,
				false, null)).id();
		communities.saveCharter(lead, community, new CommunityService.CharterInput("Less waste", List.of(
				new CommunityService.RoleInput("SPONSOR", sponsor.email(), "Backing"),
				new CommunityService.RoleInput("LEADER", leader.email(), "Agenda")), List.of(), "Kaizen everywhere", "", ""));
		communities.launch(lead, community);
		OrgAccess asMember = as(member, Role.VIEWER);
		memberships.join(asMember, community);

		var question = threads.start(asMember, community, new ThreadService.NewThread("Where do we start?",
				"Ask @" + leader.email(), true, List.of("5s")));
		Post answer = threads.reply(lead, question.id().toString(), "With 5S", null);
		threads.reply(asMember, question.id().toString(), "Thanks", null);
		threads.accept(asMember, answer.id().toString());
		KnowledgeLibrary.ItemRef item = threads.promote(lead, answer.id().toString());
		memberships.remove(asMember, community, member.email());

		assertThat(events.stream(CommunityRoleAssigned.class)).containsExactly(
				new CommunityRoleAssigned(orgId, community, id(sponsor), CharterRole.SPONSOR),
				new CommunityRoleAssigned(orgId, community, id(leader), CharterRole.LEADER));
		assertThat(events.stream(CommunityLaunched.class))
			.containsExactly(new CommunityLaunched(orgId, community, "Lean", List.of("lean"), id(leader)));
		assertThat(events.stream(CommunityStatusChanged.class)).containsExactly(
				new CommunityStatusChanged(orgId, community, CommunityStatus.PROPOSED, CommunityStatus.LAUNCHED, id(leader)),
				new CommunityStatusChanged(orgId, community, CommunityStatus.LAUNCHED, CommunityStatus.ACTIVE, id(member)));
		assertThat(events.stream(MemberJoined.class)).extracting(MemberJoined::person)
			.containsExactly(id(leader), id(sponsor), id(member));
		assertThat(events.stream(QuestionAsked.class)).containsExactly(new QuestionAsked(orgId, community, question.id(),
				"Where do we start?", id(member), List.of("5s", "lean")));
		assertThat(events.stream(MemberMentioned.class)).containsExactly(new MemberMentioned(orgId, community,
				question.id(), events.stream(MemberMentioned.class).findFirst().orElseThrow().post(), id(leader), id(member)));
		assertThat(events.stream(AnswerPosted.class))
			.containsExactly(new AnswerPosted(orgId, community, question.id(), answer.id(), id(leader)));
		assertThat(events.stream(AnswerAccepted.class)).containsExactly(new AnswerAccepted(orgId, community, question.id(),
				answer.id(), id(leader), id(member), List.of("5s", "lean")));
		assertThat(events.stream(AnswerPromoted.class))
			.containsExactly(new AnswerPromoted(orgId, answer.id(), item.id(), id(leader)));
		assertThat(events.stream(MemberLeft.class)).containsExactly(new MemberLeft(orgId, community, id(member)));
	}

	@Test
	void aChangedCharterAnnouncesOnlyTheRolesThatAreNew(ApplicationEvents events) {
		OrgAccess lead = as(leader, Role.CONTRIBUTOR);
		CommunityId community = communities.propose(lead, new CommunityService.Details("Six Sigma", "", List.of(), null,
				false, null)).id();
		CommunityService.CharterInput charter = new CommunityService.CharterInput("Fewer defects", List.of(
				new CommunityService.RoleInput("LEADER", leader.email(), "Agenda")), List.of(), "", "", "");
		communities.saveCharter(lead, community, charter);
		communities.saveCharter(lead, community, new CommunityService.CharterInput("Fewer defects", List.of(
				new CommunityService.RoleInput("LEADER", leader.email(), "Agenda"),
				new CommunityService.RoleInput("EXPERT", member.id().toString(), "Statistics")), List.of(), "", "", ""));

		assertThat(events.stream(CommunityRoleAssigned.class)).containsExactly(
				new CommunityRoleAssigned(new OrgId(org.id()), community, id(leader), CharterRole.LEADER),
				new CommunityRoleAssigned(new OrgId(org.id()), community, id(member), CharterRole.EXPERT));
		assertThat(memberships.members(lead, community, Paging.first()).items())
			.extracting(m -> m.person().value()).contains(member.id());
	}
}
