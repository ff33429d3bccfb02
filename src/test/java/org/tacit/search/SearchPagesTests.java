package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** The search page, the header's search box and its answers, the knowledge gaps and synonyms pages. */
@TacitTest
class SearchPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	SearchFixtures index;
	TestData.Org org;
	Http browser;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		index = new SearchFixtures(context);
		org = data.org();
		browser = Http.browser(port);
		browser.signIn(org.admin().email(), TestData.PASSWORD);
	}

	private String page(String q) {
		Http.Response response = browser.get("/o/" + org.slug() + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	@Test
	void resultsShowTitleSnippetBadgesSpaceOwnerAndDateWithFacetsAsLinks() {
		UUID owner = UUID.randomUUID();
		index.put(SearchFixtures.doc(org.id(), "Incident review template").kind("TEMPLATE").tags("incidents")
			.space("ops", "Operations").owner(owner, "Ines Ops").stale()
			.text("Use this after every incident to record what happened.").build(),
				SearchFixtures.doc(org.id(), "Incident response guidance").kind("ARTICLE").tags("incidents")
					.space("ops", "Operations").text("Who to call first when an incident starts.").build());

		String body = page("incident");

		assertThat(body).contains("2 results for “incident”")
			.contains("Incident review template")
			.contains("<mark>incident</mark>")
			.contains("Template")
			.contains("Guidance")
			.contains(">Stale<")
			.contains("in Operations")
			.contains("owned by Ines Ops")
			.contains("updated 2026-11-01")
			.contains("class=\"facets\"")
			.contains("href=\"/o/" + org.slug() + "/search?q=incident&amp;kind=TEMPLATE\"")
			.contains("href=\"/o/" + org.slug() + "/search?q=incident&amp;space=ops\"")
			.contains("href=\"/o/" + org.slug() + "/search?q=incident&amp;tag=incidents\"")
			.contains("href=\"/o/" + org.slug() + "/search?q=incident&amp;owner=" + owner + "\"")
			.contains("href=\"/o/" + org.slug() + "/search?q=incident&amp;stale=true\"")
			.doesNotContain("??");
		String filtered = browser.get("/o/" + org.slug() + "/search?q=incident&kind=TEMPLATE").body();
		assertThat(filtered).contains("1 result for “incident”")
			.contains("Kind: Template")
			.contains("href=\"/o/" + org.slug() + "/search?q=incident\"")
			.contains("<input type=\"hidden\" name=\"kind\" value=\"TEMPLATE\">");
	}

	@Test
	void markupInRecordsIsEscapedAndOnlyTheMatchMarksAreHtml() {
		index.put(SearchFixtures.doc(org.id(), "<script>alert('title')</script> Escaping")
			.text("Before <script>alert('text')</script> the <b>bold</b> escaping word.")
			.tags("<img src=x onerror=alert(1)>")
			.build());

		String body = page("escaping");

		assertThat(body).doesNotContain("<script>alert").doesNotContain("<b>bold").doesNotContain("<img src=x")
			.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Escaping")
			.contains("&lt;script&gt;alert(&#x27;text&#x27;)&lt;&#x2F;script&gt;")
			.contains("&lt;b&gt;bold&lt;&#x2F;b&gt;")
			.contains("<mark>escaping</mark>");
	}

	@Test
	void aSearchWithoutResultsSaysWhatToTry() {
		String body = page("zzyzx-nothing");

		assertThat(body).contains("Nothing matches “zzyzx-nothing”.").contains("check the spelling")
			.contains("knowledge gaps");
	}

	@Test
	void badInputIsShownBesideTheSearchBoxNotAsAFailure() {
		String body = page("x".repeat(501));
		Http.Response badOwner = browser.get("/o/" + org.slug() + "/search?q=a&owner=nobody");

		assertThat(body).contains("id=\"search-q-error\"").contains("at most 500 characters")
			.contains("aria-invalid=\"true\"");
		assertThat(badOwner.status()).isEqualTo(200);
		assertThat(badOwner.body()).contains("id=\"search-q-error\"");
	}

	@Test
	void everyOrganizationPageHasTheSearchBoxWhichAnswersWhileTyping() {
		index.put(SearchFixtures.doc(org.id(), "Holiday calendar").text("Public holidays by country.").build());

		String home = browser.get("/o/" + org.slug()).body();
		Http.Response answers = browser.get("/o/" + org.slug() + "/search/suggest?q=holiday");
		Http.Response none = browser.get("/o/" + org.slug() + "/search/suggest?q=qqqqzzz");

		assertThat(home).contains("role=\"search\"").contains("<label for=\"site-search-q\"")
			.contains("action=\"/o/" + org.slug() + "/search\"")
			.contains("hx-get=\"/o/" + org.slug() + "/search/suggest\"");
		assertThat(answers.body()).contains("Holiday calendar").contains("See all results (1)")
			.doesNotContain("<html");
		assertThat(none.body()).contains("No answer yet");
		assertThat(Http.api(port, org.admin().token()).get("/api/v1/orgs/" + org.slug() + "/search/gaps").json()
			.get("items").findValuesAsString("query")).doesNotContain("qqqqzzz");
		assertThat(browser.get("/orgs").body()).doesNotContain("site-search-q");
	}

	@Test
	void resultsArePaged() {
		for (int i = 0; i < 3; i++) {
			index.put(SearchFixtures.doc(org.id(), "Paged note " + i).text("Pagination").build());
		}

		String first = browser.get("/o/" + org.slug() + "/search?q=pagination&size=2").body();
		String second = browser.get("/o/" + org.slug() + "/search?q=pagination&size=2&page=1").body();

		assertThat(first).contains("Page 1 of 2 (3 in all)").contains("page=1&amp;size=2");
		assertThat(second).contains("Page 2 of 2 (3 in all)").contains("start=\"3\"");
	}

	@Test
	void editorsSeeTheKnowledgeGapsAndKnowledgeManagersEditSynonyms() {
		page("unfindable widget");
		page("Unfindable   WIDGET");
		TestData.Person viewer = data.member(org, "VIEWER");
		Http viewerBrowser = Http.browser(port);
		viewerBrowser.signIn(viewer.email(), TestData.PASSWORD);
		TestData.Person editor = data.member(org, "EDITOR");
		Http editorBrowser = Http.browser(port);
		editorBrowser.signIn(editor.email(), TestData.PASSWORD);
		String synonymsPage = "/o/" + org.slug() + "/search/synonyms";

		String gaps = browser.get("/o/" + org.slug() + "/search/gaps").body();
		Http.Response saved = browser.submit(synonymsPage, synonymsPage,
				Map.of("synonyms", "wifi: wireless, wlan\n\nvpn: virtual private network\n"));
		Http.Response refused = browser.submit(synonymsPage, synonymsPage, Map.of("synonyms", "no colon here"));

		assertThat(gaps).contains("unfindable widget").contains("<td class=\"num\">2</td>");
		assertThat(page("")).contains("Knowledge gaps").contains("Synonyms");
		assertThat(editorBrowser.get("/o/" + org.slug() + "/search/gaps").status()).isEqualTo(200);
		assertThat(editorBrowser.get(synonymsPage).status()).isEqualTo(403);
		assertThat(viewerBrowser.get("/o/" + org.slug() + "/search/gaps").status()).isEqualTo(403);
		assertThat(viewerBrowser.get("/o/" + org.slug() + "/search").body()).doesNotContain("Knowledge gaps");
		assertThat(saved.status()).isEqualTo(302);
		assertThat(browser.get(synonymsPage).body()).contains("wifi: wireless, wlan\nvpn: virtual private network");
		assertThat(refused.body()).contains("id=\"synonyms-error\"").contains("Line 1 has no colon")
			.contains("no colon here");
	}
}
