package org.tacit.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * Other modules' events as notifications, for exactly the followers who may see the record: an accepted
 * answer (never to followers outside a members-only community, not even by its title), a published
 * process and a new version of it, an embedded lesson (never to a follower who left the organization).
 */
@TacitTest
class ModuleEventNotificationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData data;
	TestData.Org org;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		base = "/api/v1/orgs/" + org.slug();
	}

	private Http api(TestData.Person person) {
		return Http.api(port, person.token());
	}

	private void follow(TestData.Person person, String kind, String target) {
		Http.Response followed = api(person).post("/api/v1/me/follows", Map.of("org", org.slug(), "kind", kind, "target", target));
		assertThat(followed.status()).as(followed.toString()).isEqualTo(201);
	}

	/** The person's notifications of one kind, as "title|reason". */
	private List<String> notified(TestData.Person person, String kind) {
		JsonNode page = api(person).get("/api/v1/me/notifications?org=" + org.slug() + "&size=100").json();
		List<String> found = new ArrayList<>();
		page.get("items").forEach(n -> {
			if (n.get("kind").asString().equals(kind)) {
				found.add(n.get("title").asString() + "|" + n.get("reason").asString());
			}
		});
		return found;
	}

	private static JsonNode created(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	@Test
	void anAcceptedAnswerReachesFollowersWhoMaySeeTheQuestionOnly() {
		TestData.Person leader = data.member(org, "EDITOR");
		TestData.Person insider = data.member(org, "VIEWER");
		TestData.Person answerer = data.member(org, "CONTRIBUTOR");
		TestData.Person outsider = data.member(org, "ADMIN");
		CommunityFixture communities = new CommunityFixture(port, org);
		Http asLeader = api(leader);

		// a members-only community: the insider and the answerer are invited and join
		String secret = communities.propose(leader, "Night shift", true, "shifts").get("id").asString();
		assertThat(asLeader.put(base + "/communities/" + secret + "/charter", CommunityFixture.completeCharter(org.admin(), leader))
			.status()).isEqualTo(200);
		assertThat(asLeader.post(base + "/communities/" + secret + "/launch", Map.of()).status()).isEqualTo(200);
		for (TestData.Person person : List.of(insider, answerer)) {
			asLeader.post(base + "/communities/" + secret + "/members", Map.of("person", person.email()));
			assertThat(api(person).post(base + "/communities/" + secret + "/members", Map.of()).json().get("status").asString())
				.isEqualTo("MEMBER");
		}
		// the outsider follows the tag and the answerer, but is no member
		follow(outsider, "TAG", "shifts");
		follow(outsider, "PERSON", answerer.email());

		String question = created(asLeader.post(base + "/communities/" + secret + "/threads", Map.of("title",
				"Who signs the night permit?", "body", "Nobody knows.", "question", true, "tags", List.of("shifts"))))
			.get("id").asString();
		String answer = communities.answer(answerer, question, "The shift lead signs it.").get("id").asString();
		assertThat(asLeader.post(base + "/posts/" + answer + "/accept", Map.of()).status()).isIn(200, 201);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notified(insider, "ANSWER_ACCEPTED"))
			.containsExactly("Who signs the night permit?|COMMUNITY"));
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notified(answerer, "ANSWER_ACCEPTED"))
			.as("a member of the community, by default").containsExactly("Who signs the night permit?|COMMUNITY"));

		// the same in an open community: the outsider hears of it through the tag
		String open = communities.launched(org.admin(), leader, "Day shift", "shifts");
		communities.join(answerer, open);
		String dayQuestion = created(asLeader.post(base + "/communities/" + open + "/threads", Map.of("title",
				"Who signs the day permit?", "body", "Nobody knows.", "question", true, "tags", List.of("shifts"))))
			.get("id").asString();
		String dayAnswer = communities.answer(answerer, dayQuestion, "The foreman signs it.").get("id").asString();
		assertThat(asLeader.post(base + "/posts/" + dayAnswer + "/accept", Map.of()).status()).isIn(200, 201);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notified(outsider, "ANSWER_ACCEPTED"))
			.containsExactly("Who signs the day permit?|TAG"));
		assertThat(api(outsider).get("/api/v1/me/notifications?org=" + org.slug()).body()).doesNotContain("night permit");
		assertThat(notified(leader, "ANSWER_ACCEPTED")).as("the one who accepted").isEmpty();
	}

	@Test
	void aPublishedProcessAndANewVersionReachTheFollowersOfTheProcessAndItsOwner() {
		TestData.Person ownerFollower = data.member(org, "VIEWER");
		TestData.Person processFollower = data.member(org, "VIEWER");
		Http admin = api(org.admin());
		follow(ownerFollower, "PERSON", org.admin().email());

		String process = ProcessFixture.draft(admin, base, "Order handling");
		ProcessFixture.publish(admin, base, process, "Order handling");
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notified(ownerFollower, "PROCESS_PUBLISHED"))
			.containsExactly("Order handling|PERSON"));

		follow(processFollower, "PROCESS", process);
		Http.Response v2 = admin.postChunked(base + "/processes/" + process + "/versions?fileName=order.bpmn",
				"application/xml", ProcessFixture.diagram("order-v2.bpmn"));
		assertThat(v2.status()).as(v2.toString()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notified(processFollower, "PROCESS_PUBLISHED"))
			.containsExactly("Order handling|PROCESS"));

		// back to a draft: a version uploaded to it is not published, and readers may not see it
		assertThat(admin.put(base + "/processes/" + process, Map.of("name", "Order handling", "status", "DRAFT")).status())
			.isEqualTo(200);
		assertThat(admin.postChunked(base + "/processes/" + process + "/versions?fileName=order.bpmn", "application/xml",
				ProcessFixture.diagram("order-v1.bpmn")).status()).isEqualTo(201);
		String other = ProcessFixture.draft(admin, base, "Returns handling");
		ProcessFixture.publish(admin, base, other, "Returns handling");
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notified(ownerFollower, "PROCESS_PUBLISHED"))
			.containsExactlyInAnyOrder("Order handling|PERSON", "Returns handling|PERSON"));
		assertThat(notified(processFollower, "PROCESS_PUBLISHED")).containsExactly("Order handling|PROCESS");
		assertThat(notified(org.admin(), "PROCESS_PUBLISHED")).as("the one who published").isEmpty();
	}

	@Test
	void anEmbeddedLessonReachesTheFollowersOfTheProcessAndTheAuthorWhoAreStillMembers() {
		TestData.Person author = data.member(org, "EDITOR");
		TestData.Person processFollower = data.member(org, "VIEWER");
		TestData.Person authorFollower = data.member(org, "VIEWER");
		TestData.Person leaver = data.member(org, "VIEWER");
		Http admin = api(org.admin());
		Http api = api(author);
		String process = ProcessFixture.draft(admin, base, "Order handling");
		ProcessFixture.publish(admin, base, process, "Order handling");
		follow(processFollower, "PROCESS", process);
		follow(authorFollower, "PERSON", author.email());
		follow(leaver, "PERSON", author.email());

		String lesson = created(api.post(base + "/lessons", Map.of("title", "Check the credit limit before shipping",
				"observation", "We shipped to a customer over their limit.", "rootCause", "No check in the step.",
				"recommendation", "Check the limit when checking the order.", "priority", "CAUTION", "tags",
				List.of("orders")))).get("id").asString();
		move(api, lesson, "VALIDATED");
		created(api.post(base + "/lessons/" + lesson + "/actions", Map.of("title", "Add the check", "owner",
				author.email(), "due", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString())));
		move(api, lesson, "ACTIONED");
		created(api.post(base + "/lessons/" + lesson + "/links", Map.of("processId", process, "stepId", "Task_Check")));
		assertThat(admin.delete(base + "/members/" + leaver.id()).status()).isEqualTo(204);
		move(api, lesson, "EMBEDDED");

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notified(processFollower, "LESSON_EMBEDDED"))
			.containsExactly("Check the credit limit before shipping|PROCESS"));
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notified(authorFollower, "LESSON_EMBEDDED"))
			.containsExactly("Check the credit limit before shipping|PERSON"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM distribution_notification WHERE org_id = ? AND person_id = ? AND kind = 'LESSON_EMBEDDED'")
			.params(org.id(), leaver.id()).query(Integer.class).single()).as("no longer a member").isZero();
		assertThat(notified(author, "LESSON_EMBEDDED")).as("the one who embedded it").isEmpty();
	}

	private void move(Http api, String lesson, String to) {
		Http.Response moved = api.post(base + "/lessons/" + lesson + "/transitions", Map.of("to", to));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
	}
}
