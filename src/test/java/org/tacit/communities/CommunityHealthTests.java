package org.tacit.communities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.organizations.OrgId;
import org.tacit.support.CommunityFixture;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** The health figures measurement reads from the facade, the dormant suggestion, and the communities' part of My work. */
@TacitTest
class CommunityHealthTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommunitiesOfPractice communities;

	TestData data;
	TestData.Org org;
	CommunityFixture fixture;
	TestData.Person sponsor;
	TestData.Person leader;
	TestData.Person asker;
	TestData.Person quiet;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		fixture = new CommunityFixture(port, org);
		sponsor = data.member(org, "KNOWLEDGE_MANAGER");
		leader = data.member(org, "CONTRIBUTOR");
		asker = data.member(org, "VIEWER");
		quiet = data.member(org, "VIEWER");
		base = "/api/v1/orgs/" + org.slug();
	}

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

	private void backdate(String table, String column, String id, Duration ago) {
		jdbc.sql("UPDATE " + table + " SET " + column + " = ? WHERE id = ?")
			.params(now.minus(ago), UUID.fromString(id))
			.update();
	}

	private CommunityHealth health(String community) {
		return communities.health(new OrgId(org.id()), new CommunityId(UUID.fromString(community))).orElseThrow();
	}

	@Test
	void theFiguresComeFromTheCommunitysRealActivity() {
		String community = fixture.launched(sponsor, leader, "Figures");
		fixture.join(asker, community);
		fixture.join(quiet, community);
		Http asLeader = Http.api(port, leader.token());
		Map<String, Object> charter = new java.util.HashMap<>(CommunityFixture.completeCharter(sponsor, leader));
		charter.put("deliverables", List.of(Map.of("description", "Early", "targetDate", "2030-01-31"),
				Map.of("description", "Late", "targetDate", "2020-01-31")));
		String early = asLeader.put(base + "/communities/" + community + "/charter", charter).json().get("charter")
			.get("deliverables").get(0).get("id").asString();
		asLeader.put(base + "/communities/" + community + "/deliverables/" + early, Map.of("status", "DELIVERED"));

		String slow = fixture.ask(asker, community, "Slow one", "?").get("id").asString();
		String slowAnswer = fixture.answer(leader, slow, "Answer").get("id").asString();
		String fast = fixture.ask(asker, community, "Fast one", "?").get("id").asString();
		fixture.answer(sponsor, fast, "Answer");
		fixture.ask(asker, community, "Open one", "?");
		Http.api(port, asker.token()).post(base + "/posts/" + slowAnswer + "/accept", Map.of());
		backdate("communities_thread", "created_at", slow, Duration.ofHours(3));
		backdate("communities_thread", "first_answer_at", slow, Duration.ofHours(1));
		backdate("communities_thread", "created_at", fast, Duration.ofHours(5));
		backdate("communities_thread", "first_answer_at", fast, Duration.ofHours(4));

		CommunityHealth health = health(community);

		assertThat(health.members()).isEqualTo(4);
		assertThat(health.activeMembers()).as("the quiet member neither posted nor voted").isEqualTo(3);
		assertThat(health.questions()).isEqualTo(3);
		assertThat(health.answered()).isEqualTo(1);
		assertThat(health.shareAnswered()).isEqualTo(1.0 / 3);
		assertThat(health.medianTimeToFirstAnswer()).isEqualTo(Duration.ofMinutes(90));
		assertThat(health.deliverables()).isEqualTo(2);
		assertThat(health.delivered()).isEqualTo(1);
		assertThat(health.deliveredOnTime()).isEqualTo(1);
		assertThat(health.overdue()).isEqualTo(1);
		assertThat(health.months()).hasSize(6);
		CommunityHealth.Month now = health.months().get(5);
		assertThat(now.month()).isEqualTo(YearMonth.now(ZoneOffset.UTC));
		assertThat(now.posts()).isEqualTo(5);
		assertThat(now.questions()).isGreaterThanOrEqualTo(1);
		assertThat(health.monthsSinceLastActivity()).isZero();
		assertThat(health.dormantSuggested()).isFalse();
		assertThat(communities.health(new OrgId(org.id()))).extracting(CommunityHealth::name).containsExactly("Figures");
		assertThat(Http.api(port, quiet.token()).get(base + "/communities/" + community + "/health").json()
			.get("activeMembers").asInt()).isEqualTo(3);
	}

	@Test
	void aCommunityQuietForTooLongIsSuggestedAsDormantToItsLeader() {
		String community = fixture.launched(sponsor, leader, "Sleepy hollow");
		fixture.join(asker, community);
		jdbc.sql("UPDATE communities_community SET launched_at = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(100), UUID.fromString(community))
			.update();

		CommunityHealth health = health(community);
		assertThat(health.dormantSuggested()).isTrue();
		assertThat(health.monthsSinceLastActivity()).isEqualTo(3);

		Http leaderPages = Http.browser(port);
		leaderPages.signIn(leader.email(), TestData.PASSWORD);
		String home = leaderPages.get("/o/" + org.slug()).body();
		assertThat(home).contains("Communities you lead that have gone quiet").contains("Sleepy hollow")
			.contains("no activity for 3 months");
		assertThat(leaderPages.get("/o/" + org.slug() + "/communities/" + community).body())
			.contains("This community has gone quiet");
		Http memberPages = Http.browser(port);
		memberPages.signIn(asker.email(), TestData.PASSWORD);
		assertThat(memberPages.get("/o/" + org.slug()).body()).doesNotContain("Communities you lead that have gone quiet");

		Http.api(port, leader.token()).post(base + "/communities/" + community + "/status", Map.of("status", "DORMANT"));
		assertThat(health(community).dormantSuggested()).isFalse();
		assertThat(leaderPages.get("/o/" + org.slug()).body()).doesNotContain("Communities you lead that have gone quiet");
	}

	@Test
	void myWorkListsUnansweredQuestionsAnswersToChooseInvitationsAndRequests() {
		String community = fixture.launched(sponsor, leader, "Workers");
		fixture.join(asker, community);
		fixture.join(quiet, community);
		String waiting = fixture.ask(asker, community, "Nobody answered me yet", "?").get("id").asString();
		fixture.ask(asker, community, "Please help @" + quiet.email(), "Hello @" + quiet.email());
		String answered = fixture.ask(asker, community, "Someone answered me", "?").get("id").asString();
		fixture.answer(leader, answered, "Here");
		String closed = fixture.propose(leader, "By approval").get("id").asString();
		Http.api(port, leader.token()).put(base + "/communities/" + closed,
				Map.of("name", "By approval", "joinPolicy", "APPROVAL"));
		Http.api(port, leader.token()).put(base + "/communities/" + closed + "/charter",
				CommunityFixture.completeCharter(sponsor, leader));
		Http.api(port, quiet.token()).post(base + "/communities/" + closed + "/members", Map.of());
		TestData.Person invitee = data.member(org, "VIEWER");
		Http.api(port, leader.token()).post(base + "/communities/" + community + "/members", Map.of("person", invitee.email()));

		String quietHome = home(quiet);
		assertThat(quietHome).contains("Questions in your communities waiting for an answer").contains("Nobody answered me yet")
			.doesNotContain("Someone answered me");
		assertThat(quietHome.indexOf("Please help")).as("a question that mentions them comes first")
			.isLessThan(quietHome.indexOf("Nobody answered me yet"));
		assertThat(quietHome).contains("mentions you");
		String askerHome = home(asker);
		assertThat(askerHome).contains("Your questions with answers").contains("Someone answered me")
			.contains("/threads/" + answered).doesNotContain("href=\"/o/" + org.slug() + "/threads/" + waiting + "\"");
		assertThat(home(invitee)).contains("Invitations to join a community").contains("Workers");
		assertThat(home(leader)).contains("Requests to join your communities").contains("wants to join By approval");
		assertThat(home(data.member(org, "VIEWER"))).doesNotContain("Nobody answered me yet");
	}

	private String home(TestData.Person person) {
		Http pages = Http.browser(port);
		pages.signIn(person.email(), TestData.PASSWORD);
		return pages.get("/o/" + org.slug()).body();
	}
}
