package org.tacit.library;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.BrowserSupport;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** Attaching and removing a file in a real Chromium, by keyboard; an oversized file is refused before it is sent. */
@TacitTest
class AttachmentBrowserTests {

	@RegisterExtension
	static final BrowserSupport browser = new BrowserSupport();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path folder;

	TestData.Org org;
	String item;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		String api = "/api/v1/orgs/" + org.slug();
		Http admin = Http.api(port, org.admin().token());
		admin.post(api + "/spaces", Map.of("key", "OPS", "name", "Operations"));
		String id = admin.post(api + "/items", Map.of("space", "OPS", "kind", "CHECKLIST", "title", "Pump checks",
				"body", "Check the pumps.")).json().get("id").asString();
		item = "/o/" + org.slug() + "/items/" + id;
	}

	private Page signedIn() {
		Page page = browser.page();
		page.navigate("/login");
		page.getByLabel("Email").fill(org.admin().email());
		page.getByLabel("Password").fill(TestData.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page).not().hasURL(Pattern.compile("/login"));
		page.navigate(item);
		return page;
	}

	@Test
	void aFileIsAttachedAndRemovedWithTheKeyboard() throws IOException {
		Path docx = folder.resolve("handover.docx");
		Files.write(docx, AttachmentApiTests.fixture("handover.docx"));
		Page page = signedIn();
		Locator section = page.locator("#attachments");
		assertThat(section.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2))).hasText("Attachments");
		assertThat(section.getByRole(AriaRole.FORM, new Locator.GetByRoleOptions().setName("Attach a file"))).isVisible();

		Locator file = page.getByLabel("File to attach");
		file.setInputFiles(docx);
		file.focus();
		page.keyboard().press("Tab");
		assertThat(section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload"))).isFocused();
		page.keyboard().press("Enter");

		page.waitForURL(Pattern.compile(Pattern.quote(item) + "#attachments$"));
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("handover.docx was attached.");
		Locator row = section.locator("tbody tr");
		assertThat(row).hasCount(1);
		assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("handover.docx").setExact(true))).isVisible();
		assertThat(row).containsText("Word document");

		Locator remove = row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Remove handover.docx"));
		remove.focus();
		page.keyboard().press("Enter");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Remove this file?");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove the file")).focus();
		page.keyboard().press("Enter");

		assertThat(page.getByRole(AriaRole.STATUS)).hasText("handover.docx was removed.");
		assertThat(page.locator("#attachments")).containsText("No files are attached to this item.");
	}

	@Test
	void anOversizedFileIsRefusedNextToTheFieldBeforeItIsSent() throws IOException {
		Path big = folder.resolve("big.bin");
		try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
			file.setLength(25L * 1024 * 1024 + 1);
		}
		Page page = signedIn();
		String before = page.url();

		page.getByLabel("File to attach").setInputFiles(big);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload")).click();

		Locator error = page.locator("#attachment-file-error");
		assertThat(error).isVisible();
		assertThat(error).hasText("The file is too large: a file may have at most 25 MB.");
		assertThat(page.getByLabel("File to attach")).hasAttribute("aria-invalid", "true");
		assertThat(page.getByLabel("File to attach")).isFocused();
		assertThat(page.url()).isEqualTo(before);
		assertThat(page.locator("#attachments")).containsText("No files are attached to this item.");
	}
}
