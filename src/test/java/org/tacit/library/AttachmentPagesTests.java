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

/** The attachments section of the item page: the list, the upload form and its errors, download, removal. */
@TacitTest
class AttachmentPagesTests {

	private static final Pattern DOWNLOAD = Pattern.compile("href=\"(/o/[^\"]+/attachments/[0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	TestData.Person viewer;
	Http browser;
	String item;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		viewer = data.member(org, "VIEWER");
		String api = "/api/v1/orgs/" + org.slug();
		Http admin = Http.api(port, org.admin().token());
		admin.post(api + "/spaces", Map.of("key", "OPS", "name", "Operations"));
		String id = admin.post(api + "/items", Map.of("space", "OPS", "kind", "ARTICLE", "title", "Pump checks",
				"body", "Read the **log** first.")).json().get("id").asString();
		admin.post(api + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW"));
		admin.post(api + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED"));
		browser = Http.browser(port);
		browser.signIn(org.admin().email(), TestData.PASSWORD);
		item = "/o/" + org.slug() + "/items/" + id;
	}

	private Http.Response upload(Http as, String fileName, byte[] content) {
		return as.submitMultipart(item, item + "/attachments", Map.of(),
				Http.FilePart.of(fileName, "application/octet-stream", content));
	}

	@Test
	void editorsSeeTheSectionAfterTheBodyWithAnAccessibleUploadForm() {
		String page = browser.get(item).body();

		assertThat(page).containsPattern("<article class=\"card body\">[^<]*<p>Read the <strong>log</strong> first.</p>\\s*"
				+ "</article>\\s*<section id=\"attachments\"");
		assertThat(page).contains("No files are attached to this item.")
			.contains("enctype=\"multipart/form-data\"")
			.contains("<label for=\"attachment-file\">File to attach</label>")
			.contains("id=\"attachment-file\" name=\"file\" required")
			.contains("aria-describedby=\"attachment-file-hint\"")
			.contains("At most 25 MB.")
			.contains("name=\"_csrf\"");
	}

	@Test
	void anUploadedFileIsListedAndDownloadsAsItWasUploaded() {
		byte[] pdf = AttachmentApiTests.fixture("handover.pdf");

		Http.Response uploaded = upload(browser, "handover.pdf", pdf);

		assertThat(uploaded.status()).isEqualTo(302);
		assertThat(uploaded.location()).endsWith(item + "#attachments");
		String page = browser.get(uploaded.location()).body();
		assertThat(page).contains("handover.pdf was attached.").contains(">handover.pdf</a>").contains("PDF document")
			.contains("10 KB").contains("Site Admin").doesNotContain("No files are attached");
		Matcher link = DOWNLOAD.matcher(page);
		assertThat(link.find()).isTrue();
		Http.Binary download = browser.getBytes(link.group(1));
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.header("Content-Disposition")).singleElement().asString()
			.startsWith("attachment; filename=\"handover.pdf\"");
	}

	@Test
	void aRefusedFileIsExplainedNextToTheField() {
		Http.Response refused = upload(browser, "empty.txt", new byte[0]);

		assertThat(refused.status()).isEqualTo(302);
		String page = browser.get(refused.location()).body();
		assertThat(page).contains("id=\"attachment-file-error\" class=\"field-error\">The file is empty.</p>")
			.contains("aria-invalid=\"true\"")
			.contains("aria-describedby=\"attachment-file-error attachment-file-hint\"")
			.contains("No files are attached to this item.");
		assertThat(browser.get(item).body()).as("the error is shown once")
			.contains("<p id=\"attachment-file-error\" class=\"field-error\" hidden=\"hidden\"></p>")
			.contains("aria-invalid=\"false\"");
	}

	@Test
	void viewersDownloadButDoNotSeeTheFormOrRemoval() {
		byte[] text = AttachmentApiTests.fixture("handover.txt");
		upload(browser, "handover.txt", text);
		Http reader = Http.browser(port);
		reader.signIn(viewer.email(), TestData.PASSWORD);

		String page = reader.get(item).body();

		assertThat(page).contains(">handover.txt</a>").contains("Text").doesNotContain("multipart/form-data")
			.doesNotContain("/delete\"");
		Matcher link = DOWNLOAD.matcher(page);
		assertThat(link.find()).isTrue();
		assertThat(reader.getBytes(link.group(1)).body()).isEqualTo(text);
		assertThat(reader.get(link.group(1) + "/delete").status()).isEqualTo(403);
		assertThat(upload(reader, "mine.txt", text).status()).isEqualTo(403);
	}

	@Test
	void removingAFileAsksFirst() {
		upload(browser, "old-checklist.txt", AttachmentApiTests.fixture("handover.txt"));
		Matcher delete = Pattern.compile("href=\"(/o/[^\"]+/attachments/[0-9a-f-]{36}/delete)\"[^>]*aria-label=\"Remove old-checklist.txt\"")
			.matcher(browser.get(item).body());
		assertThat(delete.find()).isTrue();

		Http.Response confirm = browser.get(delete.group(1));
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.body()).contains("Remove this file?").contains("old-checklist.txt will be removed from")
			.contains("Remove the file").contains("Cancel");

		Http.Response removed = browser.submit(delete.group(1), delete.group(1), Map.of());
		assertThat(removed.location()).endsWith(item + "#attachments");
		assertThat(browser.get(removed.location()).body()).contains("old-checklist.txt was removed.")
			.contains("No files are attached to this item.");
	}

	@Test
	void aFileOverTheLimitIsRefusedBeforeAnythingIsRead() {
		Http.Response refused = upload(browser, "big.bin", new byte[25 * 1024 * 1024 + 1]);

		// the container refuses while reading the form (even its CSRF token), before any handler runs
		assertThat(refused.status()).isEqualTo(413);
		assertThat(browser.get(item).body()).contains("No files are attached to this item.");
	}
}
