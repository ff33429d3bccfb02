package org.tacit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.library.internal.AttachmentStorage;
import org.tacit.library.internal.LocalAttachmentStorage;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Hostile uploads: names that try to leave the attachment folder, content that lies about its type,
 * archives that expand enormously, files larger than allowed. Each is refused or made harmless, and a
 * download never becomes active content on Tacit's origin.
 */
@TacitTest
class UploadSafetyTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData.Org org;
	Http api;
	String files;
	Path storageRoot;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("UP");
		String item = library.published("UP", "ARTICLE", "Uploads", "Files").get("id").asString();
		api = Http.api(port, org.admin().token());
		files = "/api/v1/orgs/" + org.slug() + "/items/" + item + "/attachments";
		storageRoot = ((LocalAttachmentStorage) context.getBean(AttachmentStorage.class)).root();
	}

	private JsonNode upload(String name, String type, byte[] content) {
		Http.Response answer = api.postMultipart(files, Map.of(), Http.FilePart.of(name, type, content));
		assertThat(answer.status()).as(name + ": " + answer).isEqualTo(201);
		return answer.json();
	}

	@Test
	void namesThatTryToLeaveTheFolderAreOnlyNames() throws IOException {
		List<String> names = List.of("../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "/etc/passwd",
				"C:\\Windows\\System32\\drivers\\etc\\hosts", "\\\\server\\share\\secret.txt",
				"%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%c0%af..%c0%afetc%c0%afpasswd", "\u00c0\u00ae\u00c0\u00ae/passwd",
				"evil.php\u0000.txt", "report\u202etxt.exe", "..", ".", "...", "file:///etc/passwd",
				"name\r\nContent-Type: text/html");
		int n = 0;
		for (String name : names) {
			byte[] content = ("content " + n++).getBytes(StandardCharsets.UTF_8);
			Http.Response answer = api.postMultipart(files, Map.of(), Http.FilePart.of(name, "text/plain", content));
			if (answer.status() == 400) {
				// refused outright (the servlet container cannot read a part whose name holds NUL): also safe
				assertThat(answer.json().get("errors").get(0).get("field").asString()).as(name).isEqualTo("file");
				continue;
			}
			assertThat(answer.status()).as(name + ": " + answer).isEqualTo(201);
			JsonNode stored = answer.json();
			String kept = stored.get("fileName").asString();
			assertThat(kept).as(name).doesNotContain("/", "\\", "\u0000", "\r", "\n", "\u202e").isNotBlank()
				.isNotIn("..", ".");
			Http.Binary download = api.getBytes(files + "/" + stored.get("id").asString());
			assertThat(download.body()).isEqualTo(content);
			assertThat(download.header("Content-Disposition").get(0)).startsWith("attachment;")
				.doesNotContain("/", "\\", "\r", "\n");
		}
		try (Stream<Path> all = Files.walk(storageRoot)) {
			assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
				.as("the folder holds content named by its hash only")
				.allMatch(file -> file.matches("[0-9a-f]{64}") || file.matches("incoming-.*\\.tmp"));
		}
		Path data = storageRoot.getParent();
		assertThat(namesUnder(data.getParent())).doesNotContain("passwd", "win.ini", "hosts", "secret.txt");
	}

	/**
	 * Every file and folder name under the folder. The search index merges its files meanwhile, so a
	 * file that goes away between listing and visiting is skipped rather than failing the walk.
	 */
	private static List<String> namesUnder(Path root) throws IOException {
		List<String> names = new java.util.ArrayList<>();
		Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
			@Override
			public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
					java.nio.file.attribute.BasicFileAttributes attributes) {
				names.add(dir.getFileName().toString());
				return java.nio.file.FileVisitResult.CONTINUE;
			}

			@Override
			public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
				names.add(file.getFileName().toString());
				return java.nio.file.FileVisitResult.CONTINUE;
			}

			@Override
			public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException gone) {
				return java.nio.file.FileVisitResult.CONTINUE;
			}
		});
		return names;
	}

	@Test
	void contentThatLiesAboutItsTypeIsTypedByWhatItIsAndOnlyDownloaded() {
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
		String html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>";
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		Map<String, JsonNode> stored = Map.of("svg", upload("photo.png", "image/png", svg.getBytes(StandardCharsets.UTF_8)),
				"html", upload("report.pdf", "application/pdf", html.getBytes(StandardCharsets.UTF_8)),
				"exe", upload("notes.txt", "text/plain", exe));

		assertThat(stored.get("svg").get("mediaType").asString()).isEqualTo("image/svg+xml");
		assertThat(stored.get("html").get("mediaType").asString()).isEqualTo("text/html");
		assertThat(stored.get("exe").get("mediaType").asString()).isNotEqualTo("text/plain");
		for (JsonNode attachment : stored.values()) {
			String id = attachment.get("id").asString();
			for (String path : List.of(files + "/" + id, files.replace("/api/v1/orgs/", "/o/") + "/" + id)) {
				Http.Binary download = path.startsWith("/o/") ? signedIn().getBytes(path) : api.getBytes(path);
				assertThat(download.status()).as(path).isEqualTo(200);
				assertThat(download.header("Content-Disposition").get(0)).startsWith("attachment;");
				assertThat(download.header("X-Content-Type-Options")).containsExactly("nosniff");
				assertThat(download.header("Content-Security-Policy")).allSatisfy(csp -> assertThat(csp)
					.contains("sandbox").contains("default-src 'none'"));
			}
		}
	}

	private Http browser;

	private Http signedIn() {
		if (browser == null) {
			browser = Http.browser(port);
			browser.signIn(org.admin().email(), TestData.PASSWORD);
		}
		return browser;
	}

	@Test
	void anArchiveThatExpandsEnormouslyIsKeptWithoutItsText() throws IOException {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("zeros.txt"));
			byte[] zeros = new byte[1024 * 1024];
			java.util.Arrays.fill(zeros, (byte) 'a');
			for (int i = 0; i < 200; i++) { // 200 MB of text
				out.write(zeros);
			}
			out.closeEntry();
		}
		assertThat(zip.size()).as("small on the wire").isLessThan(1024 * 1024);

		JsonNode stored = upload("bomb.zip", "application/zip", zip.toByteArray());

		int text = jdbc.sql("SELECT LENGTH(extracted_text) FROM library_attachment WHERE id = ?")
			.param(java.util.UUID.fromString(stored.get("id").asString()))
			.query(Integer.class)
			.single();
		assertThat(text).as("extraction stops: compression ratio and the text limit").isLessThanOrEqualTo(1_000_000);
		assertThat(api.get("/api/v1/me").status()).as("the server carries on").isEqualTo(200);
	}

	@Test
	void aHugeFileSentInChunksIsRefusedAndNothingIsKept() throws IOException {
		long rows = jdbc.sql("SELECT COUNT(*) FROM library_attachment").query(Long.class).single();
		String boundary = "----tacit-huge";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(new byte[26 * 1024 * 1024]);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

		Http.Response refused = api.postChunked(files, "multipart/form-data; boundary=" + boundary, body.toByteArray());

		assertThat(refused.status()).isEqualTo(413);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM library_attachment").query(Long.class).single()).isEqualTo(rows);
	}
}
