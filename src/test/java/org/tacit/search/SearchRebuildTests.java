package org.tacit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * The index is rebuilt from the modules' sources: what they give replaces the whole index, writes made
 * meanwhile are kept, and progress is reported. (A rebuild empties the index of other tests' records,
 * which each test class puts again for itself.)
 */
@TacitTest
class SearchRebuildTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	SearchRebuild rebuild;

	@Autowired
	SearchIndex searchIndex;

	TestData.Org org;
	Http viewer;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		viewer = Http.api(port, data.member(org, "VIEWER").token());
	}

	/** A module's records, as a real source gives them from its tables. */
	record ListSource(String name, List<SearchDocument> documents, Consumer<Integer> afterEach)
			implements SearchSource {

		@Override
		public long count() {
			return documents.size();
		}

		@Override
		public void forEach(Consumer<SearchDocument> sink) {
			for (int i = 0; i < documents.size(); i++) {
				sink.accept(documents.get(i));
				afterEach.accept(i);
			}
		}
	}

	private List<String> titles(String q) {
		return viewer.get("/api/v1/orgs/" + org.slug() + "/search?q=" + q).json().get("hits").findValuesAsString("title");
	}

	@Test
	void aRebuildFromTheSourcesRestoresTheIndexAfterItWasEmptied() {
		List<SearchDocument> items = List.of(SearchFixtures.doc(org.id(), "Rebuilt guide").text("puffin").build(),
				SearchFixtures.doc(org.id(), "Rebuilt checklist").text("puffin").build());
		List<SearchDocument> comments = List.of(
				SearchFixtures.doc(org.id(), "Rebuilt comment").type("comment").text("puffin").build());
		new SearchFixtures(context).put(items.toArray(SearchDocument[]::new));
		assertThat(titles("puffin")).hasSize(2);

		SearchRebuild.Result emptied = rebuild.rebuild(List.of(), SearchRebuild.Progress.none());
		assertThat(emptied.documents()).isZero();
		assertThat(titles("puffin")).isEmpty();

		List<long[]> progress = new ArrayList<>();
		List<String> sources = new ArrayList<>();
		SearchRebuild.Result rebuilt = rebuild.rebuild(
				List.of(new ListSource("library items", items, i -> {
				}), new ListSource("comments", comments, i -> {
				})), (source, done, total) -> {
					progress.add(new long[] { done, total });
					sources.add(source);
				});

		assertThat(rebuilt.documents()).isEqualTo(3);
		assertThat(titles("puffin")).containsExactlyInAnyOrder("Rebuilt guide", "Rebuilt checklist", "Rebuilt comment");
		assertThat(progress.get(progress.size() - 1)).containsExactly(3, 3);
		assertThat(progress).allMatch(p -> p[1] == 3 && p[0] <= 3);
		assertThat(sources).contains("library items", "comments");
	}

	@Test
	void writesMadeDuringARebuildAreKeptAndSearchesGoOnMeanwhile() {
		SearchDocument old = SearchFixtures.doc(org.id(), "Old version").id("doc-1").text("gannet").build();
		new SearchFixtures(context).put(old);
		SearchDocument renamed = SearchFixtures.doc(org.id(), "Renamed meanwhile").id("doc-1").text("gannet").build();
		SearchDocument added = SearchFixtures.doc(org.id(), "Added meanwhile").text("gannet").build();
		List<List<String>> seenDuringRebuild = new ArrayList<>();

		rebuild.rebuild(List.of(new ListSource("items", List.of(old), i -> {
			// the source has read the old version; a listener now writes the new one, and another record
			searchIndex.put(renamed);
			searchIndex.put(added);
			seenDuringRebuild.add(titles("gannet"));
		})), SearchRebuild.Progress.none());

		// searches answered during the rebuild, from the index as it was plus the writes already refreshed
		assertThat(seenDuringRebuild.get(0)).isNotEmpty();
		assertThat(titles("gannet")).containsExactlyInAnyOrder("Renamed meanwhile", "Added meanwhile");
	}

	@Test
	void theApplicationsOwnSourcesAreUsedWhenNoneAreGiven() {
		UUID someone = UUID.randomUUID();
		new SearchFixtures(context).put(SearchFixtures.doc(org.id(), "Not from any source").owner(someone, "X").build());

		// the library offers its items, their comments and attachments: the rebuilt index holds exactly them, nothing put by hand
		long items = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("SELECT (SELECT COUNT(*) FROM library_item) + (SELECT COUNT(*) FROM library_comment)"
					+ " + (SELECT COUNT(*) FROM library_attachment)")
			.query(Long.class)
			.single();
		// and every other module its own records (people, ...): exactly what their sources give
		long others = context.getBeansOfType(SearchSource.class)
			.values()
			.stream()
			.filter(source -> !source.name().equals("library items"))
			.mapToLong(source -> {
				long[] given = { 0 };
				source.forEach(document -> given[0]++);
				return given[0];
			})
			.sum();
		assertThat(rebuild.rebuild(SearchRebuild.Progress.none()).documents()).isEqualTo(items + others);
		assertThat(titles("source")).isEmpty();
	}

	@Test
	void theIndexReportsItsHealthWithTheNumberOfDocuments() {
		new SearchFixtures(context).put(SearchFixtures.doc(org.id(), "Counted").build());
		TestData.Person siteAdmin = new TestData(context, port).siteAdmin();

		Http.Response health = Http.api(port, siteAdmin.token()).get("/actuator/health/index");

		assertThat(health.status()).as(health.toString()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.json().get("details").get("documents").asInt()).isPositive();
		assertThat(health.json().get("details").get("path").asString()).endsWith("index/main");
	}
}
