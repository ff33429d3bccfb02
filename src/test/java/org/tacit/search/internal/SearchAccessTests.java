package org.tacit.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.search.SearchAccess;
import org.tacit.search.SearchFixtures;
import org.tacit.shared.Paging;
import org.tacit.support.TacitTest;

/**
 * When a module says who may read which members-only space and who sees unpublished records, search
 * asks it for every query. The search service is made here with such a module's answers, on the
 * application's own index (one shared test context, no test beans).
 */
@TacitTest
class SearchAccessTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	LuceneIndex index;

	private SearchService searchWith(SearchAccess access) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("access", access));
		return new SearchService(index, new Visibility(beans.getBeanProvider(SearchAccess.class)),
				context.getBean(SynonymService.class), context.getBean(GapStore.class), context.getBean(Clock.class),
				context.getBean(Hybrid.class));
	}

	private static SearchAccess access(UUID reader, Set<String> spaces, boolean seesUnpublished) {
		return new SearchAccess() {
			@Override
			public Set<String> readableMembersOnlySpaces(UUID org, UUID person) {
				return person.equals(reader) ? spaces : Set.of();
			}

			@Override
			public boolean seesUnpublished(UUID org, UUID person) {
				return person.equals(reader) && seesUnpublished;
			}
		};
	}

	@Test
	void membersOnlySpacesAreSearchedOnlyByTheirReadersAndUnpublishedRecordsAsTheModuleSays() {
		UUID org = UUID.randomUUID();
		UUID reader = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		new SearchFixtures(context).put(
				SearchFixtures.doc(org, "Board minutes").space("board", "Board").membersOnly().text("lynx").build(),
				SearchFixtures.doc(org, "HR cases").space("hr", "HR").membersOnly().text("lynx").build(),
				SearchFixtures.doc(org, "Draft memo").unpublished().text("lynx").build(),
				SearchFixtures.doc(org, "Open memo").text("lynx").build());
		SearchService search = searchWith(access(reader, Set.of("board"), true));

		SearchResults forReader = search.search(caller(org, reader, Role.VIEWER), SearchRequest.query("lynx"),
				Paging.first(), false);
		SearchResults forOther = search.search(caller(org, other, Role.ADMIN), SearchRequest.query("lynx"),
				Paging.first(), false);

		assertThat(forReader.hits()).extracting(SearchResults.Hit::title)
			.containsExactlyInAnyOrder("Board minutes", "Draft memo", "Open memo");
		assertThat(forReader.facets().space()).containsOnlyKeys("board", "general");
		// the module's answer counts, not the role: this administrator may not read the spaces or drafts
		assertThat(forOther.hits()).extracting(SearchResults.Hit::title).containsExactly("Open memo");
	}

	private static OrgAccess caller(UUID org, UUID person, Role role) {
		return new OrgAccess(new OrgId(org), "org", "Org", new PersonId(person), role);
	}
}
