package org.tacit.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tacit.search.internal.UserQuery.Group;
import org.tacit.search.internal.UserQuery.Phrase;
import org.tacit.search.internal.UserQuery.Prefix;
import org.tacit.search.internal.UserQuery.Word;

/** How typed text is read (no Spring): every input is a query, none is an error. */
class SearchQueryTests {

	@Test
	void wordsPhrasesPrefixesExclusionsAndAlternativesAreRecognized() {
		UserQuery query = UserQuery.parse("onboarding \"new hire\" templ* -draft NOT old wiki OR intranet");

		assertThat(query.groups()).containsExactly(new Group(List.of(new Word("onboarding")), false),
				new Group(List.of(new Phrase("new hire")), false), new Group(List.of(new Prefix("templ")), false),
				new Group(List.of(new Word("draft")), true), new Group(List.of(new Word("old")), true),
				new Group(List.of(new Word("wiki"), new Word("intranet")), false));
	}

	@Test
	void brokenSyntaxIsReadAsText() {
		assertThat(UserQuery.parse("\"unclosed phrase").groups())
			.containsExactly(new Group(List.of(new Phrase("unclosed phrase")), false));
		assertThat(UserQuery.parse("OR AND NOT").groups()).isEmpty();
		assertThat(UserQuery.parse("a* * -").groups()).extracting(g -> g.anyOf().get(0))
			.containsExactly(new Word("a"), new Word("*"), new Word("-"));
		assertThat(UserQuery.parse("x".repeat(600) + " tail").groups()).hasSize(1);
		assertThat(UserQuery.parse("w ".repeat(100)).groups()).hasSize(UserQuery.MAX_CLAUSES);
		assertThat(new QueryFactory(Synonyms.NONE, java.util.Set.of("!!!")).relevance(UserQuery.parse("!!! ((( ]]]"))).isNull();
	}

	@Test
	void gapsAreRecordedInOneSpellingPerQuery() {
		assertThat(UserQuery.normalize("  Parental \t LEAVE\n")).isEqualTo("parental leave");
	}
}
