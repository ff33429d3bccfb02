package org.tacit.communities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.support.CommunityFixture;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** The communities API: proposal, the charter and its launch gate, versions, lifecycle, members and the directory. */
@TacitTest
class CommunityApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData data;
	TestData.Org org;
	CommunityFixture fixture;
	TestData.Person sponsor;
	TestData.Person leader;
	Http asLeader;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		fixture = new CommunityFixture(port, org);
		sponsor = data.member(org, "KNOWLEDGE_MANAGER");
		leader = data.member(org, "CONTRIBUTOR");
		asLeader = Http.api(port, leader.token());
		base = "/api/v1/orgs/" + org.slug();
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	@Test
	void aProposalGetsItsOwnLibrarySpaceAndItsProposerAsMember() {
		JsonNode created = fixture.propose(leader, "Welding practice", "welding", "Quality");

		assertThat(created.get("status").asString()).isEqualTo("PROPOSED");
		assertThat(created.get("domain").toString()).isEqualTo("[\"welding\",\"quality\"]");
		assertThat(created.get("space").get("key").asString()).isEqualTo("COP_WELDING_PRACTICE");
		assertThat(created.get("yourMembership").asString()).isEqualTo("MEMBER");
		assertThat(created.get("youAreSteward").asBoolean()).isTrue();
		Http.Response space = asLeader.get(base + "/spaces/COP_WELDING_PRACTICE");
		assertThat(space.status()).isEqualTo(200);
		assertThat(space.json().get("yourRole").asString()).isEqualTo("EDITOR");

		Http.Response same = asLeader.post(base + "/communities", Map.of("name", "welding PRACTICE"));
		assertThat(same.status()).isEqualTo(409);
		assertThat(asLeader.post(base + "/communities", Map.of("name", " ")).status()).isEqualTo(400);
		Http.Response viewer = Http.api(port, data.member(org, "VIEWER").token())
			.post(base + "/communities", Map.of("name", "Viewers club"));
		assertThat(viewer.status()).isEqualTo(403);
	}

	@Test
	void launchIsRefusedWithEveryMissingPartUntilTheCharterIsComplete() {
		String id = fixture.propose(leader, "Maintenance").get("id").asString();

		Http.Response refused = asLeader.post(base + "/communities/" + id + "/launch", Map.of());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(fields(refused.json())).containsExactly("purpose", "sponsor", "leader", "deliverables");
		assertThat(refused.json().get("errors").get(0).get("message").asString()).isEqualTo("Write the community’s purpose.");
		assertThat(asLeader.get(base + "/communities/" + id).json().get("status").asString()).isEqualTo("PROPOSED");

		// a draft may be incomplete; what it lacks is listed
		Http.Response draft = asLeader.put(base + "/communities/" + id + "/charter", Map.of("purpose", "Fewer breakdowns",
				"roles", List.of(Map.of("role", "LEADER", "person", leader.email(), "responsibilities", ""))));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
		assertThat(fields(wrap(draft.json().get("missing"))))
			.containsExactly("sponsor", "roles[0].responsibilities", "deliverables");
		assertThat(fields(asLeader.post(base + "/communities/" + id + "/launch", Map.of()).json()))
			.containsExactly("sponsor", "roles[0].responsibilities", "deliverables");

		// a capability intent instead of deliverables is enough
		Http.Response complete = asLeader.put(base + "/communities/" + id + "/charter", Map.of("purpose", "Fewer breakdowns",
				"roles", List.of(Map.of("role", "SPONSOR", "person", sponsor.id().toString(), "responsibilities", "Budget"),
						Map.of("role", "LEADER", "person", leader.email(), "responsibilities", "Agenda")),
				"capabilityIntent", "Every shift can fix a jammed feeder", "rhythm", "Fortnightly"));
		assertThat(complete.json().get("missing")).isEmpty();
		Http.Response launched = asLeader.post(base + "/communities/" + id + "/launch", Map.of());
		assertThat(launched.status()).as(launched.toString()).isEqualTo(200);
		assertThat(launched.json().get("status").asString()).isEqualTo("LAUNCHED");
		assertThat(launched.json().get("charter").get("version").asInt()).isEqualTo(1);
		assertThat(asLeader.post(base + "/communities/" + id + "/launch", Map.of()).status()).isEqualTo(409);
	}

	private static JsonNode wrap(JsonNode missing) {
		return tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode().set("errors", missing);
	}

	@Test
	void rolesMustNameActiveMembersOfTheOrganizationAndNothingIsWrittenOtherwise() {
		String id = fixture.propose(leader, "Safety").get("id").asString();
		TestData.Person stranger = data.member(data.org(), "ADMIN");

		Http.Response refused = asLeader.put(base + "/communities/" + id + "/charter", Map.of("purpose", "Safe work",
				"roles", List.of(Map.of("role", "LEADER", "person", leader.email(), "responsibilities", "Lead"),
						Map.of("role", "SPONSOR", "person", stranger.email(), "responsibilities", "Sponsor"))));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(fields(refused.json())).containsExactly("roles[1].person");
		assertThat(refused.json().get("errors").get(0).get("message").asString()).contains(stranger.email());
		JsonNode unchanged = asLeader.get(base + "/communities/" + id).json();
		assertThat(unchanged.get("charter").get("purpose").asString()).isEmpty();
		assertThat(unchanged.get("charter").get("roles")).isEmpty();
		assertThat(fields(asLeader.put(base + "/communities/" + id + "/charter", Map.of("roles",
				List.of(Map.of("role", "CAPTAIN", "person", leader.email())))).json())).containsExactly("roles[0].role");
		assertThat(fields(asLeader.put(base + "/communities/" + id + "/charter", Map.of("deliverables",
				List.of(Map.of("description", "Guide", "targetDate", "next spring")))).json()))
			.containsExactly("deliverables[0].targetDate");
		assertThat(fields(asLeader.put(base + "/communities/" + id + "/charter", Map.of("purpose", "x".repeat(4001)))
			.json())).containsExactly("purpose");
	}

	@Test
	void changesAfterLaunchAreVersionedAndMustKeepTheCharterComplete() {
		String id = fixture.launched(sponsor, leader, "Tooling");
		Map<String, Object> charter = new java.util.HashMap<>(CommunityFixture.completeCharter(sponsor, leader));
		charter.put("rhythm", "Weekly");
		charter.put("note", "Meet more often");

		Http.Response changed = asLeader.put(base + "/communities/" + id + "/charter", charter);
		assertThat(changed.json().get("charter").get("version").asInt()).isEqualTo(2);

		charter.put("roles", List.of(Map.of("role", "LEADER", "person", leader.email(), "responsibilities", "Runs it")));
		Http.Response incomplete = asLeader.put(base + "/communities/" + id + "/charter", charter);
		assertThat(incomplete.status()).isEqualTo(422);
		assertThat(fields(incomplete.json())).containsExactly("sponsor");

		JsonNode versions = asLeader.get(base + "/communities/" + id + "/charter/versions").json().get("items");
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
		assertThat(versions.get(0).get("note").asString()).isEqualTo("Meet more often");
		JsonNode first = asLeader.get(base + "/communities/" + id + "/charter/versions/1").json();
		assertThat(first.get("rhythm").asString()).isEqualTo("Monthly");
		assertThat(first.get("roles").get(0).get("role").asString()).isEqualTo("SPONSOR");
		assertThat(asLeader.get(base + "/communities/" + id + "/charter/versions/3").status()).isEqualTo(404);
	}

	@Test
	void theLifecycleGoesOnlyWhereItAllowsAndOnlyForStewards() {
		String id = fixture.launched(sponsor, leader, "Logistics");
		TestData.Person member = data.member(org, "EDITOR");
		fixture.join(member, id);
		String status = base + "/communities/" + id + "/status";

		assertThat(Http.api(port, member.token()).post(status, Map.of("status", "DORMANT")).status()).isEqualTo(403);
		assertThat(asLeader.post(status, Map.of("status", "PROPOSED")).status()).isEqualTo(409);
		assertThat(asLeader.post(status, Map.of("status", "SLEEPING")).status()).isEqualTo(400);
		assertThat(asLeader.post(status, Map.of("status", "DORMANT")).json().get("status").asString()).isEqualTo("DORMANT");
		assertThat(asLeader.post(status, Map.of("status", "ACTIVE")).json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(asLeader.post(status, Map.of("status", "RETIRED")).json().get("status").asString()).isEqualTo("RETIRED");
		assertThat(asLeader.post(status, Map.of("status", "ACTIVE")).status()).isEqualTo(409);
		assertThat(asLeader.put(base + "/communities/" + id + "/charter", CommunityFixture.completeCharter(sponsor, leader))
			.status()).isEqualTo(409);
		assertThat(Http.api(port, data.member(org, "VIEWER").token()).post(base + "/communities/" + id + "/members",
				Map.of()).status()).isEqualTo(409);
	}

	@Test
	void peopleJoinOpenCommunitiesAtOnceAndOthersByApprovalOrInvitation() {
		String open = fixture.launched(sponsor, leader, "Open house");
		String closed = fixture.propose(leader, "Inner circle").get("id").asString();
		asLeader.put(base + "/communities/" + closed, Map.of("name", "Inner circle", "joinPolicy", "APPROVAL"));
		TestData.Person person = data.member(org, "VIEWER");
		TestData.Person invitee = data.member(org, "CONTRIBUTOR");
		Http asPerson = Http.api(port, person.token());

		assertThat(asPerson.post(base + "/communities/" + open + "/members", Map.of()).json().get("status").asString())
			.isEqualTo("MEMBER");
		assertThat(asPerson.post(base + "/communities/" + closed + "/members", Map.of()).json().get("status").asString())
			.isEqualTo("REQUESTED");
		JsonNode pending = asLeader.get(base + "/communities/" + closed + "/members").json().get("items");
		assertThat(pending.toString()).contains("REQUESTED").contains(person.email());
		assertThat(data.member(org, "VIEWER")).satisfies(other -> assertThat(Http.api(port, other.token())
			.get(base + "/communities/" + closed + "/members").json().get("items").toString()).doesNotContain("REQUESTED"));
		assertThat(asLeader.post(base + "/communities/" + closed + "/members", Map.of("person", person.email())).json()
			.get("status").asString()).isEqualTo("MEMBER");
		assertThat(asLeader.post(base + "/communities/" + closed + "/members", Map.of("person", invitee.email())).json()
			.get("status").asString()).isEqualTo("INVITED");
		assertThat(Http.api(port, invitee.token()).post(base + "/communities/" + closed + "/members", Map.of()).json()
			.get("status").asString()).isEqualTo("MEMBER");
		assertThat(asPerson.post(base + "/communities/" + closed + "/members", Map.of("person", invitee.email())).status())
			.isEqualTo(403);
		assertThat(asLeader.post(base + "/communities/" + closed + "/members", Map.of("person", "nobody@example.org"))
			.status()).isEqualTo(400);

		JsonNode members = asLeader.get(base + "/communities/" + open + "/members").json().get("items");
		assertThat(members.get(0).get("person").get("email").asString()).isIn(sponsor.email(), leader.email());
		assertThat(members.get(0).get("roles")).isNotEmpty();
		assertThat(asPerson.delete(base + "/communities/" + open + "/members/" + person.email()).status()).isEqualTo(204);
		assertThat(asLeader.delete(base + "/communities/" + open + "/members/" + leader.email()).status()).isEqualTo(409);
		assertThat(asPerson.delete(base + "/communities/" + closed + "/members/" + invitee.email()).status()).isEqualTo(403);
		assertThat(asLeader.get(base + "/communities/" + open).json().get("members").asInt()).isEqualTo(2);
	}

	@Test
	void someoneWhoLeavesTheOrganizationLeavesItsCommunitiesButStaysNamedInTheCharter() {
		String id = fixture.launched(sponsor, leader, "Leavers");
		TestData.Person member = data.member(org, "VIEWER");
		fixture.join(member, id);
		Http admin = Http.api(port, org.admin().token());

		assertThat(admin.delete("/api/v1/orgs/" + org.slug() + "/members/" + member.id()).status()).isEqualTo(204);
		assertThat(admin.delete("/api/v1/orgs/" + org.slug() + "/members/" + sponsor.id()).status()).isEqualTo(204);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(asLeader.get(base + "/communities/" + id).json().get("members").asInt()).isEqualTo(1));
		JsonNode community = asLeader.get(base + "/communities/" + id).json();
		assertThat(community.get("charter").get("roles").get(0).get("active").asBoolean()).isFalse();
		assertThat(fields(wrap(community.get("missing")))).containsExactly("roles[0].person");
	}

	@Test
	void membersOnlyCommunitiesAreHiddenFromEveryoneButTheirMembersAndOtherOrganizations() {
		String secret = fixture.propose(leader, "Night shift", true, "shifts").get("id").asString();
		String open = fixture.propose(leader, "Day shift", "shifts").get("id").asString();
		Http outsider = Http.api(port, data.member(org, "ADMIN").token());
		TestData.Org other = data.org();
		Http otherOrg = Http.api(port, data.member(other, "ADMIN").token());

		assertThat(outsider.get(base + "/communities/" + secret).status()).isEqualTo(404);
		assertThat(outsider.get(base + "/communities/" + open).status()).isEqualTo(200);
		assertThat(outsider.get(base + "/communities?domain=shifts").json().get("totalItems").asInt()).isEqualTo(1);
		assertThat(asLeader.get(base + "/communities?domain=shifts").json().get("totalItems").asInt()).isEqualTo(2);
		// another organization's community is unknown there, and its organization is unknown to outsiders
		assertThat(otherOrg.get("/api/v1/orgs/" + other.slug() + "/communities/" + open).status()).isEqualTo(404);
		assertThat(otherOrg.get(base + "/communities").status()).isEqualTo(404);

		TestData.Person invitee = data.member(org, "VIEWER");
		asLeader.post(base + "/communities/" + secret + "/members", Map.of("person", invitee.email()));
		assertThat(Http.api(port, invitee.token()).get(base + "/communities/" + secret).json().get("yourMembership")
			.asString()).isEqualTo("INVITED");
	}

	@Test
	void theDirectoryFiltersByDomainAndStatus() {
		fixture.launched(sponsor, leader, "Pumps", "hydraulics");
		fixture.propose(leader, "Valves", "hydraulics");
		fixture.propose(leader, "Paint", "finishing");

		assertThat(names(asLeader.get(base + "/communities?domain=hydraulics").json())).containsExactly("Pumps", "Valves");
		assertThat(names(asLeader.get(base + "/communities?status=proposed").json())).containsExactly("Paint", "Valves");
		assertThat(names(asLeader.get(base + "/communities?domain=hydraulics&status=LAUNCHED").json()))
			.containsExactly("Pumps");
		assertThat(names(asLeader.get(base + "/communities?q=alv").json())).containsExactly("Valves");
		assertThat(asLeader.get(base + "/communities?size=2").json().get("totalItems").asInt()).isEqualTo(3);
		assertThat(asLeader.get(base + "/communities?status=napping").status()).isEqualTo(400);
	}

	private static List<String> names(JsonNode page) {
		List<String> names = new ArrayList<>();
		page.get("items").forEach(c -> names.add(c.get("name").asString()));
		return names;
	}

	@Test
	void deliverablesAreTrackedWithLinkedItemsTheStewardCanSee() {
		String id = fixture.launched(sponsor, leader, "Inspection");
		JsonNode community = asLeader.get(base + "/communities/" + id).json();
		String deliverable = community.get("charter").get("deliverables").get(0).get("id").asString();
		String spaceKey = community.get("space").get("key").asString();
		String item = asLeader.post(base + "/items", Map.of("space", spaceKey, "kind", "TEMPLATE", "title",
				"Inspection sheet", "body", "- check")).json().get("id").asString();
		String path = base + "/communities/" + id + "/deliverables/" + deliverable;

		JsonNode tracked = asLeader.put(path, Map.of("status", "IN_PROGRESS", "items",
				List.of("http://localhost/o/" + org.slug() + "/items/" + item))).json();
		JsonNode d = tracked.get("charter").get("deliverables").get(0);
		assertThat(d.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(d.get("items").get(0).get("title").asString()).isEqualTo("Inspection sheet");

		JsonNode delivered = asLeader.put(path, Map.of("status", "DELIVERED", "items", List.of(item))).json()
			.get("charter").get("deliverables").get(0);
		assertThat(delivered.get("deliveredOn").asString()).isNotEmpty();
		assertThat(delivered.get("onTime").asBoolean()).isTrue();
		assertThat(asLeader.put(path, Map.of("status", "DONE")).status()).isEqualTo(400);
		assertThat(asLeader.put(path, Map.of("status", "DELIVERED", "items", List.of(java.util.UUID.randomUUID().toString())))
			.status()).isEqualTo(400);

		// the charter keeps a deliverable's tracking when it is rewritten with the same description
		Map<String, Object> charter = new java.util.HashMap<>(CommunityFixture.completeCharter(sponsor, leader));
		charter.put("deliverables", List.of(Map.of("description", "A playbook", "targetDate", "2031-01-31"),
				Map.of("description", "A training", "targetDate", "2031-06-30")));
		JsonNode rewritten = asLeader.put(base + "/communities/" + id + "/charter", charter).json()
			.get("charter").get("deliverables");
		assertThat(rewritten.get(0).get("status").asString()).isEqualTo("DELIVERED");
		assertThat(rewritten.get(0).get("targetDate").asString()).isEqualTo("2031-01-31");
		assertThat(rewritten.get(1).get("status").asString()).isEqualTo("PLANNED");
	}
}
