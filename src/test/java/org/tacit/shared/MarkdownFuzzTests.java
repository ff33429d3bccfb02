package org.tacit.shared;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzzing of the Markdown → HTML → sanitizer pipeline. In the suite it replays the committed
 * corpus ({@code MarkdownFuzzTestsInputs/renderedHtmlIsSafe/}: the stored-XSS payloads and what fuzzing
 * found), in a JVM of its own because Jazzer installs an agent; with {@code JAZZER_FUZZ=1} it fuzzes for
 * up to ten minutes (docs/security.md has the command). New findings go into the corpus.
 */
class MarkdownFuzzTests {

	private static final Markdown MARKDOWN = new Markdown();

	@FuzzTest(maxDuration = "10m")
	void renderedHtmlIsSafe(byte[] input) {
		String text = new String(input, StandardCharsets.UTF_8);
		MarkdownSafetyTests.assertSafe(text, MARKDOWN.toHtml(text));
		MarkdownSafetyTests.assertSafe(text, Markdown.sanitize(text));
	}
}
