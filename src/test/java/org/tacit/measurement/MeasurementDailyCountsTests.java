package org.tacit.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;
import tools.jackson.databind.JsonNode;

/**
 * The figures kept per day (issue 12): views, searches and zero-result searches belong to the period they
 * happened in, and contributions and active contributors break down by team (a manager's reports).
 */
@TacitTest
class MeasurementDailyCountsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	String base;
	TestData.Person viewer;
	LibraryFixture library;
	String checklist;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		base = "/api/v1/orgs/" + org.slug();
		viewer = data.member(org, "VIEWER");
		library = new LibraryFixture(port, org);
		library.space("OPS");
		checklist = library.published("OPS", "CHECKLIST", "Shutdown checklist", "- [ ] Lock the valves\n").get("id").asString();
	}

	private Http api(TestData.Person person) {
		return Http.api(port, person.token());
	}

	private static JsonNode figure(JsonNode metrics, String name) {
		for (JsonNode f : metrics.get("figures")) {
			if (f.get("name").asString().equals(name)) {
				return f;
			}
		}
		throw new AssertionError("No figure " + name + " in " + metrics);
	}

	private static double value(JsonNode metrics, String name) {
		return figure(metrics, name).get("value").asDouble();
	}

	@Test
	void viewsAreCountedInThePeriodTheyHappenedIn() {
		Http browser = Http.browser(port);
		browser.signIn(viewer.email(), TestData.PASSWORD);
		assertThat(browser.get("/o/" + org.slug() + "/items/" + checklist).status()).isEqualTo(200);
		assertThat(browser.get("/o/" + org.slug() + "/items/" + checklist).status()).isEqualTo(200);

		JsonNode now = api(viewer).get(base + "/metrics").json();
		assertThat(value(now, "views")).isEqualTo(2);
		// a figure of a period: compared with the previous one, which had none
		assertThat(figure(now, "views").get("previous").asDouble()).isZero();
		assertThat(figure(now, "views").get("trend").asString()).isEqualTo("BETTER");
		JsonNode bySpace = api(viewer).get(base + "/metrics/views?by=space").json();
		assertThat(bySpace.get("parts").get(0).get("key").asString()).isEqualTo("OPS");
		assertThat(bySpace.get("parts").get(0).get("value").asDouble()).isEqualTo(2);
		JsonNode past = api(viewer).get(base + "/metrics?from=2020-01-01&to=2020-12-31").json();
		assertThat(value(past, "views")).isZero();
	}

	@Test
	void searchesAndZeroResultSearchesAreCountedPerPeriod() {
		Http api = api(viewer);
		// the item is findable once indexed; every search until then found nothing and counts as such
		int[] emptyBefore = { 0 };
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
			boolean found = api.get(base + "/search?q=shutdown").json().get("total").asInt() > 0;
			if (!found) {
				emptyBefore[0]++;
			}
			return found;
		});
		assertThat(api.get(base + "/search?q=qwertyzzz+nothing").json().get("total").asInt()).isZero();
		// previews while typing and searches without words are no searches
		Http browser = Http.browser(port);
		browser.signIn(viewer.email(), TestData.PASSWORD);
		browser.get("/o/" + org.slug() + "/search/suggest?q=shut");
		api.get(base + "/search?q=");

		JsonNode now = api.get(base + "/metrics").json();
		long searches = emptyBefore[0] + 2;
		long zero = emptyBefore[0] + 1;
		assertThat(value(now, "searches")).isEqualTo(searches);
		assertThat(value(now, "zero-result-searches")).isEqualTo(zero);
		assertThat(value(now, "zero-result-share")).isEqualTo((double) zero / searches);
		assertThat(figure(now, "searches").get("previous").asDouble()).isZero();
		JsonNode past = api.get(base + "/metrics?from=2020-01-01&to=2020-12-31").json();
		assertThat(value(past, "searches")).isZero();
		assertThat(figure(past, "zero-result-share").get("value").isNull()).isTrue();
		// another organization's searches are not counted here
		TestData.Org other = data.org();
		Http.api(port, other.admin().token()).get("/api/v1/orgs/" + other.slug() + "/search?q=nothing+here");
		assertThat(value(api.get(base + "/metrics").json(), "searches")).isEqualTo(searches);
	}

	@Test
	void contributionsAndActiveContributorsBreakDownByTeam() {
		TestData.Person lead = data.member(org, "KNOWLEDGE_MANAGER");
		TestData.Person writer = data.member(org, "CONTRIBUTOR");
		TestData.Person reader = data.member(org, "CONTRIBUTOR");
		TestData.Person loner = data.member(org, "CONTRIBUTOR");
		Http admin = api(org.admin());
		assertThat(admin.patch(base + "/members/" + writer.id(), Map.of("manager", lead.email())).status()).isEqualTo(200);
		assertThat(admin.patch(base + "/members/" + reader.id(), Map.of("manager", lead.email())).status()).isEqualTo(200);
		library.draft(writer, "OPS", "ARTICLE", "Pump notes", "Grease monthly", List.of());
		library.draft(writer, "OPS", "ARTICLE", "Valve notes", "Turn slowly", List.of());
		library.draft(loner, "OPS", "ARTICLE", "Loner notes", "Alone", List.of());

		JsonNode contributions = api(viewer).get(base + "/metrics/contributions?by=team").json();
		assertThat(contributions.get("by").asString()).isEqualTo("team");
		assertThat(contributions.get("parts")).hasSize(1);
		JsonNode team = contributions.get("parts").get(0);
		assertThat(team.get("key").asString()).isEqualTo(lead.id().toString());
		assertThat(team.get("label").asString()).startsWith("Team of ");
		assertThat(team.get("value").asDouble()).isEqualTo(2);
		assertThat(team.get("previous").asDouble()).isZero();
		JsonNode share = api(viewer).get(base + "/metrics/active-contributors-share?by=team").json();
		assertThat(share.get("parts").get(0).get("value").asDouble()).isEqualTo(0.5);
		// a figure without teams refuses the breakdown
		Http.Response refused = api(viewer).get(base + "/metrics/views?by=team");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("\"by\"");

		Http browser = Http.browser(port);
		browser.signIn(viewer.email(), TestData.PASSWORD);
		Http.Response page = browser.get("/o/" + org.slug() + "/measurement/metrics/contributions?by=team");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("By team").contains("Team of ");
	}
}
