package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tacit.library.internal.AttachmentService;
import org.tacit.library.internal.AttachmentStorage;
import org.tacit.library.internal.AttachmentText;
import org.tacit.library.internal.LocalAttachmentStorage;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Attachments through the REST API, with real files made by LibreOffice (src/test/resources/fixtures):
 * text extraction, type detection from the content, safe downloads, the size limit, permissions,
 * isolation between organizations, and content kept once on disk.
 */
@TacitTest
@RecordApplicationEvents
class AttachmentApiTests {

	static final String WORD = "quokkaquill";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AttachmentService attachments;

	LocalAttachmentStorage storage;

	TestData data;
	TestData.Org org;
	TestData.Person contributor;
	TestData.Person editor;
	TestData.Person viewer;
	String base;
	String itemId;
	String files;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		storage = (LocalAttachmentStorage) context.getBean(AttachmentStorage.class);
		org = data.org();
		contributor = data.member(org, "CONTRIBUTOR");
		editor = data.member(org, "EDITOR");
		viewer = data.member(org, "VIEWER");
		base = "/api/v1/orgs/" + org.slug();
		assertThat(as(org.admin()).post(base + "/spaces", Map.of("key", "OPS", "name", "Operations")).status())
			.isEqualTo(201);
		Http.Response item = as(contributor).post(base + "/items",
				Map.of("space", "OPS", "kind", "CHECKLIST", "title", "Shift handover", "body", "See the files."));
		assertThat(item.status()).as(item.toString()).isEqualTo(201);
		itemId = item.json().get("id").asString();
		files = base + "/items/" + itemId + "/attachments";
	}

	private Http as(TestData.Person person) {
		return Http.api(port, person.token());
	}

	private void publish() {
		as(editor).post(base + "/items/" + itemId + "/transitions", Map.of("to", "IN_REVIEW"));
		assertThat(as(editor).post(base + "/items/" + itemId + "/transitions", Map.of("to", "PUBLISHED")).status())
			.isEqualTo(200);
	}

	static byte[] fixture(String name) {
		try (InputStream in = AttachmentApiTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Http.Response upload(TestData.Person person, String fileName, String contentType, byte[] content) {
		return as(person).postMultipart(files, Map.of(), Http.FilePart.of(fileName, contentType, content));
	}

	private JsonNode uploaded(String fileName, String contentType, byte[] content) {
		Http.Response response = upload(contributor, fileName, contentType, content);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private String textOf(String attachmentId) {
		return attachments.textsOf(new ItemId(UUID.fromString(itemId)))
			.stream()
			.filter(t -> t.id().toString().equals(attachmentId))
			.map(AttachmentText::text)
			.findFirst()
			.orElseThrow();
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	private Path stored(String hash) {
		return storage.root().resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
	}

	private Set<Path> filesOnDisk() throws IOException {
		try (Stream<Path> walk = Files.walk(storage.root())) {
			return walk.filter(Files::isRegularFile).collect(Collectors.toSet());
		}
	}

	private long rows() {
		return jdbc.sql("SELECT COUNT(*) FROM library_attachment WHERE item_id = ?")
			.param(UUID.fromString(itemId))
			.query(Long.class)
			.single();
	}

	@ParameterizedTest
	@CsvSource({ "handover.pdf, application/pdf", "handover.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"handover.doc, application/msword",
			"handover.pptx, application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"handover.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"handover.html, text/html", "handover.txt, text/plain" })
	void theTextOfEachKindOfFileIsExtracted(String file, String mediaType) {
		byte[] content = fixture(file);

		JsonNode added = uploaded(file, "application/octet-stream", content);

		assertThat(added.get("fileName").asString()).isEqualTo(file);
		assertThat(added.get("mediaType").asString()).isEqualTo(mediaType);
		assertThat(added.get("size").asLong()).isEqualTo(content.length);
		assertThat(added.get("uploadedAt").asString()).isNotBlank();
		assertThat(textOf(added.get("id").asString())).contains(WORD).doesNotContain("scripts are not text");
	}

	@Test
	void theTypeComesFromTheContentNotFromWhatTheClientClaims() {
		JsonNode added = uploaded("x.txt", "text/plain", fixture("handover.pdf"));

		assertThat(added.get("mediaType").asString()).isEqualTo("application/pdf");
		assertThat(added.get("fileName").asString()).isEqualTo("x.txt");
		assertThat(as(contributor).get(files).json().get(0).get("mediaType").asString()).isEqualTo("application/pdf");
		assertThat(as(contributor).getBytes(files + "/" + added.get("id").asString()).header("Content-Type"))
			.containsExactly("application/pdf");
		assertThat(textOf(added.get("id").asString())).contains(WORD);
	}

	@Test
	void aDownloadIsTheSameBytesWithHeadersThatCannotBeAbused() {
		byte[] content = fixture("handover.pdf");
		String hostile = "../../etc/passwd\"\r\nX: y.pdf";
		String id = uploaded(hostile, "application/pdf", content).get("id").asString();

		Http.Binary download = as(contributor).getBytes(files + "/" + id);

		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(content);
		assertThat(download.header("Content-Type")).containsExactly("application/pdf");
		assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(download.header("X")).isEmpty();
		assertThat(download.header("Content-Disposition")).singleElement()
			.isEqualTo("attachment; filename=\"passwdX: y.pdf\"; filename*=UTF-8''passwdX%3A%20y.pdf");
		assertThat(as(contributor).get(files).json().get(0).get("fileName").asString()).isEqualTo("passwd\"X: y.pdf");
	}

	@Test
	void anHtmlFileIsNeverShownInTheBrowser() {
		String id = uploaded("page.html", "text/html", fixture("handover.html")).get("id").asString();

		Http.Binary download = as(contributor).getBytes(files + "/" + id);

		assertThat(download.header("Content-Disposition")).singleElement().asString().startsWith("attachment;");
		assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(download.header("Content-Security-Policy")).anySatisfy(csp -> assertThat(csp).contains("sandbox"));
	}

	@Test
	void aNameOutsideAsciiTravelsInFilenameStar() {
		String id = uploaded("Übergabe – Schicht.txt", "text/plain", "quokkaquill".getBytes(StandardCharsets.UTF_8))
			.get("id")
			.asString();

		assertThat(as(contributor).getBytes(files + "/" + id).header("Content-Disposition")).singleElement()
			.isEqualTo("attachment; filename=\"_bergabe _ Schicht.txt\"; "
					+ "filename*=UTF-8''%C3%9Cbergabe%20%E2%80%93%20Schicht.txt");
	}

	@Test
	void aFileOverTheLimitIsRefusedAndNothingIsStored() throws IOException {
		Set<Path> before = filesOnDisk();
		byte[] tooLarge = new byte[(int) attachments.maxSize().toBytes() + 1];

		Http.Response refused = upload(contributor, "big.bin", "application/octet-stream", tooLarge);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(refused.json().get("detail").asString()).contains("25 MB");
		assertThat(rows()).isZero();
		assertThat(filesOnDisk()).isEqualTo(before);
	}

	@Test
	void anEmptyOrMissingFileIsRefusedWithTheField() throws IOException {
		Set<Path> before = filesOnDisk();

		Http.Response empty = upload(contributor, "empty.txt", "text/plain", new byte[0]);
		Http.Response noFile = as(contributor).postMultipart(files, Map.of("other", "x"), null);
		Http.Response json = as(contributor).post(files, Map.of("file", "x"));

		for (Http.Response refused : List.of(empty, noFile, json)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		}
		assertThat(empty.json().get("errors").get(0).get("message").asString()).isEqualTo("The file is empty.");
		assertThat(rows()).isZero();
		assertThat(filesOnDisk()).isEqualTo(before);
	}

	@Test
	void readersListAndDownloadButOnlyEditorsUploadAndDelete() {
		publish();
		byte[] content = fixture("handover.txt");
		String id = uploaded("handover.txt", "text/plain", content).get("id").asString();

		assertThat(as(viewer).get(files).json().valueStream().map(a -> a.get("id").asString())).containsExactly(id);
		assertThat(as(viewer).getBytes(files + "/" + id).body()).isEqualTo(content);
		assertThat(upload(viewer, "mine.txt", "text/plain", content).status()).isEqualTo(403);
		assertThat(as(viewer).delete(files + "/" + id).status()).isEqualTo(403);
		TestData.Person otherContributor = data.member(org, "CONTRIBUTOR");
		assertThat(upload(otherContributor, "theirs.txt", "text/plain", content).status())
			.as("a contributor edits only what they own").isEqualTo(403);
		assertThat(rows()).isEqualTo(1);

		assertThat(as(editor).delete(files + "/" + id).status()).isEqualTo(204);
		assertThat(as(viewer).get(files).json().size()).isZero();
		assertThat(as(viewer).getBytes(files + "/" + id).status()).isEqualTo(404);
	}

	@Test
	void aDraftsFilesAreAsInvisibleAsTheDraft() {
		String id = uploaded("handover.txt", "text/plain", fixture("handover.txt")).get("id").asString();

		assertThat(as(viewer).get(files).status()).isEqualTo(404);
		assertThat(as(viewer).getBytes(files + "/" + id).status()).isEqualTo(404);
		assertThat(upload(viewer, "x.txt", "text/plain", new byte[] { 1 }).status()).isEqualTo(404);
	}

	@Test
	void anotherOrganizationGetsNotFound() {
		publish();
		String id = uploaded("handover.txt", "text/plain", fixture("handover.txt")).get("id").asString();
		TestData.Org other = data.org();
		// a member, not the site administrator who made the organization (site administrators see every organization)
		Http stranger = as(data.member(other, "ADMIN"));
		String theirs = "/api/v1/orgs/" + other.slug() + "/items/" + itemId + "/attachments";

		for (String path : List.of(files, theirs)) {
			assertThat(stranger.get(path).status()).as(path).isEqualTo(404);
			assertThat(stranger.getBytes(path + "/" + id).status()).as(path).isEqualTo(404);
			assertThat(stranger.delete(path + "/" + id).status()).as(path).isEqualTo(404);
			assertThat(stranger.postMultipart(path, Map.of(), Http.FilePart.of("x.txt", "text/plain", new byte[] { 1 }))
				.status()).as(path).isEqualTo(404);
		}
		assertThat(rows()).isEqualTo(1);
	}

	@Test
	void anAttachmentIsOnlyFoundThroughItsOwnItem() {
		String id = uploaded("handover.txt", "text/plain", fixture("handover.txt")).get("id").asString();
		String otherItem = as(contributor).post(base + "/items", Map.of("space", "OPS", "kind", "FAQ", "title", "Other"))
			.json()
			.get("id")
			.asString();

		assertThat(as(contributor).getBytes(base + "/items/" + otherItem + "/attachments/" + id).status()).isEqualTo(404);
		assertThat(as(contributor).delete(base + "/items/" + otherItem + "/attachments/" + id).status()).isEqualTo(404);
		assertThat(as(contributor).getBytes(files + "/not-an-id").status()).isEqualTo(404);
		assertThat(as(contributor).getBytes(files + "/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void theSameContentIsStoredOnceAndGoesWithItsLastReference() throws Exception {
		byte[] content = ("Unique content " + UUID.randomUUID() + " " + WORD).getBytes(StandardCharsets.UTF_8);
		Path file = stored(sha256(content));

		String first = uploaded("first.txt", "text/plain", content).get("id").asString();
		String second = uploaded("second.txt", "text/plain", content).get("id").asString();

		assertThat(file).exists().hasBinaryContent(content);
		try (Stream<Path> copies = Files.walk(storage.root())) {
			assertThat(copies.filter(p -> p.getFileName().toString().equals(file.getFileName().toString()))).hasSize(1);
		}
		assertThat(as(contributor).get(files).json().findValuesAsString("fileName")).containsExactly("first.txt",
				"second.txt");

		assertThat(as(contributor).delete(files + "/" + first).status()).isEqualTo(204);
		assertThat(file).exists();
		assertThat(as(contributor).getBytes(files + "/" + second).body()).isEqualTo(content);

		assertThat(as(contributor).delete(files + "/" + second).status()).isEqualTo(204);
		assertThat(file).doesNotExist();
		assertThat(rows()).isZero();
	}

	@Test
	void changesAreAnnouncedAsItemChangesAndAudited(ApplicationEvents events) {
		ItemId item = new ItemId(UUID.fromString(itemId));
		OrgAccess access = new OrgAccess(new OrgId(org.id()), org.slug(), "Org", new PersonId(contributor.id()),
				Role.CONTRIBUTOR);

		var added = attachments.add(access, item, "notes.txt", new ByteArrayInputStream(WORD.getBytes(StandardCharsets.UTF_8)));
		attachments.delete(access, item, added.id().toString());

		assertThat(events.stream(ItemChanged.class)).containsExactly(new ItemChanged(access.orgId(), item),
				new ItemChanged(access.orgId(), item));
		assertThat(as(org.admin()).get(base + "/audit?action=attachment.added").json().get("totalItems").asInt())
			.isEqualTo(1);
		assertThat(as(org.admin()).get(base + "/audit?action=attachment.deleted").json().get("totalItems").asInt())
			.isEqualTo(1);
	}

	@Test
	void theTextKeptIsLimitedInLength() {
		byte[] longText = (WORD + " ").repeat(100_000).getBytes(StandardCharsets.UTF_8);

		JsonNode added = uploaded("long.txt", "text/plain", longText);

		assertThat(longText.length).isGreaterThan(1_000_000);
		assertThat(textOf(added.get("id").asString())).startsWith(WORD).hasSizeLessThanOrEqualTo(1_000_000)
			.hasSizeGreaterThan(999_000);
		assertThat(as(contributor).getBytes(files + "/" + added.get("id").asString()).body()).isEqualTo(longText);
	}

	@Test
	void aFileTikaCannotReadIsKeptWithoutText() {
		byte[] noise = new byte[4096];
		new java.util.Random(42).nextBytes(noise);
		byte[] brokenPdf = "%PDF-1.7\n1 0 obj <<".getBytes(StandardCharsets.US_ASCII);

		JsonNode random = uploaded("noise.bin", "application/octet-stream", noise);
		JsonNode broken = uploaded("broken.pdf", "application/pdf", brokenPdf);

		assertThat(random.get("mediaType").asString()).isEqualTo("application/octet-stream");
		assertThat(textOf(random.get("id").asString())).isEmpty();
		assertThat(broken.get("mediaType").asString()).isEqualTo("application/pdf");
		assertThat(textOf(broken.get("id").asString())).isEmpty();
		assertThat(as(contributor).getBytes(files + "/" + broken.get("id").asString()).body()).isEqualTo(brokenPdf);
	}
}
