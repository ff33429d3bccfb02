package org.tacit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tacit.support.SafeHtml;

/**
 * What the Markdown pipeline renders is structurally safe ({@link SafeHtml}): for every payload of the
 * stored-XSS corpus, and for a short random run that mixes dangerous fragments, with a fixed seed named
 * on failure ({@code -Dtacit.fuzz.seed}, {@code -Dtacit.fuzz.runs} for a longer run). Jazzer's fuzzing of
 * the same pipeline is {@link MarkdownFuzzTests}.
 */
public class MarkdownSafetyTests {

	private static final Markdown MARKDOWN = new Markdown();

	/** Pieces that, put together, make the shapes sanitizers have got wrong. */
	private static final List<String> FRAGMENTS = List.of("<script>", "</script>", "<img src=x onerror=alert(1)>",
			"javascript:", "JaVaScRiPt:", "jav&#x09;ascript:", "&#106;avascript:", "vbscript:", "data:text/html,",
			"[a](", "](", ")", "![b](", "<a href=\"", "<a href='", "\"", "'", ">", "<", "</a>", "<svg", "<svg/onload=x>",
			"<math>", "<mtext>", "<mglyph>", "<style>", "</style>", "<iframe", "<object", "<embed", "<form",
			"<base href=", "<meta ", "<noscript>", "</noscript>", "<template>", "<!--", "-->", "<![CDATA[", "]]>",
			"`", "```", "\n", "\n\n", "> ", "- [ ] ", "- [x] ", "| a |", "|---|", "---\n", "~~", "**", "_", "\\",
			"&lt;", "&gt;", "&quot;", "&amp;", "&#0;", "\u0000", "\u202e", " onclick=", " onmouseover=", " style=",
			"url(", "expression(", "<input type=checkbox", " autofocus onfocus=", "<details open ontoggle=x>",
			"<textarea>", "</textarea>", "<title>", "<table>", "<td>", "<mark>", "[x]: ", "<http://", "<mailto:",
			"hx-get=", "th:text=", "${7*7}", "[[${1}]]", "  ", "\t", "#", "1. ", "<p>", "</p>", "=", "/", "x");

	@Test
	void aShortRandomRunFindsNothing() {
		long seed = Long.getLong("tacit.fuzz.seed", 20261201L);
		int runs = Integer.getInteger("tacit.fuzz.runs", 3_000);
		Random random = new Random(seed);
		for (int run = 0; run < runs; run++) {
			StringBuilder text = new StringBuilder();
			int pieces = 1 + random.nextInt(40);
			for (int i = 0; i < pieces; i++) {
				if (random.nextInt(8) == 0) {
					text.append((char) random.nextInt(0x3000));
				}
				else {
					text.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
				}
			}
			String markdown = text.toString();
			List<String> problems = SafeHtml.problems(MARKDOWN.toHtml(markdown));
			problems.addAll(SafeHtml.problems(Markdown.sanitize(markdown)));
			assertThat(problems).as("run %d of seed %d (-Dtacit.fuzz.seed=%d) on %s", run, seed, seed, markdown).isEmpty();
		}
	}

	@Test
	void everyPayloadOfTheCorpusRendersSafely() throws IOException {
		List<String> payloads = payloads();
		assertThat(payloads).hasSizeGreaterThan(60);
		for (String payload : payloads) {
			assertSafe(payload, MARKDOWN.toHtml(payload));
		}
	}

	@Test
	void theCheckSeesWhatWouldBeUnsafe() {
		// the structural check itself, on HTML the sanitizer never lets out
		assertThat(SafeHtml.problems("<p>fine <a href=\"https://example.org\">x</a> <a href=\"/o/x\">y</a></p>")).isEmpty();
		assertThat(SafeHtml.problems("<script>x</script>")).isNotEmpty();
		assertThat(SafeHtml.problems("<img src=x onerror=y>")).isNotEmpty();
		assertThat(SafeHtml.problems("<a href=\"java&#x09;script:x\">x</a>")).isNotEmpty();
		assertThat(SafeHtml.problems("<a href=\" data:text/html,x\">x</a>")).isNotEmpty();
		assertThat(SafeHtml.problems("<div style=\"background:url(x)\">x</div>")).isNotEmpty();
		assertThat(SafeHtml.problems("<form action=/x></form><iframe></iframe><base href=/><meta><object></object>"
				+ "<embed><style></style>")).hasSize(7);
		assertThat(SafeHtml.problems("<input type=text>")).isNotEmpty();
	}

	/** The payload list shared with the browser test, one a line, "\n" for a line break. */
	public static List<String> payloads() throws IOException {
		try (InputStream in = MarkdownSafetyTests.class.getResourceAsStream("/security/xss-payloads.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(line -> line.replace("\\n", "\n"))
				.toList();
		}
	}

	static void assertSafe(String input, String html) {
		assertThat(SafeHtml.problems(html)).as("%s rendered as %s", input, html).isEmpty();
	}
}
