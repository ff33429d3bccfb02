package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.search.internal.Embeddings;
import org.tacit.search.internal.VectorIndex;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Search by meaning with the real embedding model, in a context of its own (the shared one has
 * semantic search switched off, so that ranking tests see pure BM25): passages are embedded in the
 * background after a record is indexed, the modes rank as named, both halves are filtered by permission
 * inside their queries, and a failing model degrades to keyword search with a note and a health warning.
 */
@TacitTest
@TestPropertySource(properties = { "tacit.search.vectors.enabled=true", "tacit.data-dir=target/test-data-semantic",
		"spring.datasource.url=${TACIT_DB_URL:jdbc:h2:mem:tacit-semantic;DB_CLOSE_DELAY=-1}" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SemanticSearchTests {

	/** Guidance that a question in other words should find. */
	static final String HANDOVER = "Handing over client accounts when an employee departs";
	static final String HANDOVER_TEXT = "Before their last day, the departing account manager introduces the "
			+ "successor to every client, shares open contracts and the relationship history, and stays reachable "
			+ "for two weeks.";
	/** Asked without one word of the guidance's title or text. */
	static final String QUESTION = "what should happen with my customers if somebody quits";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	VectorIndex vectors;

	@Autowired
	Embeddings embeddings;

	TestData data;
	SearchFixtures index;
	TestData.Org org;
	TestData.Person viewer;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		index = new SearchFixtures(context);
		org = data.org();
		viewer = data.member(org, "VIEWER");
	}

	@AfterEach
	void modelWorks() {
		embeddings.retry();
	}

	private JsonNode search(TestData.Person person, String query, String mode) {
		Http.Response response = Http.api(port, person.token())
			.get("/api/v1/orgs/" + org.slug() + "/search?q=" + query.replace(' ', '+') + (mode == null ? "" : "&mode=" + mode));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private void embedded() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> vectors.pending() == 0);
	}

	private void library() {
		index.put(SearchFixtures.doc(org.id(), HANDOVER).text(HANDOVER_TEXT).tags("offboarding").build(),
				SearchFixtures.doc(org.id(), "Expense report deadlines")
					.text("Submit travel receipts within thirty days through the finance portal.")
					.build(),
				SearchFixtures.doc(org.id(), "Cleaning the espresso machine")
					.text("Descale the coffee machine every Friday and empty the drip tray.")
					.build());
		embedded();
	}

	@Test
	void meaningFindsGuidanceWrittenInOtherWordsWhereWordsFindNothing() {
		library();

		JsonNode keyword = search(viewer, QUESTION, "keyword");
		JsonNode semantic = search(viewer, QUESTION, "semantic");
		JsonNode hybrid = search(viewer, QUESTION, null);

		assertThat(keyword.get("total").asLong()).isZero();
		assertThat(keyword.get("mode").asString()).isEqualTo("keyword");
		assertThat(semantic.get("mode").asString()).isEqualTo("semantic");
		assertThat(semantic.get("hits").get(0).get("title").asString()).isEqualTo(HANDOVER);
		// the best passage is the snippet, escaped, without the title it was embedded with
		assertThat(semantic.get("hits").get(0).get("snippet").asString()).startsWith("Before their last day")
			.doesNotContain(HANDOVER);
		assertThat(hybrid.get("mode").asString()).as("the default when vectors exist").isEqualTo("hybrid");
		assertThat(hybrid.get("hits").get(0).get("title").asString()).isEqualTo(HANDOVER);
		assertThat(hybrid.get("facets").get("tag").get("offboarding").asInt()).isEqualTo(1);
	}

	@Test
	void hybridKeepsTheExactMatchFirstAndCountsTheUnionInTotalAndFacets() {
		library();
		index.put(SearchFixtures.doc(org.id(), "Account manager succession")
			.text("Who takes over a client relationship when the manager leaves the firm.")
			.build());
		embedded();

		JsonNode keyword = search(viewer, "succession", "keyword");
		JsonNode hybrid = search(viewer, "succession", "hybrid");

		assertThat(keyword.get("hits").findValuesAsString("title")).containsExactly("Account manager succession");
		assertThat(hybrid.get("hits").get(0).get("title").asString()).isEqualTo("Account manager succession");
		assertThat(hybrid.get("total").asLong()).isEqualTo(hybrid.get("hits").size())
			.isGreaterThanOrEqualTo(keyword.get("total").asLong());
		// matched by words: the snippet marks them; the espresso machine is nothing like a succession
		assertThat(hybrid.get("hits").findValuesAsString("title")).doesNotContain("Cleaning the espresso machine");
	}

	@Test
	void aTypoIsToleratedInTheKeywordHalfAsInKeywordMode() {
		library();

		JsonNode hybrid = search(viewer, "espreso", "hybrid");

		assertThat(hybrid.get("approximate").asBoolean()).isTrue();
		assertThat(hybrid.get("hits").get(0).get("title").asString()).isEqualTo("Cleaning the espresso machine");
		assertThat(search(viewer, "espreso", "keyword").get("approximate").asBoolean()).isTrue();
	}

	@Test
	void unrelatedQueriesFindNothingByMeaningEither() {
		library();

		JsonNode hybrid = search(viewer, "migration routes of zebras in the serengeti", null);

		assertThat(hybrid.get("mode").asString()).isEqualTo("hybrid");
		assertThat(hybrid.get("total").asLong()).as(hybrid.toString()).isZero();
	}

	@Test
	void bothHalvesAreFilteredByPermissionInsideTheQuery() {
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		index.put(SearchFixtures.doc(org.id(), HANDOVER).text(HANDOVER_TEXT).owner(author.id(), "Author").unpublished().build(),
				SearchFixtures.doc(org.id(), "Client handover in the board room").text(HANDOVER_TEXT).space("board", "Board")
					.membersOnly().build());
		embedded();

		for (String mode : List.of("semantic", "hybrid")) {
			JsonNode forViewer = search(viewer, QUESTION, mode);
			assertThat(forViewer.get("total").asLong()).as(mode).isZero();
			assertThat(forViewer.get("facets").get("space").size()).as(mode).isZero();
			JsonNode forAuthor = search(author, QUESTION, mode);
			assertThat(forAuthor.get("hits").findValuesAsString("title")).as(mode).containsExactly(HANDOVER);
		}
		JsonNode byWords = search(viewer, "board room handover", "hybrid");
		assertThat(byWords.get("total").asLong()).isZero();
	}

	@Test
	void theNearestNeighboursAreTheVisibleOnesNotTheNearestOverall() {
		// more hidden copies of the best answer than the passages a search looks at: filtered after the
		// nearest-neighbour search, they would crowd out the one record the viewer may see
		SearchDocument[] hidden = new SearchDocument[110];
		for (int i = 0; i < hidden.length; i++) {
			hidden[i] = SearchFixtures.doc(org.id(), HANDOVER).text(HANDOVER_TEXT).space("board", "Board").membersOnly()
				.build();
		}
		index.put(hidden);
		index.put(SearchFixtures.doc(org.id(), "Account manager succession")
			.text("Who takes over a client relationship when the manager leaves the firm.")
			.build());
		embedded();

		JsonNode semantic = search(viewer, QUESTION, "semantic");

		assertThat(semantic.get("hits").findValuesAsString("title")).containsExactly("Account manager succession");
	}

	@Test
	void aRecordThatBecameMembersOnlyIsNotFoundThroughItsOlderVectors() {
		String id = UUID.randomUUID().toString();
		index.put(SearchFixtures.doc(org.id(), HANDOVER).id(id).text(HANDOVER_TEXT).build());
		embedded();
		assertThat(search(viewer, QUESTION, "semantic").get("total").asLong()).isEqualTo(1);

		// the text index changes at once; its passages follow later, and must not leak meanwhile
		index.put(SearchFixtures.doc(org.id(), HANDOVER).id(id).text(HANDOVER_TEXT).space("board", "Board").membersOnly()
			.build());
		index.awaitCount(org.id(), "item", id, 1);

		assertThat(search(viewer, QUESTION, "semantic").get("total").asLong()).isZero();
		embedded();
		assertThat(search(viewer, QUESTION, "semantic").get("total").asLong()).isZero();
	}

	@Test
	void removedRecordsLoseTheirPassages() {
		String id = UUID.randomUUID().toString();
		index.put(SearchFixtures.doc(org.id(), HANDOVER).id(id).text(HANDOVER_TEXT).build(),
				SearchFixtures.doc(org.id(), "Handover attachment").type("attachment").parent(id).text(HANDOVER_TEXT).build());
		embedded();
		long before = vectors.passages();

		context.getBean(SearchIndex.class).removeChildren(org.id(), id);
		context.getBean(SearchIndex.class).remove(org.id(), "item", id);
		embedded();

		assertThat(vectors.passages()).isEqualTo(before - 2);
		assertThat(search(viewer, QUESTION, "semantic").get("total").asLong()).isZero();
	}

	@Test
	void relatedKnowledgeUsesMeaningToo() {
		library();
		OrgAccess asViewer = new OrgAccess(new OrgId(org.id()), org.slug(), "Org", new PersonId(viewer.id()),
				Role.VIEWER);

		List<KnowledgeSearch.Found> related = context.getBean(KnowledgeSearch.class)
			.related(asViewer, "A colleague resigns next month: who looks after her customers?", Set.of(), Set.of(), 5);

		assertThat(related).extracting(KnowledgeSearch.Found::title).first().isEqualTo(HANDOVER);
	}

	@Test
	void theSearchPageOffersTheModesAndSaysHowItRanked() {
		library();
		Http browser = Http.browser(port);
		browser.signIn(viewer.email(), TestData.PASSWORD);
		String page = "/o/" + org.slug() + "/search?q=" + QUESTION.replace(' ', '+');

		Document hybrid = Jsoup.parse(browser.get(page).body());
		Document keyword = Jsoup.parse(browser.get(page + "&mode=keyword").body());

		assertThat(hybrid.select("select#search-mode option").eachAttr("value")).containsExactly("", "keyword",
				"semantic");
		assertThat(hybrid.select(".hit-title a").eachText()).first().isEqualTo(HANDOVER);
		assertThat(hybrid.select(".search-ranked").text()).contains("by meaning");
		assertThat(keyword.select(".hit-title a")).isEmpty();
		assertThat(keyword.select("select#search-mode option[selected]").attr("value")).isEqualTo("keyword");
		assertThat(browser.get(page + "&mode=vibes").body()).contains("Use keyword, semantic or hybrid.");
	}

	@Test
	void badModesAndEmptySemanticQueriesAreRefusedWithTheField() {
		Http api = Http.api(port, viewer.token());

		Http.Response badMode = api.get("/api/v1/orgs/" + org.slug() + "/search?q=handover&mode=vibes");
		Http.Response empty = api.get("/api/v1/orgs/" + org.slug() + "/search?q=&mode=semantic");

		assertThat(badMode.status()).isEqualTo(400);
		assertThat(badMode.contentType()).contains("application/problem+json");
		assertThat(badMode.body()).contains("\"mode\"");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("\"q\"");
	}

	@Test
	void aQueryLongerThanTheModelReadsIsCutWithANote() {
		library();
		StringBuilder query = new StringBuilder("customers of somebody who quits");
		while (query.length() < 480) {
			query.append(" zq").append(query.length()); // odd words: many word pieces each
		}

		JsonNode hybrid = search(viewer, query.toString(), "semantic");

		assertThat(hybrid.get("notes").toString()).contains("query-truncated");
	}

	@Test
	void aFailingModelDegradesToKeywordSearchWithAWarning() {
		library();
		embeddings.failed("model crashed in a test", new IllegalStateException("test"));

		JsonNode hybrid = search(viewer, "espresso", null);
		JsonNode semantic = search(viewer, "espresso", "semantic");
		JsonNode health = Http.api(port, data.siteAdmin().token()).get("/actuator/health").json();

		assertThat(hybrid.get("mode").asString()).isEqualTo("keyword");
		assertThat(hybrid.get("hits").findValuesAsString("title")).containsExactly("Cleaning the espresso machine");
		assertThat(hybrid.get("notes").toString()).contains("semantic-unavailable");
		assertThat(semantic.get("mode").asString()).isEqualTo("keyword");
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode details = health.get("components").get("vectors").get("details");
		assertThat(details.get("available").asBoolean()).isFalse();
		assertThat(details.get("warning").asString()).contains("model crashed in a test");

		Http browser = Http.browser(port);
		browser.signIn(viewer.email(), TestData.PASSWORD);
		Http.Response page = browser.get("/o/" + org.slug() + "/search?q=espresso");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Search by meaning is not available right now");
	}

	@Test
	void reindexingVectorsEmbedsEveryRecordAgainWithProgress() {
		library();
		AtomicLong lastDone = new AtomicLong(-1);
		AtomicLong lastTotal = new AtomicLong(-1);

		long passages = context.getBean(SearchRebuild.class).rebuildVectors((source, done, total) -> {
			lastDone.set(done);
			lastTotal.set(total);
		});

		assertThat(passages).isGreaterThanOrEqualTo(3).isEqualTo(vectors.passages());
		assertThat(lastTotal.get()).isPositive();
		assertThat(lastDone.get()).isEqualTo(lastTotal.get());
		assertThat(search(viewer, QUESTION, "semantic").get("hits").get(0).get("title").asString()).isEqualTo(HANDOVER);
	}
}
