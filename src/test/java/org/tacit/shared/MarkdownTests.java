package org.tacit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown rendering: the extensions people expect, and nothing unsafe through them. */
class MarkdownTests {

	private final Markdown markdown = new Markdown();

	@Test
	void taskListsRenderAsCheckboxesThatCannotBeChanged() {
		String html = markdown.toHtml("- [x] lock the door\n- [ ] switch off the lights\n");

		assertThat(html).contains("lock the door").contains("switch off the lights").doesNotContain("[x]", "[ ]");
		assertThat(html).containsPattern("<input type=\"checkbox\"[^>]*checked[^>]*>").contains("disabled");
		assertThat(html.split("<input", -1)).hasSize(3);
	}

	@Test
	void otherInputsWrittenAsHtmlAreDroppedAndCheckboxesDisabled() {
		String html = markdown.toHtml("<input type=\"text\" name=\"password\"> <input type=\"checkbox\" onclick=\"x()\">"
				+ " <input>");

		assertThat(html).doesNotContain("text").doesNotContain("password").doesNotContain("onclick");
		assertThat(html.split("<input", -1)).hasSize(2);
		assertThat(html).contains("disabled");
	}

	@Test
	void strikethroughIsKept() {
		assertThat(markdown.toHtml("~~old way~~ new way")).contains("<del>old way</del>");
	}
}
