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
import org.tacit.search.SearchDocument;
import org.tacit.search.SearchSource;
import org.tacit.shared.RecordRef;
import org.tacit.shared.Records;
import org.tacit.support.CommunityFixture;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Communities, questions, discussions and replies in the one search box, with their community's
 * visibility; offered for a rebuild; linkable from other modules through {@link Records}.
 */
@TacitTest
class CommunitySearchTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Records records;

	TestData data;
	TestData.Org org;
	CommunityFixture fixture;
	TestData.Person sponsor;
	TestData.Person leader;
	TestData.Person member;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		fixture = new CommunityFixture(port, org);
		sponsor = data.member(org, "KNOWLEDGE_MANAGER");
		leader = data.member(org, "CONTRIBUTOR");
		member = data.member(org, "VIEWER");
		base = "/api/v1/orgs/" + org.slug();
	}

	private JsonNode search(TestData.Person as, String query) {
		Http.Response found = Http.api(port, as.token()).get(base + "/search?q=" + query);
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		return found.json();
	}

	private static List<String> hits(JsonNode results) {
		List<String> hits = new ArrayList<>();
		results.get("hits").forEach(h -> hits.add(h.get("type").asString() + ":" + h.get("title").asString() + ":"
				+ (h.get("status").isNull() ? "" : h.get("status").asString())));
		return hits;
	}

	@Test
	void questionsAnswersAndCommunitiesAreFoundWithTheirStateAndLeadToTheirPages() {
		String community = fixture.launched(sponsor, leader, "Gearbox wranglers", "gearboxes");
		fixture.join(member, community);
		String question = fixture.ask(member, community, "Why does the quuxbox rattle?", "Only when cold").get("id")
			.asString();
		String answer = fixture.answer(leader, question, "The quuxbox bearings need zorbolite grease").get("id").asString();
		Http.api(port, member.token()).post(base + "/posts/" + answer + "/accept", Map.of());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hits(search(member, "quuxbox")))
			.contains("question:Why does the quuxbox rattle?:ANSWERED",
					"post:Why does the quuxbox rattle?:ACCEPTED"));
		JsonNode hit = search(member, "zorbolite").get("hits").get(0);
		assertThat(hit.get("url").asString()).isEqualTo("/o/" + org.slug() + "/threads/" + question + "#post-" + answer);
		assertThat(hit.get("parentId").asString()).isEqualTo(question);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(hits(search(member, "wranglers")))
			.contains("community:Gearbox wranglers:ACTIVE"));
		assertThat(Http.api(port, member.token()).get(base + "/search?q=quuxbox&type=question&status=ANSWERED").json()
			.get("total").asInt()).isEqualTo(1);
	}

	@Test
	void aMembersOnlyCommunityIsFoundOnlyByWhoMayReadItsSpace() {
		String secret = fixture.propose(leader, "Fnordic council", true).get("id").asString();
		Http asLeader = Http.api(port, leader.token());
		asLeader.put(base + "/communities/" + secret + "/charter", CommunityFixture.completeCharter(sponsor, leader));
		asLeader.post(base + "/communities/" + secret + "/launch", Map.of());
		fixture.ask(leader, secret, "Fnordic budget?", "Numbers please");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(hits(search(sponsor, "fnordic"))).hasSize(2));
		assertThat(hits(search(member, "fnordic"))).isEmpty();
		assertThat(hits(search(org.admin(), "fnordic"))).isEmpty();
	}

	@Test
	void theSourceOffersEveryCommunityThreadAndReplyForARebuild() {
		String community = fixture.launched(sponsor, leader, "Rebuilders", "rebuild");
		String question = fixture.ask(leader, community, "Rebuild question?", "Body").get("id").asString();
		String answer = fixture.answer(sponsor, question, "Rebuild answer").get("id").asString();
		SearchSource source = context.getBeansOfType(SearchSource.class).values().stream()
			.filter(s -> s.name().equals("communities")).findFirst().orElseThrow();

		List<SearchDocument> documents = new ArrayList<>();
		source.forEach(documents::add);

		assertThat(documents).hasSize((int) source.count());
		assertThat(documents).filteredOn(d -> d.org().equals(org.id()))
			.extracting(d -> d.type() + ":" + d.id())
			.containsExactlyInAnyOrder("community:" + community, "question:" + question, "post:" + answer);
		SearchDocument thread = documents.stream().filter(d -> d.id().equals(question)).findFirst().orElseThrow();
		assertThat(thread.url()).isEqualTo("/o/" + org.slug() + "/threads/" + question);
		assertThat(thread.spaceKey()).isEqualTo("COP_REBUILDERS");
		assertThat(thread.tags()).containsExactly("rebuild");
		assertThat(thread.status()).isEqualTo("OPEN");
	}

	@Test
	void otherModulesLinkToCommunitiesThreadsAndPostsTheirReadersMaySee() {
		String community = fixture.launched(sponsor, leader, "Linkers");
		String question = fixture.ask(leader, community, "Linked question?", "Body").get("id").asString();
		String answer = fixture.answer(sponsor, question, "Linked answer").get("id").asString();
		String secret = fixture.propose(leader, "Hidden linkers", true).get("id").asString();
		TestData.Org other = data.org();

		assertThat(records.find(org.id(), "community", community, member.id()))
			.contains(new RecordRef("community", community, "Linkers", "communities/" + community));
		assertThat(records.find(org.id(), "question", question, member.id())).map(RecordRef::path)
			.contains("threads/" + question);
		assertThat(records.find(org.id(), "thread", question, null)).isPresent();
		assertThat(records.find(org.id(), "post", answer, member.id())).map(RecordRef::title)
			.contains("Answer by Person " + sponsor.email() + " to “Linked question?”");
		assertThat(records.find(org.id(), "community", secret, member.id())).isEmpty();
		assertThat(records.find(org.id(), "community", secret, null)).isPresent();
		assertThat(records.find(other.id(), "community", community, null)).isEmpty();
		assertThat(records.find(org.id(), "community", "nonsense", null)).isEmpty();
		assertThat(records.types()).contains("community", "thread", "question", "post");
	}

	@Test
	void similarQuestionsThatAreAlreadyAnsweredAreSuggested() {
		String community = fixture.launched(sponsor, leader, "Painters", "painting");
		fixture.join(member, community);
		String answered = fixture.ask(member, community, "How long does the blorpish primer dry?", "Humid hall").get("id")
			.asString();
		String answer = fixture.answer(leader, answered, "Two hours").get("id").asString();
		Http.api(port, member.token()).post(base + "/posts/" + answer + "/accept", Map.of());
		fixture.ask(member, community, "Blorpish primer colour?", "Grey or white");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Http.api(port, leader.token()).get(base + "/questions/similar?text=blorpish+primer+drying").json())
			.extracting(n -> n.get("id").asString())
			.containsExactly(answered));
	}
}
