package org.tacit.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * The measurement pages through a browser session: refused forms keep what was typed and say what to fix
 * (nothing written), breakdowns of members-only spaces for readers below knowledge manager, the CSV
 * downloads, and who may open what.
 */
@TacitTest
class MeasurementPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData.Org org;
	String pages;
	Http asManager;
	Http asViewer;
	TestData.Person manager;
	String checklist;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		pages = "/o/" + org.slug();
		manager = data.member(org, "KNOWLEDGE_MANAGER");
		TestData.Person viewer = data.member(org, "VIEWER");
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		library.space("BOARD", true);
		checklist = library.published("OPS", "CHECKLIST", "Shutdown checklist", "- [ ] Lock the valves").get("id").asString();
		library.published("BOARD", "TEMPLATE", "Board template", "Private");
		asManager = Http.browser(port);
		asManager.signIn(manager.email(), TestData.PASSWORD);
		asViewer = Http.browser(port);
		asViewer.signIn(viewer.email(), TestData.PASSWORD);
	}

	@Test
	void aRefusedStoryKeepsWhatWasTypedAndWritesNothing() {
		Http.Response refused = asManager.submit(pages + "/value/new", pages + "/value", Map.of("title", "Shutdown early",
				"story", "It went well", "knowledge", "https://example.org/not-a-record", "hoursSaved", "-3"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Not the address of an item, lesson, community or process")
			.contains("value=\"Shutdown early\"");
		Http.Response negative = asManager.submit(pages + "/value/new", pages + "/value", Map.of("title", "Shutdown early",
				"story", "It went well", "knowledge", "/o/" + org.slug() + "/items/" + checklist, "hoursSaved", "-3"));
		assertThat(negative.body()).contains("This cannot be negative.");
		assertThat(asViewer.get(pages + "/value").body()).contains("No success story in this period");

		Http.Response saved = asManager.submit(pages + "/value/new", pages + "/value", Map.of("title", "Shutdown early",
				"story", "It went well", "knowledge", "http://localhost/o/" + org.slug() + "/items/" + checklist,
				"hoursSaved", "12", "costAmount", "1,500", "costCurrency", "eur", "innovation", "true", "innovationKind",
				"PRACTICE"));
		assertThat(saved.status()).isEqualTo(302);
		Http.Response story = asViewer.get(saved.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(story.body()).contains("Shutdown checklist").contains("12 h").contains("1,500 EUR").contains("A new practice")
			.doesNotContain("Confirm the outcomes");
		Http.Response register = asViewer.get(pages + "/value");
		assertThat(register.body()).contains("Shutdown early").contains("contributed to 1 story: 12 h saved");
		Http.Response csv = asViewer.get(pages + "/value/export.csv");
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).contains("Shutdown early").contains(",12,1500,EUR,");
	}

	@Test
	void periodsTargetsAndBreakdownsOnThePages() {
		Http.Response backwards = asViewer.get(pages + "/measurement?from=2026-03-01&to=2026-02-01");
		assertThat(backwards.status()).isEqualTo(200);
		assertThat(backwards.body()).contains("The period ends before it starts");
		assertThat(asViewer.get(pages + "/measurement/targets").status()).isEqualTo(403);
		assertThat(asViewer.get(pages + "/measurement/metrics/no-such-figure").status()).isEqualTo(404);

		Http.Response bad = asManager.submit(pages + "/measurement/targets", pages + "/measurement/targets",
				Map.of("metric", "stale-share", "direction", "AT_MOST", "value", "ten"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("Give the target as a number").contains("value=\"ten\"");
		Http.Response set = asManager.submit(pages + "/measurement/targets", pages + "/measurement/targets",
				Map.of("metric", "stale-share", "direction", "AT_MOST", "value", "10"));
		assertThat(set.status()).isEqualTo(302);
		assertThat(asManager.get(pages + "/measurement/targets").body()).contains("at most 10 %");

		// the members-only space is named to knowledge managers only
		String byKind = pages + "/measurement/metrics/contributions?by=space";
		assertThat(asManager.get(byKind).body()).contains("Space BOARD").contains("Space OPS");
		assertThat(asViewer.get(byKind).body()).doesNotContain("Space BOARD").contains("Members-only spaces")
			.contains("Space OPS");
		assertThat(asViewer.get(pages + "/measurement/metrics/contributions?by=kind").body()).contains("Checklist")
			.contains("Template");

		Http.Response summary = asViewer.get(pages + "/measurement/summary");
		assertThat(summary.body()).contains("executive summary").contains("Participation");
		Http.Response csv = asViewer.get(pages + "/measurement/export.csv");
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		assertThat(csv.body()).contains("stale-share,LIBRARY,SHARE,").contains("," + today + ",")
			.contains(",space,,Members-only spaces");
	}
}
