package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.shared.ProblemException;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Search for other modules ({@link KnowledgeSearch}): related records from a free text, by type, with
 * the caller's permissions and no knowledge gap; and the type and status facets of the search API.
 */
@TacitTest
class KnowledgeSearchTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	KnowledgeSearch search;

	TestData data;
	SearchFixtures index;
	TestData.Org org;
	TestData.Person viewer;
	OrgAccess asViewer;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		index = new SearchFixtures(context);
		org = data.org();
		viewer = data.member(org, "VIEWER");
		asViewer = new OrgAccess(new OrgId(org.id()), org.slug(), "Org", new PersonId(viewer.id()), Role.VIEWER);
	}

	@Test
	void relatedFindsRecordsSharingTheTextsTellingWordsWithinTheCallersPermissions() {
		String lesson = UUID.randomUUID().toString();
		index.put(SearchFixtures.doc(org.id(), "Pump seals fail in cold weather").type("lesson").id(lesson)
			.kind("URGENT").status("VALIDATED").text("Seals on the cooling pump cracked below freezing.").build(),
				SearchFixtures.doc(org.id(), "Pump maintenance checklist").kind("CHECKLIST")
					.text("Inspect the seals of every pump before winter.").build(),
				SearchFixtures.doc(org.id(), "Draft about pump seals").unpublished().text("pump seals").build(),
				SearchFixtures.doc(org.id(), "Holiday rota").text("Who works over the holidays.").build());

		var related = search.related(asViewer,
				"Winter overhaul of the cooling pump station: replace seals, test the pumps", Set.of(), Set.of(), 10);
		assertThat(related).extracting(KnowledgeSearch.Found::title)
			.containsExactlyInAnyOrder("Pump seals fail in cold weather", "Pump maintenance checklist");

		var lessonsOnly = search.related(asViewer, "cooling pump seals", Set.of("lesson"), Set.of(), 10);
		assertThat(lessonsOnly).singleElement().satisfies(found -> {
			assertThat(found.id()).isEqualTo(lesson);
			assertThat(found.kind()).isEqualTo("URGENT");
			assertThat(found.status()).isEqualTo("VALIDATED");
		});
		assertThat(search.related(asViewer, "cooling pump seals", Set.of("lesson"), Set.of(lesson), 10)).isEmpty();
		assertThat(search.related(asViewer, "   ", Set.of(), Set.of(), 10)).isEmpty();
		assertThatThrownBy(() -> search.related(asViewer, "pump", Set.of(), Set.of(), 51))
			.isInstanceOf(ProblemException.class);
	}

	@Test
	void findUsesTheSearchBoxRulesAndRecordsNoKnowledgeGap() {
		index.put(SearchFixtures.doc(org.id(), "Shift handover").text("handover notes").build(),
				SearchFixtures.doc(org.id(), "Handover lesson").type("lesson").text("handover went wrong").build());

		assertThat(search.find(asViewer, "handover", Set.of("lesson"), 5)).extracting(KnowledgeSearch.Found::title)
			.containsExactly("Handover lesson");
		assertThat(search.find(asViewer, "handover", Set.of(), 5)).hasSize(2);
		assertThat(search.find(asViewer, "zebra crossing", Set.of(), 5)).isEmpty();
		JsonNode gaps = Http.api(port, org.admin().token()).get("/api/v1/orgs/" + org.slug() + "/search/gaps").json();
		assertThat(gaps.get("totalItems").asInt()).isZero();
	}

	@Test
	void theSearchApiCountsAndFiltersByTypeAndStatus() {
		index.put(SearchFixtures.doc(org.id(), "Valve lesson").type("lesson").status("CAPTURED").text("valve").build(),
				SearchFixtures.doc(org.id(), "Valve lesson two").type("lesson").status("VALIDATED").text("valve").build(),
				SearchFixtures.doc(org.id(), "Valve guide").status("PUBLISHED").text("valve").build());
		Http api = Http.api(port, viewer.token());
		String base = "/api/v1/orgs/" + org.slug() + "/search?q=valve";

		JsonNode all = api.get(base).json();
		assertThat(all.get("facets").get("type").get("lesson").asInt()).isEqualTo(2);
		assertThat(all.get("facets").get("type").get("item").asInt()).isEqualTo(1);
		assertThat(all.get("facets").get("status").get("VALIDATED").asInt()).isEqualTo(1);
		JsonNode validated = api.get(base + "&type=lesson&status=validated").json();
		assertThat(validated.get("total").asInt()).isEqualTo(1);
		assertThat(validated.get("hits").get(0).get("title").asString()).isEqualTo("Valve lesson two");
		assertThat(validated.get("hits").get(0).get("status").asString()).isEqualTo("VALIDATED");
	}
}
