package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** Relevance: what ranks first, typos, phrases, prefixes and input that is not valid query syntax. */
@TacitTest
class SearchRankingTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	SearchFixtures index;
	TestData.Org org;
	Http viewer;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		index = new SearchFixtures(context);
		org = data.org();
		viewer = Http.api(port, data.member(org, "VIEWER").token());
	}

	private JsonNode search(String q) {
		Http.Response response = viewer
			.get("/api/v1/orgs/" + org.slug() + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<String> titles(JsonNode results) {
		return results.get("hits").findValuesAsString("title");
	}

	@Test
	void aTitleMatchRanksAboveABodyMatch() {
		index.put(SearchFixtures.doc(org.id(), "Travel expenses").text("How to claim the onboarding budget for trips.").build(),
				SearchFixtures.doc(org.id(), "Onboarding checklist").text("Steps for the first week of new people.").build());

		assertThat(titles(search("onboarding"))).containsExactly("Onboarding checklist", "Travel expenses");
	}

	@Test
	void aTagMatchRanksAboveABodyMatch() {
		index.put(SearchFixtures.doc(org.id(), "Coffee machine").text("Descale the coffee machine monthly.").build(),
				SearchFixtures.doc(org.id(), "Kitchen rules").text("Keep it clean.").tags("coffee").build());

		assertThat(titles(search("coffee"))).first().isEqualTo("Coffee machine");
		assertThat(titles(search("descale coffee"))).containsExactly("Coffee machine");
		index.put(SearchFixtures.doc(org.id(), "Office plants").text("Water the plants and drink coffee.").build());
		assertThat(titles(search("coffee"))).containsExactly("Coffee machine", "Kitchen rules", "Office plants");
	}

	@Test
	void staleRecordsRankBelowFreshOnesAndRecentlyVerifiedAboveUnverified() {
		Instant now = Instant.now();
		index.put(SearchFixtures.doc(org.id(), "Release process").text("How we ship.").stale().build(),
				SearchFixtures.doc(org.id(), "Release process").text("How we ship.").build(),
				SearchFixtures.doc(org.id(), "Release process").text("How we ship.").verifiedAt(now.minus(2, ChronoUnit.DAYS)).build());

		JsonNode hits = search("release").get("hits");

		assertThat(hits.findValuesAsString("stale")).containsExactly("false", "false", "true");
		assertThat(hits.get(0).get("score").asDouble()).isGreaterThan(hits.get(1).get("score").asDouble());
		assertThat(hits.get(1).get("score").asDouble()).isGreaterThan(hits.get(2).get("score").asDouble());
	}

	@Test
	void allWordsMustMatchAndPluralsFindSingulars() {
		index.put(SearchFixtures.doc(org.id(), "Budget template").text("A spreadsheet for the yearly budget.").build(),
				SearchFixtures.doc(org.id(), "Budget review").text("Who approves what.").build());

		assertThat(titles(search("budget spreadsheet"))).containsExactly("Budget template");
		assertThat(titles(search("templates"))).containsExactly("Budget template");
		assertThat(titles(search("Budget OR nothing-like-this"))).hasSize(2);
		assertThat(titles(search("budget -review"))).containsExactly("Budget template");
	}

	@Test
	void typosAreForgivenWhenTheExactWordsFindLittle() {
		index.put(SearchFixtures.doc(org.id(), "Procurement guidance").text("How to buy from a new supplier.").build());

		JsonNode typo = search("procurment");
		JsonNode twoTypos = search("supplyer guidnace");

		assertThat(titles(typo)).containsExactly("Procurement guidance");
		assertThat(typo.get("approximate").asBoolean()).isTrue();
		assertThat(titles(twoTypos)).containsExactly("Procurement guidance");
		assertThat(search("procurement").get("approximate").asBoolean()).isFalse();
		assertThat(titles(search("xyzzyq"))).isEmpty();
	}

	@Test
	void quotedPhrasesMatchOnlyInThatOrder() {
		index.put(SearchFixtures.doc(org.id(), "Risk one").text("The customer data must be encrypted at rest.").build(),
				SearchFixtures.doc(org.id(), "Risk two").text("Data from every customer is kept for a year.").build());

		assertThat(titles(search("\"customer data\""))).containsExactly("Risk one");
		assertThat(titles(search("customer data"))).containsExactlyInAnyOrder("Risk one", "Risk two");
		assertThat(titles(search("\"data customer\""))).isEmpty();
	}

	@Test
	void aTrailingStarFindsWordsThatStartAlike() {
		index.put(SearchFixtures.doc(org.id(), "Kubernetes runbook").text("Restart the deployment.").build(),
				SearchFixtures.doc(org.id(), "Kubectl cheat sheet").text("Common commands.").build(),
				SearchFixtures.doc(org.id(), "Cube calculator").text("Volumes.").build());

		assertThat(titles(search("kube*"))).containsExactlyInAnyOrder("Kubernetes runbook", "Kubectl cheat sheet");
		assertThat(titles(search("deploy*"))).containsExactly("Kubernetes runbook");
	}

	@Test
	void inputThatIsNotValidSyntaxIsSearchedAsText() {
		index.put(SearchFixtures.doc(org.id(), "C++ style guide").text("Brackets (and braces) go on the same line.").build());

		for (String q : new String[] { "\"unclosed phrase", "(((", "title:", "*", "-", "AND OR NOT", "\\", "~2", "a^3",
				"[to]", "{}", "!!!", "\"\"", "OR style", "style OR", "-\"\"", "brackets))", "/regex/", "?", "c++*" }) {
			Http.Response response = viewer.get("/api/v1/orgs/" + org.slug() + "/search?q="
					+ URLEncoder.encode(q, StandardCharsets.UTF_8));
			assertThat(response.status()).as(q).isEqualTo(200);
		}
		assertThat(titles(search("(brackets"))).containsExactly("C++ style guide");
		assertThat(titles(search("style\""))).containsExactly("C++ style guide");
	}
}
