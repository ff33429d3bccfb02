package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** Searches that find nothing are the organization's knowledge gaps, counted and listed for editors. */
@TacitTest
class SearchGapsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	Http viewer;
	Http editor;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		viewer = Http.api(port, data.member(org, "VIEWER").token());
		editor = Http.api(port, data.member(org, "EDITOR").token());
		new SearchFixtures(context).put(SearchFixtures.doc(org.id(), "Expense policy").text("Receipts.").build());
	}

	private void search(Http who, String q) {
		assertThat(who.get("/api/v1/orgs/" + org.slug() + "/search?q=" + q).status()).isEqualTo(200);
	}

	private String gaps() {
		return "/api/v1/orgs/" + org.slug() + "/search/gaps";
	}

	@Test
	void zeroResultSearchesAreCountedPerNormalizedQueryAndListedMostFrequentFirst() {
		search(viewer, "parental+leave");
		search(viewer, "Parental%20%20Leave");
		search(editor, "%20parental%20leave%20");
		search(viewer, "lunch+menu");
		search(viewer, "expense");
		search(viewer, "");
		search(viewer, "expense&kind=FAQ");

		JsonNode listed = editor.get(gaps()).json();

		assertThat(listed.get("items").findValuesAsString("query")).containsExactly("parental leave", "expense",
				"lunch menu");
		assertThat(listed.get("items").get(0).get("searches").asInt()).isEqualTo(3);
		assertThat(listed.get("items").get(0).get("lastSearchedAt").asString()).isNotBlank();
		assertThat(listed.get("totalItems").asInt()).isEqualTo(3);
		JsonNode paged = editor.get(gaps() + "?size=1&page=1").json();
		assertThat(paged.get("items").findValuesAsString("query")).containsExactly("expense");
	}

	@Test
	void onlyEditorsAndAboveSeeTheGapsOfTheirOwnOrganization() {
		search(viewer, "nothing+here");
		TestData.Org other = data.org();
		// an organization's own administrator (site administrators may enter every organization)
		Http otherAdmin = Http.api(port, data.member(other, "ADMIN").token());
		otherAdmin.get("/api/v1/orgs/" + other.slug() + "/search?q=only+elsewhere");

		assertThat(viewer.get(gaps()).status()).isEqualTo(403);
		assertThat(Http.api(port, data.member(org, "CONTRIBUTOR").token()).get(gaps()).status()).isEqualTo(403);
		assertThat(Http.api(port, data.member(org, "KNOWLEDGE_MANAGER").token()).get(gaps()).status()).isEqualTo(200);
		assertThat(Http.api(port, org.admin().token()).get(gaps()).json().get("items").findValuesAsString("query"))
			.containsExactly("nothing here");
		assertThat(otherAdmin.get(gaps()).status()).isEqualTo(404);
		assertThat(editor.get(gaps() + "?size=101").status()).isEqualTo(400);
	}
}
