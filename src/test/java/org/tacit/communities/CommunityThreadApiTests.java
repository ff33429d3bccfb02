package org.tacit.communities;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Discussions and Q&A over the API: posts and their limits, mentions, votes, accepted answers and FAQ promotion. */
@TacitTest
class CommunityThreadApiTests {

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
	TestData.Person asker;
	TestData.Person expert;
	String community;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		fixture = new CommunityFixture(port, org);
		sponsor = data.member(org, "KNOWLEDGE_MANAGER");
		leader = data.member(org, "CONTRIBUTOR");
		asker = data.member(org, "VIEWER");
		expert = data.member(org, "CONTRIBUTOR");
		community = fixture.launched(sponsor, leader, "Hydraulics", "hydraulics");
		fixture.join(asker, community);
		fixture.join(expert, community);
		base = "/api/v1/orgs/" + org.slug();
	}

	private long posts() {
		return jdbc.sql("SELECT COUNT(*) FROM communities_post WHERE community_id = ?")
			.param(java.util.UUID.fromString(community))
			.query(Long.class)
			.single();
	}

	@Test
	void onlyMembersOfALaunchedCommunityPostAndBadPostsAreRefusedWithNothingWritten() {
		Http asAsker = Http.api(port, asker.token());
		String threads = base + "/communities/" + community + "/threads";
		Http.Response outsider = Http.api(port, data.member(org, "EDITOR").token())
			.post(threads, Map.of("title", "Hi", "body", "Hello"));
		assertThat(outsider.status()).isEqualTo(403);

		Http.Response tooLong = asAsker.post(threads, Map.of("title", "Long", "body", "x".repeat(20_001)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
		assertThat(tooLong.json().get("errors").get(0).get("message").asString()).contains("20,000");
		Http.Response script = asAsker.post(threads, Map.of("title", "Trick",
				"body", "Look <img src=x onerror=alert(1)> and <script>alert(2)</script>"));
		assertThat(script.status()).isEqualTo(400);
		assertThat(script.json().get("errors").get(0).get("message").asString()).contains("img onerror").contains("<script>");
		assertThat(asAsker.post(threads, Map.of("title", "Link", "body", "[x](javascript:alert(1))")).status())
			.isEqualTo(400);
		assertThat(asAsker.post(threads, Map.of("title", " ", "body", "Fine")).status()).isEqualTo(400);
		assertThat(posts()).isZero();

		String proposal = fixture.propose(leader, "Not yet").get("id").asString();
		assertThat(Http.api(port, leader.token()).post(base + "/communities/" + proposal + "/threads",
				Map.of("title", "Early", "body", "Too early")).status()).isEqualTo(409);

		JsonNode thread = fixture.ask(asker, community, "Which seal for 200 bar?", "The **old** seal leaks.\n\n```java\nx\n```");
		assertThat(Http.api(port, asker.token()).post(base + "/threads/" + thread.get("id").asString() + "/posts",
				Map.of("body", "<iframe src=https://example.org></iframe>")).status()).isEqualTo(400);
		JsonNode read = asAsker.get(base + "/threads/" + thread.get("id").asString()).json();
		assertThat(read.get("opening").get("html").asString()).contains("<strong>old</strong>").contains("<pre><code>");
		assertThat(posts()).isEqualTo(1);
		assertThat(Http.api(port, asker.token()).get(base + "/communities/" + community).json().get("status").asString())
			.as("the first post wakes a launched community").isEqualTo("ACTIVE");
	}

	@Test
	void membersAreMentionedByEmailAndTheMentionLinksToThem() {
		TestData.Person outsider = data.member(org, "EDITOR");
		JsonNode thread = fixture.ask(asker, community, "Pump noise", "Any idea @" + expert.email() + " or @"
				+ outsider.email() + "?");

		String html = Http.api(port, asker.token()).get(base + "/threads/" + thread.get("id").asString()).json()
			.get("opening").get("html").asString();

		assertThat(html).contains("href=\"/o/" + org.slug() + "/communities/" + community + "/members#member-"
				+ expert.id() + "\"").contains("&#64;Person " + expert.email().replace("@", "&#64;"));
		assertThat(html).contains("&#64;" + outsider.email().replace("@", "&#64;")).doesNotContain("#member-" + outsider.id());
	}

	@Test
	void theAskerOrALeaderAcceptsOneAnswerAndOthersCannot() {
		JsonNode thread = fixture.ask(asker, community, "Torque for M12?", "Steel bolts");
		String id = thread.get("id").asString();
		String first = fixture.answer(expert, id, "85 Nm").get("id").asString();
		String second = fixture.answer(leader, id, "Check the table").get("id").asString();

		assertThat(Http.api(port, expert.token()).post(base + "/posts/" + second + "/accept", Map.of()).status())
			.isEqualTo(403);
		assertThat(Http.api(port, asker.token()).post(base + "/posts/" + thread.get("id").asString() + "/accept", Map.of())
			.status()).isEqualTo(404);
		JsonNode accepted = Http.api(port, asker.token()).post(base + "/posts/" + first + "/accept", Map.of()).json();
		assertThat(accepted.get("state").asString()).isEqualTo("ANSWERED");
		assertThat(accepted.get("acceptedPost").asString()).isEqualTo(first);
		JsonNode changed = Http.api(port, leader.token()).post(base + "/posts/" + second + "/accept", Map.of()).json();
		assertThat(changed.get("acceptedPost").asString()).isEqualTo(second);

		JsonNode read = Http.api(port, asker.token()).get(base + "/threads/" + id).json();
		assertThat(read.get("replies").get("items").get(0).get("id").asString()).as("the accepted answer comes first")
			.isEqualTo(second);
		assertThat(read.get("replies").get("items").get(0).get("accepted").asBoolean()).isTrue();
		assertThat(Http.api(port, asker.token()).get(base + "/communities/" + community + "/threads?question=true&answered=false")
			.json().get("totalItems").asInt()).isZero();

		String discussion = Http.api(port, asker.token()).post(base + "/communities/" + community + "/threads",
				Map.of("title", "Coffee", "body", "Where?")).json().get("id").asString();
		String reply = fixture.answer(expert, discussion, "Kitchen").get("id").asString();
		assertThat(Http.api(port, asker.token()).post(base + "/posts/" + reply + "/accept", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void membersUpVoteOthersPostsOnceAndTheBestAnswersComeFirst() {
		String id = fixture.ask(asker, community, "Filter change interval?", "Hours?").get("id").asString();
		String early = fixture.answer(leader, id, "500 h").get("id").asString();
		String better = fixture.answer(expert, id, "250 h in dusty halls").get("id").asString();
		Http asAsker = Http.api(port, asker.token());

		assertThat(asAsker.post(base + "/posts/" + better + "/votes", Map.of()).json().get("votes").asInt()).isEqualTo(1);
		assertThat(asAsker.post(base + "/posts/" + better + "/votes", Map.of()).json().get("votes").asInt()).isEqualTo(1);
		assertThat(Http.api(port, leader.token()).post(base + "/posts/" + better + "/votes", Map.of()).json().get("votes")
			.asInt()).isEqualTo(2);
		assertThat(Http.api(port, expert.token()).post(base + "/posts/" + better + "/votes", Map.of()).status())
			.isEqualTo(409);
		assertThat(Http.api(port, data.member(org, "EDITOR").token()).post(base + "/posts/" + better + "/votes", Map.of())
			.status()).isEqualTo(403);
		JsonNode order = asAsker.get(base + "/threads/" + id).json().get("replies").get("items");
		assertThat(order.get(0).get("id").asString()).isEqualTo(better);
		assertThat(order.get(0).get("votedByYou").asBoolean()).isTrue();
		assertThat(order.get(1).get("id").asString()).isEqualTo(early);
		assertThat(asAsker.delete(base + "/posts/" + better + "/votes").json().get("votes").asInt()).isEqualTo(1);
	}

	@Test
	void aStewardPromotesAnAnswerIntoAPublishedFaqItemOwnedByItsAuthor() {
		String id = fixture.ask(asker, community, "How to bleed the brake line?", "Air in the line").get("id").asString();
		String answer = fixture.answer(expert, id, "Open the valve at the **lowest** point").get("id").asString();

		assertThat(Http.api(port, asker.token()).post(base + "/posts/" + answer + "/promote", Map.of()).status())
			.isEqualTo(403);
		Http.Response promoted = Http.api(port, leader.token()).post(base + "/posts/" + answer + "/promote", Map.of());
		assertThat(promoted.status()).as(promoted.toString()).isEqualTo(201);
		String item = promoted.json().get("item").asString();

		JsonNode faq = Http.api(port, asker.token()).get(base + "/items/" + item).json();
		assertThat(faq.get("kind").asString()).isEqualTo("FAQ");
		assertThat(faq.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(faq.get("title").asString()).isEqualTo("How to bleed the brake line?");
		assertThat(faq.get("owner").get("id").asString()).isEqualTo(expert.id().toString());
		assertThat(faq.get("space").asString()).isEqualTo("COP_HYDRAULICS");
		assertThat(faq.get("body").asString()).contains("Air in the line").contains("Open the valve at the **lowest** point");
		assertThat(faq.get("tags").toString()).contains("hydraulics");
		assertThat(Http.api(port, leader.token()).get(base + "/posts/" + answer).json().get("promotedItem").asString())
			.isEqualTo(item);
		assertThat(Http.api(port, leader.token()).post(base + "/posts/" + answer + "/promote", Map.of()).status())
			.isEqualTo(409);
	}

	@Test
	void authorsEditTheirOwnPostsOnly() {
		String id = fixture.ask(asker, community, "Grease type?", "For bearings").get("id").asString();
		String answer = fixture.answer(expert, id, "Lithium").get("id").asString();

		assertThat(Http.api(port, asker.token()).put(base + "/posts/" + answer, Map.of("body", "Mine now")).status())
			.isEqualTo(403);
		JsonNode edited = Http.api(port, expert.token()).put(base + "/posts/" + answer, Map.of("body", "Lithium complex"))
			.json();
		assertThat(edited.get("body").asString()).isEqualTo("Lithium complex");
		assertThat(edited.get("editedAt").isNull()).isFalse();
		assertThat(Http.api(port, expert.token()).put(base + "/posts/" + answer, Map.of("body", "<script>x</script>"))
			.status()).isEqualTo(400);
		assertThat(Http.api(port, expert.token()).post(base + "/threads/" + id + "/posts",
				Map.of("body", "see above", "replyTo", java.util.UUID.randomUUID().toString())).status()).isEqualTo(400);
		assertThat(Http.api(port, data.member(data.org(), "ADMIN").token())
			.get("/api/v1/orgs/" + org.slug() + "/posts/" + answer).status()).isEqualTo(404);
	}

	@Test
	void aRetiredCommunityIsReadOnly() {
		String id = fixture.ask(asker, community, "Last question?", "Before we close").get("id").asString();
		String answer = fixture.answer(expert, id, "Yes").get("id").asString();
		Http.api(port, leader.token()).post(base + "/communities/" + community + "/status", Map.of("status", "RETIRED"));
		Http asAsker = Http.api(port, asker.token());

		assertThat(asAsker.post(base + "/threads/" + id + "/posts", Map.of("body", "Too late")).status()).isEqualTo(409);
		assertThat(asAsker.post(base + "/posts/" + answer + "/accept", Map.of()).status()).isEqualTo(409);
		assertThat(asAsker.post(base + "/posts/" + answer + "/votes", Map.of()).status()).isEqualTo(409);
		assertThat(Http.api(port, expert.token()).put(base + "/posts/" + answer, Map.of("body", "Edited")).status())
			.isEqualTo(409);
		assertThat(Http.api(port, leader.token()).post(base + "/posts/" + answer + "/promote", Map.of()).status())
			.isEqualTo(409);
		assertThat(asAsker.get(base + "/threads/" + id).json().get("replies").get("items").get(0).get("body").asString())
			.isEqualTo("Yes");
	}

	@Test
	void threadsOfAMembersOnlyCommunityAreHiddenFromNonMembers() {
		String secret = fixture.propose(leader, "Board", true).get("id").asString();
		Http asLeader = Http.api(port, leader.token());
		asLeader.put(base + "/communities/" + secret + "/charter", CommunityFixture.completeCharter(sponsor, leader));
		asLeader.post(base + "/communities/" + secret + "/launch", Map.of());
		String thread = fixture.ask(leader, secret, "Budget 2027?", "Numbers").get("id").asString();

		assertThat(Http.api(port, expert.token()).get(base + "/threads/" + thread).status()).isEqualTo(404);
		assertThat(Http.api(port, sponsor.token()).get(base + "/threads/" + thread).status()).isEqualTo(200);
		assertThat(Http.api(port, expert.token()).get(base + "/communities/" + secret + "/threads").status()).isEqualTo(404);
		assertThat(List.of(200)).contains(asLeader.get(base + "/communities/" + secret + "/threads").status());
	}
}
