package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** The library's part of "My work" on the organization's home page, and its links in the navigation. */
@TacitTest
class LibraryWorkTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	LibraryFixture fixture;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		fixture = new LibraryFixture(port, org);
		fixture.space("OPS");
	}

	private Document home(TestData.Person person) {
		Http browser = Http.browser(port);
		browser.signIn(person.email(), TestData.PASSWORD);
		Http.Response page = browser.get("/o/" + org.slug());
		assertThat(page.status()).isEqualTo(200);
		return Jsoup.parse(page.body());
	}

	private static List<String> section(Document home, String key) {
		return home.select("[data-section=" + key + "] li a").eachText();
	}

	@Test
	void editorsSeeWhatWaitsForTheirReviewAndAuthorsTheirDrafts() {
		TestData.Person author = data.member(org, "CONTRIBUTOR");
		TestData.Person editor = data.member(org, "EDITOR");
		TestData.Person viewer = data.member(org, "VIEWER");
		String submitted = fixture.draft(author, "OPS", "ARTICLE", "Submitted guidance", "x", List.of())
			.get("id").asString();
		fixture.draft(author, "OPS", "TEMPLATE", "Unfinished template", "y", List.of());
		Http.api(port, author.token())
			.post("/api/v1/orgs/" + org.slug() + "/items/" + submitted + "/transitions", Map.of("to", "IN_REVIEW"));

		assertThat(section(home(editor), "mywork.library.review")).containsExactly("Submitted guidance");
		Document authors = home(author);
		assertThat(section(authors, "mywork.library.review")).isEmpty();
		assertThat(section(authors, "mywork.library.drafts")).containsExactly("Unfinished template");
		Document viewers = home(viewer);
		assertThat(viewers.select("[data-section]")).isEmpty();
		assertThat(viewers.select(".card .empty").text()).contains("Nothing needs you today");
		assertThat(viewers.select("nav.topnav a").eachText()).contains("Library", "Review");
	}
}
