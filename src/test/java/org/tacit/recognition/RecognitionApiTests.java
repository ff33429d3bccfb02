package org.tacit.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** The ledger, kudos, records, team records, settings, expectations and leaderboards through the REST API. */
@TacitTest
class RecognitionApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	RecognitionFixture f;
	String base;

	@BeforeEach
	void setUp() {
		f = new RecognitionFixture(port, new TestData(context, port));
		base = f.base;
	}

	private long entries() {
		return jdbc.sql("SELECT COUNT(*) FROM recognition_entry WHERE org_id = ?").param(f.org.id()).query(Long.class).single();
	}

	@Test
	void reuseByOthersCountsMoreThanPublishingAndOwnUseDoesNotCount() {
		f.reusedByTwo();
		// the author using their own template is not reuse
		assertThat(f.as(f.author).post(base + "/items/" + f.template + "/uses", Map.of()).status()).isEqualTo(201);

		JsonNode ledger = f.as(f.author).get(base + "/people/" + f.author.id() + "/ledger").json();
		List<String> kinds = ledger.get("items").valueStream().map(e -> e.get("kind").asString()).toList();
		assertThat(kinds).containsExactlyInAnyOrder("ITEM_REUSED", "ITEM_REUSED", "ITEM_PUBLISHED");
		JsonNode reuse = ledger.get("items").valueStream().filter(e -> e.get("kind").asString().equals("ITEM_REUSED"))
			.findFirst().orElseThrow();
		JsonNode published = ledger.get("items").valueStream()
			.filter(e -> e.get("kind").asString().equals("ITEM_PUBLISHED")).findFirst().orElseThrow();
		assertThat(reuse.get("weight").asInt()).isGreaterThan(published.get("weight").asInt());
		assertThat(reuse.get("title").asString()).isEqualTo("Quarterly report template");
		assertThat(reuse.get("recordType").asString()).isEqualTo("item");
		assertThat(reuse.get("detail").asString()).isEqualTo("TEMPLATE");
	}

	@Test
	void theLedgerIsRebuiltFromTheRecordsWithTheSameEntries() {
		f.reusedByTwo();
		assertThat(f.kudos(f.user1, f.author.email(), "Thanks for the template", f.template).status()).isEqualTo(201);
		List<String> before = keys();

		Http.Response refused = f.as(f.author).post(base + "/recognition/rebuild", Map.of());
		assertThat(refused.status()).isEqualTo(403);
		jdbc.sql("DELETE FROM recognition_entry WHERE org_id = ?").param(f.org.id()).update();
		assertThat(entries()).isZero();

		Http.Response rebuilt = f.admin().post(base + "/recognition/rebuild", Map.of());
		assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
		assertThat(keys()).isEqualTo(before);
		assertThat(rebuilt.json().get("entries").asInt()).isEqualTo(before.size());
	}

	private List<String> keys() {
		return jdbc.sql("SELECT entry_key FROM recognition_entry WHERE org_id = ? ORDER BY entry_key")
			.param(f.org.id())
			.query(String.class)
			.list();
	}

	@Test
	void kudosToOneselfOrOutsidersOrWithoutAMessageAreRefusedAndWriteNothing() {
		TestData.Org other = f.data.org();
		Http.Response self = f.kudos(f.author, f.author.id().toString(), "Me", null);
		assertThat(self.status()).isEqualTo(400);
		assertThat(self.contentType()).contains("application/problem+json");
		assertThat(self.body()).contains("\"to\"");
		Http.Response outsider = f.kudos(f.author, other.admin().email(), "Hi", null);
		assertThat(outsider.status()).isEqualTo(400);
		assertThat(outsider.body()).contains("\"to\"");
		Http.Response empty = f.kudos(f.user1, f.author.email(), "  ", null);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("\"message\"");
		Http.Response badRecord = f.kudos(f.user1, f.author.email(), "Thanks", java.util.UUID.randomUUID().toString());
		assertThat(badRecord.status()).isEqualTo(400);
		assertThat(badRecord.body()).contains("\"recordId\"");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM recognition_kudos WHERE org_id = ?").param(f.org.id()).query(Long.class)
			.single()).isZero();
	}

	@Test
	void kudosShowOnTheReceiversPageForEveryMemberWithTheRecord() {
		Http.Response given = f.kudos(f.user1, f.author.email(), "Your template saved me a day", f.template);
		assertThat(given.status()).as(given.toString()).isEqualTo(201);
		assertThat(given.json().get("record").get("type").asString()).isEqualTo("item");

		JsonNode seen = f.as(f.user2).get(base + "/people/" + f.author.id() + "/kudos").json();
		assertThat(seen.get("totalItems").asLong()).isEqualTo(1);
		JsonNode kudos = seen.get("items").get(0);
		assertThat(kudos.get("message").asString()).isEqualTo("Your template saved me a day");
		assertThat(kudos.get("from").asString()).isEqualTo(f.user1.id().toString());
		assertThat(kudos.get("record").get("title").asString()).isEqualTo("Quarterly report template");
	}

	@Test
	void theRecordShowsReuseAndKudosOfThePeriodAsJsonAndCsv() {
		f.reusedByTwo();
		assertThat(f.kudos(f.user1, f.author.email(), "Great template", f.template).status()).isEqualTo(201);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String period = "?from=" + today.minusDays(1) + "&to=" + today;

		JsonNode record = f.as(f.manager).get(base + "/people/" + f.author.id() + "/record" + period).json();
		assertThat(record.get("name").asString()).startsWith("Person ");
		assertThat(record.get("manager").asString()).isEqualTo(f.manager.id().toString());
		assertThat(record.get("reuse").get("count").asLong()).isEqualTo(2);
		assertThat(record.get("reuse").get("people").asLong()).isEqualTo(2);
		assertThat(record.get("reuse").get("examples").get(0).get("title").asString()).isEqualTo("Quarterly report template");
		assertThat(record.get("kudosReceived").asLong()).isEqualTo(1);
		assertThat(record.get("kudos").get(0).get("message").asString()).isEqualTo("Great template");
		assertThat(record.get("contributions").get("ITEM_PUBLISHED").get("count").asLong()).isEqualTo(1);
		assertThat(record.get("ownedItems").get("published").asInt()).isEqualTo(1);
		assertThat(record.get("points").asLong()).isPositive();
		assertThat(record.get("badges").valueStream().map(b -> b.get("badge").asString()).toList())
			.contains("FIRST_CONTRIBUTION");

		Http.Response csv = f.as(f.manager).getWithHeader(base + "/people/" + f.author.id() + "/record" + period, "Accept",
				"text/csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("person,section,what,count");
		assertThat(csv.body()).contains(",reuse,ITEM_REUSED,2,").contains(",kudos,KUDOS_RECEIVED,1,")
			.contains("Great template").contains("Quarterly report template");

		// a period before anything happened holds nothing
		JsonNode earlier = f.as(f.author)
			.get(base + "/people/" + f.author.id() + "/record?from=2020-01-01&to=2020-12-31")
			.json();
		assertThat(earlier.get("reuse").get("count").asLong()).isZero();
		assertThat(earlier.get("kudosReceived").asLong()).isZero();
	}

	@Test
	void theRecordExportsAsAPdfWithItsReuseAndKudosForTheManagerOnly() throws Exception {
		f.reusedByTwo();
		assertThat(f.kudos(f.user1, f.author.email(), "Thanks for the Ærø checklist", f.template).status()).isEqualTo(201);
		String pdf = "/o/" + f.org.slug() + "/people/" + f.author.id() + "/record.pdf";

		Http manager = Http.browser(port);
		manager.signIn(f.manager.email(), TestData.PASSWORD);
		Http.Binary file = manager.getBytes(pdf);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("content-type")).containsExactly("application/pdf");
		assertThat(file.header("content-disposition").get(0)).startsWith("attachment; filename=\"record-");
		try (var document = org.apache.pdfbox.Loader.loadPDF(file.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("Quarterly report template")
				.contains("Thanks for the Ærø checklist")
				.contains("2 uses by 2 people");
		}

		Http other = Http.browser(port);
		other.signIn(f.user1.email(), TestData.PASSWORD);
		assertThat(other.getBytes(pdf).status()).isEqualTo(403);
	}

	@Test
	void recordsAreForThePersonTheirManagerKnowledgeManagersAndAdministratorsOnly() {
		String record = base + "/people/" + f.author.id() + "/record";
		assertThat(f.as(f.author).get(record).status()).isEqualTo(200);
		assertThat(f.as(f.manager).get(record).status()).isEqualTo(200);
		assertThat(f.admin().get(record).status()).isEqualTo(200);
		TestData.Person km = f.data.member(f.org, "KNOWLEDGE_MANAGER");
		assertThat(f.as(km).get(record).status()).isEqualTo(200);
		assertThat(f.as(f.user1).get(record).status()).isEqualTo(403);
		assertThat(f.as(f.user1).get(base + "/people/" + f.author.id() + "/ledger").status()).isEqualTo(403);
		// other organizations and unknown people: 404
		TestData.Org other = f.data.org();
		assertThat(Http.api(port, other.admin().token()).get("/api/v1/orgs/" + other.slug() + "/people/" + f.author.id() + "/record")
			.status()).isEqualTo(404);
		assertThat(f.admin().get(base + "/people/" + java.util.UUID.randomUUID() + "/record").status()).isEqualTo(404);
	}

	@Test
	void aPeriodThatEndsBeforeItStartsIsRefused() {
		Http.Response refused = f.as(f.author).get(base + "/people/" + f.author.id() + "/record?from=2026-05-01&to=2026-04-01");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).contains("application/problem+json");
		assertThat(refused.body()).contains("\"to\"");
		assertThat(f.as(f.author).get(base + "/people/" + f.author.id() + "/ledger?from=nonsense").status()).isEqualTo(400);
	}

	@Test
	void aManagerSeesTheTeamsRecordsSideBySide() {
		f.reusedByTwo();
		Http.Response team = f.as(f.manager).get(base + "/teams/" + f.manager.id() + "/records");
		assertThat(team.status()).as(team.toString()).isEqualTo(200);
		assertThat(team.json().get("totalItems").asLong()).isEqualTo(1);
		assertThat(team.json().get("items").get(0).get("person").asString()).isEqualTo(f.author.id().toString());
		assertThat(team.json().get("items").get(0).get("reuse").get("count").asLong()).isEqualTo(2);
		assertThat(f.as(f.user1).get(base + "/teams/" + f.manager.id() + "/records").status()).isEqualTo(403);
		Http.Response csv = f.as(f.manager).getWithHeader(base + "/teams/" + f.manager.id() + "/records", "Accept", "text/csv");
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).contains(",reuse,ITEM_REUSED,2,");
	}

	@Test
	void settingsSwitchPointsAndBadgesOffAndChangeWeights() {
		f.reusedByTwo();
		String settings = base + "/recognition/settings";
		assertThat(f.as(f.author).put(settings, Map.of("pointsEnabled", false)).status()).isEqualTo(403);
		Http.Response bad = f.admin().put(settings, Map.of("weights", Map.of("ITEM_REUSED", 1000)));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("weights.ITEM_REUSED");
		assertThat(f.admin().put(settings, Map.of("weights", Map.of("NO_SUCH_KIND", 1))).status()).isEqualTo(400);
		assertThat(f.admin().get(settings).json().get("weights").get("ITEM_REUSED").asInt()).isEqualTo(5);

		Http.Response changed = f.admin().put(settings, Map.of("pointsEnabled", false, "badgesEnabled", false,
				"weights", Map.of("ITEM_REUSED", 8), "badges", Map.of("TEMPLATE_REUSED", Map.of("threshold", 2))));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("pointsEnabled").asBoolean()).isFalse();
		assertThat(changed.json().get("leaderboardsEnabled").asBoolean()).isFalse();
		assertThat(changed.json().get("badges").get("TEMPLATE_REUSED").get("threshold").asInt()).isEqualTo(2);

		JsonNode record = f.as(f.author).get(base + "/people/" + f.author.id() + "/record").json();
		assertThat(record.get("points").isNull()).isTrue();
		assertThat(record.get("badges").isEmpty()).isTrue();

		f.admin().put(settings, Map.of("badgesEnabled", true));
		JsonNode withBadges = f.as(f.author).get(base + "/people/" + f.author.id() + "/record").json();
		assertThat(withBadges.get("badges").valueStream().map(b -> b.get("badge").asString()).toList())
			.contains("TEMPLATE_REUSED");
		// a rebuild weighs every entry with today's weights
		f.admin().post(base + "/recognition/rebuild", Map.of());
		JsonNode ledger = f.as(f.author).get(base + "/people/" + f.author.id() + "/ledger?kind=ITEM_REUSED").json();
		assertThat(ledger.get("items").get(0).get("weight").asInt()).isEqualTo(8);
	}

	@Test
	void expectationsShowInTheRecordWithTheirEvidence() {
		f.reusedByTwo();
		Http.Response bad = f.admin().put(base + "/expectations", Map.of("expectations",
				List.of(Map.of("text", "Shares templates", "measure", "NOPE", "target", 1))));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("expectations[0].measure");
		assertThat(f.as(f.author).put(base + "/expectations", Map.of("expectations", List.of())).status()).isEqualTo(403);

		Http.Response set = f.admin().put(base + "/expectations", Map.of("expectations", List.of(
				Map.of("text", "Shares templates others reuse", "measure", "ITEM_REUSED", "target", 2),
				Map.of("role", "CONTRIBUTOR", "text", "Captures lessons after each project", "measure", "LESSON_CAPTURED",
						"target", 1),
				Map.of("role", "EDITOR", "text", "Verifies items", "measure", "ITEM_VERIFIED", "target", 1),
				Map.of("text", "Keeps owned items current", "measure", "OWNED_ITEMS_CURRENT", "target", 100))));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(f.as(f.user1).get(base + "/expectations").json().get("expectations").size()).isEqualTo(4);

		JsonNode record = f.as(f.author).get(base + "/people/" + f.author.id() + "/record").json();
		JsonNode results = record.get("expectations");
		// the editors' expectation does not apply to a contributor
		assertThat(results.size()).isEqualTo(3);
		assertThat(results.get(0).get("met").asBoolean()).isTrue();
		assertThat(results.get(0).get("actual").asDouble()).isEqualTo(2);
		assertThat(results.get(0).get("evidence").size()).isEqualTo(2);
		assertThat(results.get(1).get("met").asBoolean()).isFalse();
		assertThat(results.get(2).get("met").asBoolean()).isTrue();
	}

	@Test
	void leaderboardsAreOffByDefaultAndRankByPointsWhenOn() {
		f.reusedByTwo();
		JsonNode off = f.as(f.user1).get(base + "/leaderboards").json();
		assertThat(off.get("enabled").asBoolean()).isFalse();
		assertThat(off.get("places").get("totalItems").asLong()).isZero();
		f.admin().put(base + "/recognition/settings", Map.of("leaderboardsEnabled", true));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode board = f.as(f.user1).get(base + "/leaderboards").json();
			assertThat(board.get("places").get("items").get(0).get("person").asString()).isEqualTo(f.author.id().toString());
		});
		assertThat(f.as(f.user1).get(base + "/leaderboards?community=" + java.util.UUID.randomUUID()).status()).isEqualTo(400);
	}
}
