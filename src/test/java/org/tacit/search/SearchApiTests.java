package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** The search API: the shape of results, facets and filters, snippets, freshness of the index and bad input. */
@TacitTest
class SearchApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	SearchIndex searchIndex;

	TestData data;
	SearchFixtures index;
	TestData.Org org;
	Http viewer;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		index = new SearchFixtures(context);
		org = data.org();
		viewer = Http.api(port, data.member(org, "VIEWER").token());
	}

	private String search() {
		return "/api/v1/orgs/" + org.slug() + "/search";
	}

	private JsonNode get(String query) {
		Http.Response response = viewer.get(search() + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	@Test
	void facetsCountEveryMatchNotOnlyThePageAndFiltersNarrowTheResults() {
		UUID ann = UUID.randomUUID();
		UUID bob = UUID.randomUUID();
		index.put(SearchFixtures.doc(org.id(), "Sales deck template").kind("TEMPLATE").space("sales", "Sales")
			.tags("sales", "slides").owner(ann, "Ann").text("Quarterly plan.").build(),
				SearchFixtures.doc(org.id(), "Sales call checklist").kind("CHECKLIST").space("sales", "Sales")
					.tags("sales").owner(bob, "Bob").stale().text("Quarterly plan.").build(),
				SearchFixtures.doc(org.id(), "Plan template").kind("TEMPLATE").space("ops", "Operations")
					.tags("planning").owner(ann, "Ann").text("Quarterly plan.").build());

		JsonNode all = get("?q=quarterly&size=1");
		JsonNode templates = get("?q=quarterly&kind=template");
		JsonNode annInSales = get("?q=quarterly&space=sales&owner=" + ann);
		JsonNode tagged = get("?q=quarterly&tag=sales&tag=slides");
		JsonNode stale = get("?q=quarterly&stale=true");
		JsonNode fresh = get("?q=quarterly&stale=false");

		assertThat(all.get("total").asInt()).isEqualTo(3);
		assertThat(all.get("hits")).hasSize(1);
		assertThat(all.get("page").asInt()).isZero();
		assertThat(all.get("size").asInt()).isEqualTo(1);
		JsonNode facets = all.get("facets");
		assertThat(facets.get("kind").get("TEMPLATE").asInt()).isEqualTo(2);
		assertThat(facets.get("kind").get("CHECKLIST").asInt()).isEqualTo(1);
		assertThat(facets.get("space").get("sales").asInt()).isEqualTo(2);
		assertThat(facets.get("tag").get("sales").asInt()).isEqualTo(2);
		assertThat(facets.get("tag").get("planning").asInt()).isEqualTo(1);
		assertThat(facets.get("owner").get(ann.toString()).asInt()).isEqualTo(2);
		assertThat(facets.get("freshness").get("stale").asInt()).isEqualTo(1);
		assertThat(facets.get("freshness").get("fresh").asInt()).isEqualTo(2);
		assertThat(all.get("labels").get("space").get("ops").asString()).isEqualTo("Operations");
		assertThat(all.get("labels").get("owner").get(bob.toString()).asString()).isEqualTo("Bob");
		assertThat(templates.get("hits").findValuesAsString("title")).containsExactlyInAnyOrder("Sales deck template",
				"Plan template");
		assertThat(templates.get("facets").get("kind").propertyNames()).containsExactly("TEMPLATE");
		assertThat(annInSales.get("hits").findValuesAsString("title")).containsExactly("Sales deck template");
		assertThat(tagged.get("hits").findValuesAsString("title")).containsExactly("Sales deck template");
		assertThat(stale.get("hits").findValuesAsString("title")).containsExactly("Sales call checklist");
		assertThat(fresh.get("total").asInt()).isEqualTo(2);
	}

	@Test
	void aHitCarriesWhatAClientNeedsToShowAndOpenIt() {
		UUID owner = UUID.randomUUID();
		SearchDocument document = SearchFixtures.doc(org.id(), "Vendor onboarding").kind("ARTICLE")
			.space("buy", "Purchasing").owner(owner, "Pia").tags("vendors", "onboarding").type("attachment")
			.parent("item-42").text("First paragraph. " + "Filler words here. ".repeat(30)
					+ "The vendor must sign the code of conduct. " + "More filler. ".repeat(30))
			.build();
		index.put(document);

		JsonNode hit = get("?q=" + URLEncoder.encode("conduct", StandardCharsets.UTF_8)).get("hits").get(0);

		assertThat(hit.get("id").asString()).isEqualTo(document.id());
		assertThat(hit.get("type").asString()).isEqualTo("attachment");
		assertThat(hit.get("parentId").asString()).isEqualTo("item-42");
		assertThat(hit.get("url").asString()).isEqualTo(document.url());
		assertThat(hit.get("title").asString()).isEqualTo("Vendor onboarding");
		assertThat(hit.get("snippet").asString()).contains("sign the code of <mark>conduct</mark>")
			.doesNotContain("First paragraph")
			.hasSizeLessThan(400);
		assertThat(hit.get("score").asDouble()).isPositive();
		assertThat(hit.get("stale").asBoolean()).isFalse();
		assertThat(hit.get("kind").asString()).isEqualTo("ARTICLE");
		assertThat(hit.get("space").asString()).isEqualTo("buy");
		assertThat(hit.get("spaceName").asString()).isEqualTo("Purchasing");
		assertThat(hit.get("owner").asString()).isEqualTo(owner.toString());
		assertThat(hit.get("ownerName").asString()).isEqualTo("Pia");
		assertThat(hit.get("tags").valueStream().map(JsonNode::asString)).containsExactly("vendors", "onboarding");
		assertThat(hit.get("updatedAt").asString()).isEqualTo("2026-11-01T10:00:00Z");
	}

	@Test
	void withoutWordsEverythingVisibleIsListedMostRecentlyChangedFirst() {
		index.put(SearchFixtures.doc(org.id(), "Older").updatedAt(java.time.Instant.parse("2026-01-01T00:00:00Z")).build(),
				SearchFixtures.doc(org.id(), "Newer").updatedAt(java.time.Instant.parse("2026-06-01T00:00:00Z")).build());

		JsonNode all = get("");

		assertThat(all.get("hits").findValuesAsString("title")).containsExactly("Newer", "Older");
		assertThat(all.get("hits").get(0).get("score").asDouble()).isZero();
	}

	@Test
	void aRecordIsFindableWithinOneSecondOfPutReturning() {
		String word = "fresh" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

		searchIndex.put(SearchFixtures.doc(org.id(), "Just written " + word).build());

		await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
			.until(() -> get("?q=" + word).get("total").asInt() == 1);
	}

	@Test
	void putReplacesTheRecordWithTheSameTypeAndIdAndRemoveTakesItOut() {
		SearchDocument first = SearchFixtures.doc(org.id(), "Version one").id("same").build();
		index.put(first);
		index.put(SearchFixtures.doc(org.id(), "Version two").id("same").build());
		index.put(SearchFixtures.doc(org.id(), "Other type").id("same").type("comment").build());

		assertThat(get("?q=version").get("hits").findValuesAsString("title")).containsExactly("Version two");

		searchIndex.remove(org.id(), "item", "same");
		index.awaitCount(org.id(), "item", "same", 0);
		assertThat(get("?q=version").get("total").asInt()).isZero();
		assertThat(get("?q=other").get("total").asInt()).isEqualTo(1);
		searchIndex.remove(org.id(), "item", "never-existed");
	}

	@Test
	void removeChildrenTakesOutTheAttachmentsAndCommentsOfARecord() {
		index.put(SearchFixtures.doc(org.id(), "Parent item").id("p1").text("tiger").build(),
				SearchFixtures.doc(org.id(), "Attachment").type("attachment").id("a1").parent("p1").text("tiger").build(),
				SearchFixtures.doc(org.id(), "Comment").type("comment").id("c1").parent("p1").text("tiger").build(),
				SearchFixtures.doc(org.id(), "Other comment").type("comment").id("c2").parent("p2").text("tiger").build());

		searchIndex.removeChildren(org.id(), "p1");
		index.awaitCount(org.id(), "comment", "c1", 0);

		assertThat(get("?q=tiger").get("hits").findValuesAsString("title")).containsExactlyInAnyOrder("Parent item",
				"Other comment");
	}

	@Test
	void badInputIsRefusedWithProblemDetailsNamingTheField() {
		assertProblem(viewer.get(search() + "?q=" + "x".repeat(501)), "q");
		assertProblem(viewer.get(search() + "?q=a&size=101"), "size");
		assertProblem(viewer.get(search() + "?q=a&page=-1"), "page");
		assertProblem(viewer.get(search() + "?q=a&page=100&size=100"), "page");
		assertProblem(viewer.get(search() + "?q=a&owner=not-a-uuid"), "owner");
		assertProblem(viewer.get(search() + "?q=a&stale=maybe"), "stale");
		assertProblem(viewer.get(search() + "?q=a&kind=" + "K".repeat(501)), "kind");
		assertThat(viewer.get(search() + "?q=" + "x".repeat(500)).status()).isEqualTo(200);
	}

	private static void assertProblem(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

	@Test
	void searchNeedsATokenAndIsDescribedInTheApiDocument() {
		assertThat(Http.api(port, null).get(search() + "?q=x").status()).isEqualTo(401);
		assertThat(Http.api(port, null).get("/v3/api-docs").json().get("paths").propertyNames()).contains(
				"/api/v1/orgs/{org}/search", "/api/v1/orgs/{org}/search/gaps", "/api/v1/orgs/{org}/search/synonyms");
	}

	@Test
	void withSemanticSearchSwitchedOffEveryModeRanksByWordsAndSaysSoWhenAsked() {
		index.put(SearchFixtures.doc(org.id(), "Vendor onboarding").text("Register the vendor in the finance system.")
			.build());

		JsonNode byDefault = get("?q=vendor");
		JsonNode asked = get("?q=vendor&mode=hybrid");
		JsonNode health = Http.api(port, data.siteAdmin().token()).get("/actuator/health").json();

		assertThat(byDefault.get("mode").asString()).isEqualTo("keyword");
		assertThat(byDefault.get("notes").size()).as("switched off by configuration: nothing to warn about").isZero();
		assertThat(asked.get("mode").asString()).isEqualTo("keyword");
		assertThat(asked.get("notes").toString()).contains("semantic-unavailable");
		assertThat(asked.get("hits").findValuesAsString("title")).containsExactly("Vendor onboarding");
		assertThat(viewer.get(search() + "?q=vendor&mode=fuzzy").status()).isEqualTo(400);
		JsonNode vectors = health.get("components").get("vectors");
		assertThat(vectors.get("status").asString()).isEqualTo("UP");
		assertThat(vectors.get("details").get("enabled").asBoolean()).isFalse();
	}
}
