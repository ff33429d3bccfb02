package org.tacit.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
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
 * The figures of a period from real records (library, lessons, the value register) through the API, their
 * breakdowns and previous period, success stories and their totals per piece of knowledge, targets and
 * the improvement list, the CSV exports, and every refusal changing nothing.
 */
@TacitTest
class MeasurementApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	String base;
	Http admin;
	TestData.Person manager;
	TestData.Person contributor;
	TestData.Person viewer;
	LibraryFixture library;
	String checklist;
	String guidance;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		base = "/api/v1/orgs/" + org.slug();
		admin = Http.api(port, org.admin().token());
		manager = data.member(org, "KNOWLEDGE_MANAGER");
		contributor = data.member(org, "CONTRIBUTOR");
		viewer = data.member(org, "VIEWER");
		library = new LibraryFixture(port, org);
		library.space("OPS");
		library.space("HR");
		checklist = library.published("OPS", "CHECKLIST", "Shutdown checklist", "- [ ] Lock the valves\n").get("id").asString();
		guidance = library.published("HR", "ARTICLE", "Onboarding guide", "How we welcome people").get("id").asString();
	}

	private Http api(TestData.Person person) {
		return Http.api(port, person.token());
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
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

	private Map<String, Object> story(String title, Object hours, Object links) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("story", "What happened: " + title);
		body.put("hoursSaved", hours);
		body.put("links", links);
		return body;
	}

	private static void invalid(Http.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"" + field + "\"");
	}

	@Test
	void figuresComeFromTheModulesRecordsAndBreakDownBySpaceAndKind() {
		assertThat(api(contributor).post(base + "/items/" + checklist + "/uses", Map.of()).status()).isEqualTo(201);
		api(contributor).post(base + "/lessons", Map.of("title", "Valves take six weeks", "observation", "We waited",
				"priority", "CAUTION"));

		JsonNode metrics = api(viewer).get(base + "/metrics").json();
		assertThat(metrics.get("to").asString()).isEqualTo(today().toString());
		assertThat(metrics.get("from").asString()).isEqualTo(today().minusDays(89).toString());
		assertThat(metrics.get("previousTo").asString()).isEqualTo(today().minusDays(90).toString());
		assertThat(value(metrics, "contributions")).isEqualTo(2);
		// the administrator saved both items; four active members
		assertThat(value(metrics, "active-contributors-share")).isEqualTo(0.25);
		assertThat(value(metrics, "reuse-events")).isEqualTo(1);
		assertThat(value(metrics, "stale-share")).isZero();
		assertThat(value(metrics, "lessons-captured")).isEqualTo(1);
		assertThat(value(metrics, "lessons-embedded-share")).isZero();
		assertThat(figure(metrics, "lessons-median-days-to-embedded").get("value").isNull()).isTrue();
		assertThat(figure(metrics, "contributions").get("previous").asDouble()).isZero();
		assertThat(figure(metrics, "stale-share").get("previous").isNull()).isTrue();
		assertThat(figure(metrics, "contributions").get("status").asString()).isEqualTo("NO_TARGET");
		assertThat(figure(metrics, "stale-share").get("path").asString()).isEqualTo("/o/" + org.slug() + "/review");

		JsonNode bySpace = api(viewer).get(base + "/metrics/contributions?by=space").json();
		assertThat(bySpace.get("figure").get("value").asDouble()).isEqualTo(2);
		assertThat(bySpace.get("parts").valueStream().map(p -> p.get("key").asString() + "=" + p.get("value").asDouble()))
			.containsExactlyInAnyOrder("OPS=1.0", "HR=1.0");
		JsonNode byKind = api(viewer).get(base + "/metrics/contributions?by=kind").json();
		assertThat(byKind.get("parts").valueStream()
			.filter(p -> p.get("value").asDouble() > 0)
			.map(p -> p.get("key").asString())).containsExactlyInAnyOrder("CHECKLIST", "ARTICLE");
		JsonNode reuse = api(viewer).get(base + "/metrics/reuse-events?by=space").json();
		assertThat(reuse.get("parts").get(0).get("key").asString()).isEqualTo("OPS");
		assertThat(reuse.get("parts").get(0).get("value").asDouble()).isEqualTo(1);

		// a period before anything happened
		JsonNode before = api(viewer).get(base + "/metrics?from=2020-01-01&to=2020-01-31").json();
		assertThat(value(before, "contributions")).isZero();
		assertThat(figure(before, "lessons-embedded-share").get("value").isNull()).isTrue();
		assertThat(before.get("previousFrom").asString()).isEqualTo("2019-12-01");
	}

	@Test
	void communityHealthBreaksDownByCommunityAndAStoryMayCreditACommunity() {
		org.tacit.support.CommunityFixture communities = new org.tacit.support.CommunityFixture(port, org);
		String community = communities.launched(manager, contributor, "Maintenance practice", "maintenance");
		communities.ask(contributor, community, "Which grease for the pumps?", "The old one is discontinued.");

		JsonNode metrics = api(viewer).get(base + "/metrics").json();
		assertThat(value(metrics, "communities-answered-share")).isZero();
		assertThat(figure(metrics, "communities-answered-share").get("previous").isNull()).isTrue();
		JsonNode byCommunity = api(viewer).get(base + "/metrics/communities-answered-share?by=community").json();
		assertThat(byCommunity.get("parts")).hasSize(1);
		assertThat(byCommunity.get("parts").get(0).get("key").asString()).isEqualTo(community);
		assertThat(byCommunity.get("parts").get(0).get("label").asString()).isEqualTo("Maintenance practice");
		assertThat(byCommunity.get("parts").get(0).get("value").asDouble()).isZero();
		invalid(api(viewer).get(base + "/metrics/communities-answered-share?by=space"), "by");

		Http.Response story = api(contributor).post(base + "/value-stories",
				story("The community found a grease", 2, List.of(Map.of("type", "community", "id", community))));
		assertThat(story.status()).as(story.toString()).isEqualTo(201);
		assertThat(story.json().get("links").get(0).get("title").asString()).isEqualTo("Maintenance practice");
	}

	@Test
	void successStoriesCreditTheKnowledgeTheyUsedWithTotalsPerPeriodAndPiece() {
		Http api = api(contributor);
		Map<String, Object> first = story("The checklist saved the shutdown", 80,
				List.of(Map.of("type", "item", "id", checklist)));
		first.put("costAvoided", Map.of("amount", 5000, "currency", "eur"));
		first.put("innovation", true);
		first.put("innovationKind", "PROCESS");
		first.put("innovationNote", "A shorter shutdown sequence");
		Http.Response created = api.post(base + "/value-stories", first);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode story = created.json();
		assertThat(story.get("costAvoided").get("currency").asString()).isEqualTo("EUR");
		assertThat(story.get("links").get(0).get("title").asString()).isEqualTo("Shutdown checklist");
		assertThat(story.get("links").get(0).get("path").asString()).isEqualTo("items/" + checklist);
		assertThat(story.get("reportedBy").get("id").asString()).isEqualTo(contributor.id().toString());
		assertThat(story.get("confirmedAt").isNull()).isTrue();

		Map<String, Object> second = story("The checklist again", 40,
				List.of(Map.of("type", "item", "id", checklist), Map.of("type", "item", "id", guidance)));
		second.put("costAvoided", Map.of("amount", 250.5, "currency", "USD"));
		assertThat(api.post(base + "/value-stories", second).status()).isEqualTo(201);
		Map<String, Object> old = story("Last year", 7, List.of());
		old.put("occurredOn", today().minusDays(100).toString());
		assertThat(api.post(base + "/value-stories", old).status()).isEqualTo(201);

		JsonNode value = api(viewer).get(base + "/value-stories/totals").json();
		assertThat(value.get("totals").get("stories").asLong()).isEqualTo(2);
		assertThat(value.get("totals").get("hoursSaved").asDouble()).isEqualTo(120);
		assertThat(value.get("totals").get("costsAvoided").valueStream()
			.map(m -> m.get("currency").asString() + " " + m.get("amount").asDouble())).containsExactly("EUR 5000.0", "USD 250.5");
		assertThat(value.get("totals").get("innovations").asLong()).isEqualTo(1);
		JsonNode top = value.get("knowledge").get("items").get(0);
		assertThat(top.get("id").asString()).isEqualTo(checklist);
		assertThat(top.get("title").asString()).isEqualTo("Shutdown checklist");
		assertThat(top.get("stories").asLong()).isEqualTo(2);
		assertThat(top.get("hoursSaved").asDouble()).isEqualTo(120);
		assertThat(value.get("knowledge").get("totalItems").asLong()).isEqualTo(2);

		JsonNode metrics = api(viewer).get(base + "/metrics").json();
		assertThat(value(metrics, "hours-saved")).isEqualTo(120);
		assertThat(figure(metrics, "hours-saved").get("previous").asDouble()).isEqualTo(7);
		assertThat(figure(metrics, "hours-saved").get("trend").asString()).isEqualTo("BETTER");
		assertThat(value(metrics, "value-stories")).isEqualTo(2);
		assertThat(value(metrics, "innovations")).isEqualTo(1);
		assertThat(metrics.get("value").get("hoursSaved").asDouble()).isEqualTo(120);

		JsonNode list = api(viewer).get(base + "/value-stories?size=1").json();
		assertThat(list.get("totalItems").asLong()).isEqualTo(2);
		assertThat(list.get("items")).hasSize(1);

		// confirmation: a knowledge manager, not the reporter
		String id = story.get("id").asString();
		assertThat(api(viewer).post(base + "/value-stories/" + id + "/confirm", Map.of()).status()).isEqualTo(403);
		Http.Response confirmed = api(manager).post(base + "/value-stories/" + id + "/confirm", Map.of());
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("confirmedBy").get("id").asString()).isEqualTo(manager.id().toString());
		String own = api(manager).post(base + "/value-stories", story("Mine", 1, List.of())).json().get("id").asString();
		assertThat(api(manager).post(base + "/value-stories/" + own + "/confirm", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void aLinkToARecordTheReaderCannotSeeIsShownWithoutItsTitle() {
		library.space("SECRET", true);
		String secret = library.published("SECRET", "TEMPLATE", "Board template", "Private").get("id").asString();
		String id = admin.post(base + "/value-stories", story("Board prep", 3, List.of(Map.of("type", "item", "id", secret))))
			.json().get("id").asString();
		JsonNode seen = api(viewer).get(base + "/value-stories/" + id).json();
		assertThat(seen.get("links").get(0).get("visible").asBoolean()).isFalse();
		assertThat(seen.get("links").get(0).get("title").isNull()).isTrue();
		assertThat(api(viewer).get(base + "/value-stories/totals").body()).doesNotContain("Board template");
		assertThat(admin.get(base + "/value-stories/" + id).json().get("links").get(0).get("title").asString())
			.isEqualTo("Board template");
		// a contributor who cannot see it cannot credit it either
		invalid(api(contributor).post(base + "/value-stories", story("Sneaky", 1, List.of(Map.of("type", "item", "id", secret)))),
				"links[0]");
	}

	@Test
	void targetsPutFiguresOnTheImprovementListWorstFirst() {
		api(contributor).post(base + "/lessons", Map.of("title", "Valves take six weeks", "observation", "We waited",
				"priority", "CAUTION"));
		assertThat(api(viewer).get(base + "/improvement-list").json().get("totalItems").asLong()).isZero();
		assertThat(api(contributor).put(base + "/targets/lessons-embedded-share", Map.of("value", 0.8)).status())
			.isEqualTo(403);
		Http.Response set = api(manager).put(base + "/targets/lessons-embedded-share", Map.of("value", 0.8));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.json().get("direction").asString()).isEqualTo("AT_LEAST");
		// 2 contributions against at least 4: half missing; the lesson share: all of it
		assertThat(api(manager).put(base + "/targets/contributions", Map.of("value", 4)).status()).isEqualTo(200);
		assertThat(api(manager).put(base + "/targets/reuse-events", Map.of("value", 0, "direction", "AT_LEAST")).status())
			.isEqualTo(200);
		assertThat(api(manager).put(base + "/targets/stale-share", Map.of("value", 0.1, "direction", "at_most")).status())
			.isEqualTo(200);

		JsonNode list = api(viewer).get(base + "/improvement-list").json();
		assertThat(list.get("items").valueStream().map(i -> i.get("figure").get("name").asString()))
			.containsExactly("lessons-embedded-share", "contributions");
		JsonNode worst = list.get("items").get(0);
		assertThat(worst.get("rank").asInt()).isEqualTo(1);
		assertThat(worst.get("figure").get("shortfall").asDouble()).isEqualTo(1.0);
		assertThat(worst.get("figure").get("target").get("value").asDouble()).isEqualTo(0.8);
		assertThat(worst.get("figure").get("path").asString()).isEqualTo("/o/" + org.slug() + "/lessons");
		assertThat(list.get("items").get(1).get("figure").get("shortfall").asDouble()).isEqualTo(0.5);
		// with its trend against the previous period (no lessons then; no contributions then)
		assertThat(worst.get("figure").get("trend").asString()).isEqualTo("UNKNOWN");
		assertThat(list.get("items").get(1).get("figure").get("trend").asString()).isEqualTo("BETTER");

		JsonNode metrics = api(viewer).get(base + "/metrics").json();
		assertThat(figure(metrics, "stale-share").get("status").asString()).isEqualTo("ON_TARGET");
		assertThat(figure(metrics, "stale-share").get("target").get("direction").asString()).isEqualTo("AT_MOST");

		assertThat(api(manager).delete(base + "/targets/contributions").status()).isEqualTo(204);
		assertThat(api(manager).delete(base + "/targets/contributions").status()).isEqualTo(404);
		assertThat(api(viewer).get(base + "/improvement-list").json().get("totalItems").asLong()).isEqualTo(1);
	}

	@Test
	void badInputIsRefusedClearlyAndChangesNothing() {
		assertThat(api(viewer).get(base + "/metrics/no-such-figure").status()).isEqualTo(404);
		assertThat(api(manager).put(base + "/targets/no-such-figure", Map.of("value", 1)).status()).isEqualTo(404);
		invalid(api(viewer).get(base + "/metrics?from=2026-03-01&to=2026-02-01"), "to");
		invalid(api(viewer).get(base + "/metrics?from=2020-01-01&to=2026-01-01"), "from");
		invalid(api(viewer).get(base + "/metrics?from=yesterday"), "from");
		invalid(api(viewer).get(base + "/metrics/contributions?by=community"), "by");
		invalid(api(viewer).get(base + "/metrics/export.csv?from=2026-03-01&to=2026-02-01"), "to");
		invalid(api(manager).put(base + "/targets/stale-share", Map.of("value", -0.1)), "value");
		invalid(api(manager).put(base + "/targets/stale-share", Map.of("value", 10)), "value");
		invalid(api(manager).put(base + "/targets/stale-share", Map.of("value", 0.1, "direction", "SIDEWAYS")), "direction");
		invalid(api(manager).put(base + "/targets/stale-share", Map.of()), "value");

		Http api = api(contributor);
		invalid(api.post(base + "/value-stories", story("Negative", -1, List.of())), "hoursSaved");
		Map<String, Object> negativeCost = story("Negative cost", 1, List.of());
		negativeCost.put("costAvoided", Map.of("amount", -5, "currency", "EUR"));
		invalid(api.post(base + "/value-stories", negativeCost), "costAvoided.amount");
		Map<String, Object> noCurrency = story("No currency", 1, List.of());
		noCurrency.put("costAvoided", Map.of("amount", 5));
		invalid(api.post(base + "/value-stories", noCurrency), "costAvoided.currency");
		invalid(api.post(base + "/value-stories", story("", 1, List.of())), "title");
		Map<String, Object> future = story("Tomorrow", 1, List.of());
		future.put("occurredOn", today().plusDays(1).toString());
		invalid(api.post(base + "/value-stories", future), "occurredOn");
		invalid(api.post(base + "/value-stories", story("Unknown type", 1, List.of(Map.of("type", "spaceship", "id", "x")))),
				"links[0]");
		// a record of another organization, after a valid link: nothing of the story is written
		TestData.Org other = data.org();
		new LibraryFixture(port, other).space("THEIRS");
		String theirs = new LibraryFixture(port, other).published("THEIRS", "CHECKLIST", "Their checklist", "- [ ] x")
			.get("id").asString();
		invalid(api.post(base + "/value-stories", story("Theirs", 1, List.of(Map.of("type", "item", "id", checklist),
				Map.of("type", "item", "id", theirs)))), "links[1]");
		assertThat(api(viewer).post(base + "/value-stories", story("Viewer", 1, List.of())).status()).isEqualTo(403);

		assertThat(api(viewer).get(base + "/value-stories").json().get("totalItems").asLong()).isZero();
		assertThat(api(viewer).get(base + "/value-stories/totals").json().get("knowledge").get("totalItems").asLong()).isZero();
		assertThat(figure(api(viewer).get(base + "/metrics").json(), "stale-share").get("target").isNull()).isTrue();
		// another organization's story is unknown here
		String their = Http.api(port, other.admin().token())
			.post("/api/v1/orgs/" + other.slug() + "/value-stories", story("Theirs", 1, List.of()))
			.json().get("id").asString();
		assertThat(api(viewer).get(base + "/value-stories/" + their).status()).isEqualTo(404);
		assertThat(api(viewer).get(base + "/value-stories/not-an-id").status()).isEqualTo(404);
	}

	@Test
	void everyFigureAndTheValueRegisterExportAsCsv() {
		Map<String, Object> body = story("=HYPERLINK(\"http://evil\")", 12.5, List.of(Map.of("type", "item", "id", checklist)));
		body.put("costAvoided", Map.of("amount", 100, "currency", "EUR"));
		assertThat(api(contributor).post(base + "/value-stories", body).status()).isEqualTo(201);
		api(manager).put(base + "/targets/hours-saved", Map.of("value", 100));

		Http.Response figures = api(viewer).get(base + "/metrics/export.csv");
		assertThat(figures.status()).isEqualTo(200);
		assertThat(figures.contentType()).startsWith("text/csv");
		assertThat(figures.header("Content-Disposition")).contains("attachment").contains(".csv");
		List<String> lines = figures.body().lines().toList();
		assertThat(lines.getFirst()).startsWith("metric,source,unit,from,to,value,previous_from,previous_to,previous_value,"
				+ "target_direction,target_value,status,by,part,part_label");
		String from = today().minusDays(89).toString();
		assertThat(lines).contains("hours-saved,VALUE,HOURS," + from + "," + today() + ",12.5," + today().minusDays(179)
				+ "," + today().minusDays(90) + ",0,AT_LEAST,100,OFF_TARGET,,,");
		assertThat(lines).anyMatch(l -> l.startsWith("contributions,LIBRARY,COUNT,") && l.endsWith(",space,OPS,Space OPS"));
		assertThat(lines).anyMatch(l -> l.startsWith("stale-share,LIBRARY,SHARE,") && l.contains(",NO_TARGET,"));

		Http.Response register = api(viewer).get(base + "/value-stories/export.csv");
		assertThat(register.status()).isEqualTo(200);
		List<String> rows = register.body().lines().toList();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).startsWith("id,occurred_on,title,story,hours_saved,cost_amount,cost_currency");
		// a title a spreadsheet would run as a formula is written as text
		assertThat(rows.get(1)).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",").contains(",12.5,100,EUR,")
			.contains("item: Shutdown checklist");
	}
}
