package org.tacit.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.processes.internal.BpmnReader;
import org.tacit.shared.Records;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * The process maps' REST API: processes, BPMN versions (raw body and multipart), steps with link
 * counts, step links to records of other modules and web pages, orphans after a new version, diffs,
 * refusals that change nothing, permissions and isolation between organizations.
 */
@TacitTest
class ProcessApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Records records;

	TestData data;
	TestData.Org org;
	Http admin;
	String api;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		admin = Http.api(port, org.admin().token());
		api = "/api/v1/orgs/" + org.slug() + "/processes";
	}

	private String process(String name) {
		Http.Response created = admin.post(api, Map.of("name", name, "description", "How we do it", "tags",
				List.of("Sales", "orders")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private Http.Response upload(Http http, String id, String file) {
		return http.postChunked(api + "/" + id + "/versions?fileName=" + file.replace('/', '-'), "application/xml",
				BpmnReaderTests.file(file));
	}

	private long rows(String table, String id) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE process_id = ?")
			.param(java.util.UUID.fromString(id))
			.query(Long.class)
			.single();
	}

	@Test
	void aProcessIsCreatedUploadedPublishedAndDownloadedAsItWas() {
		String id = process("Order handling");
		JsonNode created = admin.get(api + "/" + id).json();
		assertThat(created.get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.get("tags").toString()).contains("sales", "orders");
		assertThat(admin.put(api + "/" + id, Map.of("name", "Order handling", "status", "PUBLISHED")).status())
			.as("no diagram yet")
			.isEqualTo(409);

		Http.Response uploaded = upload(admin, id, "order-v1.bpmn");
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		assertThat(uploaded.json().get("version").asInt()).isEqualTo(1);
		assertThat(uploaded.json().get("steps").asInt()).isEqualTo(11);

		JsonNode steps = admin.get(api + "/" + id + "/steps").json();
		assertThat(steps).hasSize(11);
		JsonNode check = steps.get(1);
		assertThat(check.get("id").asString()).isEqualTo("Task_Check");
		assertThat(check.get("name").asString()).isEqualTo("Check the order");
		assertThat(check.get("type").asString()).isEqualTo("userTask");
		assertThat(check.get("lane").asString()).isEqualTo("Sales");
		assertThat(check.get("pool").asString()).isEqualTo("Shop");
		assertThat(check.get("gap").asBoolean()).isTrue();

		Http.Binary file = admin.getBytes(api + "/" + id + "/versions/1/bpmn");
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(BpmnReaderTests.file("order-v1.bpmn"));
		assertThat(file.header("Content-Disposition").get(0)).startsWith("attachment");

		JsonNode published = admin.put(api + "/" + id, Map.of("name", "Order handling", "status", "PUBLISHED")).json();
		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(admin.get(api + "?status=PUBLISHED").json().get("items").toString()).contains(id);
		assertThat(admin.get(api + "?tag=sales&q=order").json().get("totalItems").asInt()).isEqualTo(1);
	}

	@Test
	void aMultipartUploadWithANoteBecomesAVersion() {
		String id = process("Signavio map");
		Http.Response uploaded = admin.postMultipart(api + "/" + id + "/versions", Map.of("note", "From Signavio"),
				Http.FilePart.of("A.4.1.bpmn", "application/xml", BpmnReaderTests.file("miwg/A.4.1.bpmn")));
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		JsonNode version = admin.get(api + "/" + id + "/versions").json().get("items").get(0);
		assertThat(version.get("note").asString()).isEqualTo("From Signavio");
		assertThat(version.get("fileName").asString()).isEqualTo("A.4.1.bpmn");
		assertThat(version.get("steps").asInt()).isEqualTo(17);
	}

	@Test
	void badAndUnsafeFilesAreRefusedAndChangeNothing() {
		String id = process("Refusals");
		for (String file : List.of("bad/not-xml.bpmn", "bad/not-bpmn.xml", "bad/external-entity.bpmn", "bad/no-di.bpmn",
				"bad/invalid-schema.bpmn")) {
			Http.Response refused = upload(admin, id, file);
			assertThat(refused.status()).as(file).isEqualTo(400);
			assertThat(refused.contentType()).contains("application/problem+json");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		}
		Http.Response doctype = upload(admin, id, "bad/external-entity.bpmn");
		assertThat(doctype.json().get("errors").get(0).get("message").asString()).contains("DOCTYPE");
		byte[] large = new byte[BpmnReader.MAX_BYTES + 10];
		Http.Response tooLarge = admin.postChunked(api + "/" + id + "/versions", "application/xml", large);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(admin.get(api + "/" + id).json().get("version").asInt()).isZero();
		assertThat(rows("processes_version", id)).isZero();
		assertThat(rows("processes_step", id)).isZero();
	}

	@Test
	void aDiagramLargerThanTheGeneralApiLimitIsAccepted() {
		String id = process("Large");
		String v1 = new String(BpmnReaderTests.file("order-v1.bpmn"), StandardCharsets.UTF_8);
		String padded = v1.replace("Orders over 1,000 need a second look", "x".repeat(2 * 1024 * 1024));
		Http.Response uploaded = admin.postRaw(api + "/" + id + "/versions", "application/xml", padded);
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
	}

	@Test
	void stepsLinkKnowledgeAndANewVersionOrphansTheLinksOfRemovedSteps() {
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("SALES");
		String checklist = library.published("SALES", "CHECKLIST", "Order check list", "- [ ] address").get("id").asString();
		String guide = library.published("SALES", "ARTICLE", "Shipping guide", "How to ship").get("id").asString();
		TestData.Person expert = data.member(org, "CONTRIBUTOR");
		String id = process("Orders");
		upload(admin, id, "order-v1.bpmn");

		Http.Response linked = admin.put(api + "/" + id + "/steps/Task_Check/links", Map.of("links", List.of(
				Map.of("type", "item", "id", checklist, "note", "Run it for every order"),
				Map.of("type", "person", "id", expert.email(), "note", "Knows the exceptions"),
				Map.of("type", "url", "url", "https://example.org/orders", "title", "Order policy", "note", ""))));
		assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
		assertThat(linked.json()).hasSize(3);
		assertThat(linked.json().get(0).get("title").asString()).isEqualTo("Order check list");
		assertThat(linked.json().get(0).get("path").asString()).isEqualTo("items/" + checklist);
		assertThat(linked.json().get(1).get("targetId").asString()).isEqualTo(expert.id().toString());
		assertThat(admin.put(api + "/" + id + "/steps/Task_Ship/links", Map.of("links", List.of(
				Map.of("type", "item", "id", guide, "note", "")))).status()).isEqualTo(200);

		// reorder: the same links in another order keep who linked them
		JsonNode reordered = admin.put(api + "/" + id + "/steps/Task_Check/links", Map.of("links", List.of(
				Map.of("type", "url", "url", "https://example.org/orders", "title", "Order policy", "note", ""),
				Map.of("type", "item", "id", checklist, "note", "Run it for every order")))).json();
		assertThat(reordered).hasSize(2);
		assertThat(reordered.get(0).get("type").asString()).isEqualTo("url");
		assertThat(reordered.get(1).get("linkedAt").asString()).isEqualTo(linked.json().get(0).get("linkedAt").asString());

		JsonNode steps = admin.get(api + "/" + id + "/steps").json();
		JsonNode check = steps.get(1);
		assertThat(check.get("links").asInt()).isEqualTo(2);
		assertThat(check.get("linkCounts").get("item").asInt()).isEqualTo(1);
		assertThat(check.get("gap").asBoolean()).isFalse();

		Http.Response v2 = upload(admin, id, "order-v2.bpmn");
		assertThat(v2.status()).isEqualTo(201);
		assertThat(v2.json().get("orphanedLinks").asInt()).isEqualTo(2);
		JsonNode diff = v2.json().get("diff");
		assertThat(diff.get("added").get(0).get("id").asString()).isEqualTo("Task_Verify");
		assertThat(diff.get("removed").get(0).get("id").asString()).isEqualTo("Task_Check");
		assertThat(diff.get("renamed").get(0).get("from").asString()).isEqualTo("Ship goods");
		assertThat(diff.get("renamed").get(0).get("to").asString()).isEqualTo("Ship the goods");

		JsonNode orphans = admin.get(api + "/" + id + "/orphans").json().get("items");
		assertThat(orphans).hasSize(2);
		assertThat(orphans.get(0).get("stepId").asString()).isEqualTo("Task_Check");
		assertThat(orphans.get(0).get("stepName").asString()).isEqualTo("Check the order");
		assertThat(orphans.get(0).get("link").get("orphanedInVersion").asInt()).isEqualTo(2);
		// the renamed step kept its link
		assertThat(admin.get(api + "/" + id + "/steps").json().toString()).contains(guide);

		String checklistLink = null;
		String urlLink = null;
		for (JsonNode o : orphans) {
			if (o.get("link").get("type").asString().equals("item")) {
				checklistLink = o.get("link").get("id").asString();
			}
			else {
				urlLink = o.get("link").get("id").asString();
			}
		}
		assertThat(admin.post(api + "/" + id + "/orphans/" + checklistLink, Map.of("step", "Task_Verify")).status())
			.isEqualTo(204);
		assertThat(admin.delete(api + "/" + id + "/orphans/" + urlLink).status()).isEqualTo(204);
		assertThat(admin.get(api + "/" + id + "/orphans").json().get("items")).isEmpty();
		JsonNode verify = admin.get(api + "/" + id + "/steps").json().get(1);
		assertThat(verify.get("id").asString()).isEqualTo("Task_Verify");
		assertThat(verify.get("linked").get(0).get("targetId").asString()).isEqualTo(checklist);

		JsonNode versionDiff = admin.get(api + "/" + id + "/diff?from=1&to=2").json();
		assertThat(versionDiff.get("unchanged").asInt()).isEqualTo(9);
	}

	@Test
	void linksToRecordsOutsideTheOrganizationOrUnsafeAddressesAreRefused() {
		TestData.Org other = data.org();
		LibraryFixture elsewhere = new LibraryFixture(port, other);
		elsewhere.space("OTHER");
		String foreign = elsewhere.published("OTHER", "CHECKLIST", "Not yours", "- [ ] x").get("id").asString();
		String id = process("Guarded");
		upload(admin, id, "order-v1.bpmn");
		String links = api + "/" + id + "/steps/Task_Check/links";
		Http.Response refused = admin.put(links, Map.of("links", List.of(Map.of("type", "item", "id", foreign))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("links[0].id");
		assertThat(admin.put(links, Map.of("links", List.of(Map.of("type", "person", "id", other.admin().email()))))
			.status()).isEqualTo(400);
		for (String url : List.of("javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "/relative")) {
			assertThat(admin.put(links, Map.of("links", List.of(Map.of("type", "url", "url", url)))).status())
				.as(url)
				.isEqualTo(400);
		}
		assertThat(admin.put(links, Map.of("links", List.of(Map.of("type", "secret", "id", "x")))).status())
			.isEqualTo(400);
		assertThat(admin.put(api + "/" + id + "/steps/No_Such_Step/links", Map.of("links", List.of())).status())
			.isEqualTo(404);
		assertThat(rows("processes_link", id)).isZero();
	}

	@Test
	void draftsAreHiddenFromReadersAndOnlyOwnersAndEditorsChangeAProcess() {
		String id = process("Owned");
		upload(admin, id, "order-v1.bpmn");
		TestData.Person viewer = data.member(org, "VIEWER");
		TestData.Person contributor = data.member(org, "CONTRIBUTOR");
		Http reader = Http.api(port, viewer.token());
		assertThat(reader.get(api + "/" + id).status()).isEqualTo(404);
		assertThat(reader.get(api).json().get("items").toString()).doesNotContain(id);
		assertThat(reader.post(api, Map.of("name", "Mine")).status()).isEqualTo(403);
		admin.put(api + "/" + id, Map.of("name", "Owned", "status", "PUBLISHED"));
		assertThat(reader.get(api + "/" + id + "/steps").status()).isEqualTo(200);
		assertThat(upload(reader, id, "order-v2.bpmn").status()).isEqualTo(403);
		assertThat(reader.put(api + "/" + id + "/steps/Task_Check/links", Map.of("links", List.of())).status())
			.isEqualTo(403);

		Http author = Http.api(port, contributor.token());
		String own = author.post(api, Map.of("name", "My process")).json().get("id").asString();
		assertThat(upload(author, own, "order-v1.bpmn").status()).isEqualTo(201);
		assertThat(upload(author, id, "order-v2.bpmn").status()).isEqualTo(403);

		// org administrators in these tests are site administrators; a member of another organization is a stranger
		TestData.Org other = data.org();
		Http stranger = Http.api(port, data.member(other, "ADMIN").token());
		assertThat(stranger.get(api + "/" + id).status()).isEqualTo(404);
		assertThat(stranger.get(api + "/" + id + "/versions/1/bpmn").status()).isEqualTo(404);
	}

	@Test
	void processesAndStepsAreRecordsOtherModulesCanLinkTo() {
		String id = process("Linkable");
		upload(admin, id, "order-v1.bpmn");
		var step = records.find(org.id(), "process-step", id + "/Task_Check", org.admin().id());
		assertThat(step).hasValueSatisfying(ref -> {
			assertThat(ref.title()).isEqualTo("Check the order — Linkable");
			assertThat(ref.path()).isEqualTo("processes/" + id + "?step=Task_Check#map");
		});
		assertThat(records.find(org.id(), "process", id, null)).isPresent();
		assertThat(records.find(org.id(), "process-step", id + "/Nope", null)).isEmpty();
		assertThat(records.find(data.org().id(), "process", id, null)).isEmpty();
		TestData.Person viewer = data.member(org, "VIEWER");
		assertThat(records.find(org.id(), "process", id, viewer.id())).as("a draft").isEmpty();
	}
}
