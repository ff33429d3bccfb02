package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** Importing a folder of Markdown: front matter, progress, a report of bad files, idempotent re-runs. */
@TacitTest
class MarkdownImportTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MarkdownImport markdownImport;

	@TempDir
	Path folder;

	TestData.Org org;
	Http admin;

	@BeforeEach
	void setUp() {
		org = new TestData(context, port).org();
		admin = Http.api(port, org.admin().token());
		admin.post("/api/v1/orgs/" + org.slug() + "/spaces", Map.of("key", "DOCS", "name", "Docs"));
	}

	private void write(String name, String text) throws Exception {
		Path file = folder.resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	private JsonNode items() {
		return admin.get("/api/v1/orgs/" + org.slug() + "/items?space=DOCS&sort=TITLE").json();
	}

	@Test
	void importsFilesWithFrontMatterAndReportsProgress() throws Exception {
		write("onboarding.md", """
				---
				title: "Onboarding checklist"
				kind: CHECKLIST
				summary: First week
				tags: [people, first-week]
				---
				- [ ] Laptop
				- [ ] Badge
				""");
		write("guides/escalation.md", "# Escalation guide\n\nCall the duty manager.\n");
		write("notes.txt", "not markdown");
		List<String> progress = new ArrayList<>();

		MarkdownImport.Result result = markdownImport.importFolder(org.slug(), "DOCS", folder, null, true,
				(done, total) -> progress.add(done + "/" + total));

		assertThat(result.created()).isEqualTo(2);
		assertThat(result.problems()).isEmpty();
		assertThat(progress).containsExactly("1/2", "2/2");
		JsonNode items = items().get("items");
		assertThat(items.findValuesAsString("title")).containsExactly("Escalation guide", "Onboarding checklist");
		JsonNode checklist = items.get(1);
		assertThat(checklist.get("kind").asString()).isEqualTo("CHECKLIST");
		assertThat(checklist.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(checklist.get("summary").asString()).isEqualTo("First week");
		assertThat(checklist.get("tags").valueStream().map(JsonNode::asString)).containsExactly("people", "first-week");
		assertThat(admin.get("/api/v1/orgs/" + org.slug() + "/items/" + checklist.get("id").asString())
			.json()
			.get("body")
			.asString()).startsWith("- [ ] Laptop");
		// one event for the batch, read by the other modules: the owner's derived expertise counts the items
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(admin.get("/api/v1/orgs/" + org.slug() + "/people/" + org.admin().id()
					+ "/expertise").json().get("derived").findValuesAsString("tag")).contains("people", "first-week"));
	}

	@Test
	void aSecondRunUpdatesWhatChangedAndNothingElse() throws Exception {
		write("a.md", "# Alpha\n\none");
		write("b.md", "# Beta\n\ntwo");
		markdownImport.importFolder(org.slug(), "DOCS", folder, null, true, (d, t) -> {
		});

		write("b.md", "# Beta\n\ntwo, revised");
		MarkdownImport.Result again = markdownImport.importFolder(org.slug(), "DOCS", folder, null, true, (d, t) -> {
		});

		assertThat(again.created()).isZero();
		assertThat(again.updated()).isEqualTo(1);
		assertThat(again.unchanged()).isEqualTo(1);
		assertThat(items().get("totalItems").asInt()).isEqualTo(2);
		assertThat(items().get("items").get(1).get("version").asInt()).isEqualTo(2);
	}

	@Test
	void filesTheMarkdownLinksToBecomeAttachmentsOnce() throws Exception {
		write("guides/handover.md", "# Handover\n\nSee [the slides](files/handover%20deck.pptx), ![plan](plan.txt)"
				+ " and [outside](../../etc/passwd) and [web](https://example.org/x.pdf).");
		Files.createDirectories(folder.resolve("guides/files"));
		Files.copy(Path.of("src/test/resources/fixtures/handover.pptx"), folder.resolve("guides/files/handover deck.pptx"));
		write("guides/plan.txt", "the plan");

		markdownImport.importFolder(org.slug(), "DOCS", folder, null, true, (d, t) -> {
		});
		MarkdownImport.Result again = markdownImport.importFolder(org.slug(), "DOCS", folder, null, true, (d, t) -> {
		});

		String id = items().get("items").get(0).get("id").asString();
		JsonNode attached = admin.get("/api/v1/orgs/" + org.slug() + "/items/" + id + "/attachments").json();
		assertThat(attached.findValuesAsString("fileName")).containsExactlyInAnyOrder("handover deck.pptx", "plan.txt");
		assertThat(again.unchanged()).isEqualTo(1);
	}

	@Test
	void badFilesAreReportedAndSkippedWithoutStoppingTheRest() throws Exception {
		write("good.md", "# Good\n\nfine");
		Files.write(folder.resolve("latin1.md"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
		write("huge.md", "# Huge\n\n" + "x".repeat(200_001));
		write("kind.md", "---\nkind: POEM\n---\n# Bad kind");

		MarkdownImport.Result result = markdownImport.importFolder(org.slug(), "DOCS", folder, null, false, (d, t) -> {
		});

		assertThat(result.created()).isEqualTo(1);
		assertThat(result.problems()).hasSize(3)
			.anySatisfy(p -> assertThat(p).startsWith("latin1.md").contains("UTF-8"))
			.anySatisfy(p -> assertThat(p).startsWith("huge.md").contains("too long"))
			.anySatisfy(p -> assertThat(p).startsWith("kind.md").contains("kind"));
		assertThat(items().get("items").findValuesAsString("status")).containsExactly("DRAFT");
	}
}
