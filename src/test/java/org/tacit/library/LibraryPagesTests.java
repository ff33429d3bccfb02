package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** The library's pages: spaces, the editor, the item page, history, the merge view and the review queue. */
@TacitTest
class LibraryPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	Http browser;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		browser = Http.browser(port);
		browser.signIn(org.admin().email(), TestData.PASSWORD);
		base = "/o/" + org.slug();
	}

	private String createSpaceAndItem(String body) {
		Http.Response space = browser.submit(base + "/spaces", base + "/spaces",
				Map.of("key", "GUIDE", "name", "Guides", "description", "How we work"));
		assertThat(space.location()).endsWith(base + "/spaces/GUIDE");
		Http.Response item = browser.submit(base + "/items/new?space=GUIDE", base + "/items", Map.of("space", "GUIDE",
				"kind", "ARTICLE", "title", "How to hand over a shift", "summary", "The short version", "body", body,
				"tags", "handover, shifts"));
		Matcher id = Pattern.compile("/items/([0-9a-f-]{36})$").matcher(item.location());
		assertThat(id.find()).as(item.toString()).isTrue();
		return id.group(1);
	}

	@Test
	void aSpaceAndAnItemAreMadeFromTheForms() {
		String id = createSpaceAndItem("## Steps\n\n1. Read the log\n2. Sign\n\n<script>alert(1)</script>");

		Http.Response page = browser.get(base + "/items/" + id);
		assertThat(page.body()).contains("How to hand over a shift").contains("<h2>Steps</h2>")
			.contains("<li>Read the log</li>").contains("Submit for review").doesNotContain("<script>alert");
		assertThat(browser.get(base + "/spaces/GUIDE").body()).contains("How to hand over a shift").contains("Draft");
		assertThat(browser.get(base + "/spaces").body()).contains("Guides").contains("How we work");
	}

	@Test
	void theEditorRefusesAnEmptyTitleBesideTheField() {
		createSpaceAndItem("x");

		Http.Response refused = browser.submit(base + "/items/new?space=GUIDE", base + "/items",
				Map.of("space", "GUIDE", "kind", "ARTICLE", "title", " ", "body", "kept text"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"title-error\"").contains("kept text");
	}

	@Test
	void aSaveBasedOnAnOldVersionShowsTheMergeView() {
		String id = createSpaceAndItem("first text");
		String edit = base + "/items/" + id + "/edit";
		browser.submit(edit, base + "/items/" + id,
				Map.of("kind", "ARTICLE", "title", "How to hand over a shift", "body", "second text", "version", "1"));

		Http.Response conflict = browser.submit(edit, base + "/items/" + id,
				Map.of("kind", "ARTICLE", "title", "How to hand over a shift", "body", "my late text", "version", "1"));

		assertThat(conflict.status()).isEqualTo(200);
		assertThat(conflict.body()).contains("Someone saved this item while you were editing").contains("second text")
			.contains("my late text").contains("name=\"version\" value=\"2\"");
		assertThat(browser.get(base + "/items/" + id).body()).contains("second text").doesNotContain("my late text");
	}

	@Test
	void historyComparesVersionsAndRestoresOne() {
		String id = createSpaceAndItem("original line");
		browser.submit(base + "/items/" + id + "/edit", base + "/items/" + id,
				Map.of("kind", "ARTICLE", "title", "How to hand over a shift", "body", "changed line", "version", "1",
						"message", "reworded"));

		Http.Response history = browser.get(base + "/items/" + id + "/history");
		assertThat(history.body()).contains("reworded").contains("original line").contains("changed line")
			.contains("diff-CHANGE");

		Http.Response restored = browser.submit(base + "/items/" + id + "/versions/1",
				base + "/items/" + id + "/versions/1/restore", Map.of("basedOn", "2"));
		assertThat(restored.location()).endsWith(base + "/items/" + id);
		assertThat(browser.get(base + "/items/" + id).body()).contains("original line").contains("Version 3");
	}

	@Test
	void theWorkflowRunsFromTheItemPageAndTheQueueShowsWhatWaits() {
		String id = createSpaceAndItem("text");
		String item = base + "/items/" + id;

		browser.submit(item, item + "/transition", Map.of("to", "IN_REVIEW"));
		assertThat(browser.get(base + "/review").body()).contains("How to hand over a shift");
		Http.Response sentBack = browser.submit(item, item + "/transition", Map.of("to", "DRAFT", "comment", ""));
		assertThat(browser.get(sentBack.location()).body()).contains("a comment is required");
		browser.submit(item, item + "/transition", Map.of("to", "PUBLISHED"));

		assertThat(browser.get(item).body()).contains("Published").contains("Verify: still right");
		assertThat(browser.get(base + "/review").body()).contains("Nothing is waiting for review.");
	}

	@Test
	void thePreviewRendersSanitizedMarkdown() {
		createSpaceAndItem("x");
		Http.Response preview = browser.submit(base + "/items/new?space=GUIDE", base + "/preview",
				Map.of("body", "**bold** <img src=x onerror=alert(1)>"));

		assertThat(preview.body()).contains("<strong>bold</strong>").doesNotContain("onerror");
	}
}
