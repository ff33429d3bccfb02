package org.tacit.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** While typing, the last word also finds the words it begins; the snippet guard escapes stray markup. */
class SearchAsTypedTests {

	@Test
	void theLastWordBeingTypedAlsoMatchesAsAPrefix() {
		assertThat(SearchPages.asTyped("planni")).isEqualTo("planni OR planni*");
		assertThat(SearchPages.asTyped("vpn setu")).isEqualTo("vpn setu OR setu*");
		assertThat(SearchPages.asTyped("vpn ")).isEqualTo("vpn ");
		assertThat(SearchPages.asTyped("a")).isEqualTo("a");
		assertThat(SearchPages.asTyped("\"new hire\"")).isEqualTo("\"new hire\"");
		assertThat(SearchPages.asTyped("e-mai")).isEqualTo("e-mai");
	}

	@Test
	void aSnippetWithAnyMarkupBesidesTheMarksIsEscapedWhole() {
		assertThat(SearchPages.safe("a <mark>b</mark> &lt;c&gt;")).isEqualTo("a <mark>b</mark> &lt;c&gt;");
		assertThat(SearchPages.safe("a <mark>b</mark> <script>")).isEqualTo("a &lt;mark&gt;b&lt;/mark&gt; &lt;script&gt;");
		assertThat(SearchPages.safe(null)).isEmpty();
	}
}
