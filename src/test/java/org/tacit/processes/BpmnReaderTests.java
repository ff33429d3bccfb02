package org.tacit.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tacit.processes.internal.BpmnReader;
import org.tacit.shared.ProblemException;

/**
 * Reading BPMN files: a real Signavio export and files with every kind of element load with their steps,
 * lanes and pools; bad and unsafe files are refused with the reason; and the model library's own parser
 * is shown to refuse entities (it is never handed a DOCTYPE, but it must not resolve one either).
 */
class BpmnReaderTests {

	private final BpmnReader reader = new BpmnReader();
	private HttpServer server;
	private final AtomicInteger hits = new AtomicInteger();

	static byte[] file(String name) {
		try (InputStream in = BpmnReaderTests.class.getResourceAsStream("/processes/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing test file " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@BeforeEach
	void canary() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			hits.incrementAndGet();
			byte[] body = "LEAKED".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private String canaryUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/secret";
	}

	@Test
	void aSignavioCollaborationWithPoolsLanesAndSubProcessesLoads() {
		BpmnReader.Diagram diagram = reader.read(file("miwg/A.4.1.bpmn"));
		assertThat(diagram.pools()).isEqualTo(2);
		assertThat(diagram.lanes()).isEqualTo(3);
		assertThat(diagram.steps()).hasSize(17);
		BpmnReader.Step task1 = step(diagram, "sid-3D477D07-D669-4A26-9454-12AD775FDE70");
		assertThat(task1.name()).isEqualTo("Task 1");
		assertThat(task1.type()).isEqualTo("task");
		assertThat(task1.lane()).isEqualTo("Lane 1");
		assertThat(task1.pool()).isEqualTo("Pool 1");
		// a task inside an expanded sub-process is in the sub-process's lane
		BpmnReader.Step task6 = step(diagram, "sid-B414AE83-11A2-4968-B4E4-45833D641928");
		assertThat(task6.lane()).isEqualTo("Lane 3");
		assertThat(task6.pool()).isEqualTo("Pool 2");
		assertThat(step(diagram, "sid-645780CC-D61F-4715-8B58-71679305245F").type()).isEqualTo("subProcess");
	}

	@Test
	void eventsGatewaysSubProcessesDataObjectsAndAnnotationsLoad() {
		BpmnReader.Diagram diagram = reader.read(file("order-v1.bpmn"));
		assertThat(diagram.steps()).extracting(BpmnReader.Step::id)
			.containsExactly("Start_Order", "Task_Check", "Gateway_Ok", "End_Rejected", "Sub_Pack", "Start_Pack",
					"Task_Weigh", "End_Pack", "Timer_Wait", "Task_Ship", "End_Done");
		assertThat(step(diagram, "Task_Check").type()).isEqualTo("userTask");
		assertThat(step(diagram, "Gateway_Ok").type()).isEqualTo("exclusiveGateway");
		assertThat(step(diagram, "Timer_Wait").type()).isEqualTo("intermediateCatchEvent");
		// a line break in a label becomes a space
		assertThat(step(diagram, "Sub_Pack").name()).isEqualTo("Pack the parcel");
		assertThat(step(diagram, "Task_Weigh").lane()).isEqualTo("Warehouse");
		assertThat(step(diagram, "Start_Pack").label()).isEqualTo("start event");
		assertThat(diagram.steps()).extracting(BpmnReader.Step::id).doesNotContain("DataRef_Note", "Annotation_1");
	}

	@ParameterizedTest
	@CsvSource({ "bad/not-xml.bpmn, process.bpmn.notXml", "bad/not-bpmn.xml, process.bpmn.notBpmn",
			"bad/external-entity.bpmn, process.bpmn.doctype", "bad/no-di.bpmn, process.bpmn.noDiagram",
			"bad/invalid-schema.bpmn, process.bpmn.invalid" })
	void badFilesAreRefusedWithTheirReason(String name, String reason) {
		assertThatThrownBy(() -> reader.read(file(name))).isInstanceOfSatisfying(ProblemException.class, e -> {
			assertThat(e.status().value()).isEqualTo(400);
			assertThat(e.fields()).singleElement().satisfies(f -> {
				assertThat(f.field()).isEqualTo("file");
				assertThat(f.messageKey()).isEqualTo(reason);
			});
		});
	}

	@Test
	void theSchemaRefusalSaysWhere() {
		assertThatThrownBy(() -> reader.read(file("bad/invalid-schema.bpmn")))
			.isInstanceOfSatisfying(ProblemException.class,
					e -> assertThat((String) e.fields().get(0).arguments()[0]).contains("line").contains("targetRef"));
	}

	@Test
	void aFileOverTheLimitIsRefusedBeforeParsing() {
		byte[] large = new byte[BpmnReader.MAX_BYTES + 1];
		assertThatThrownBy(() -> reader.read(large)).isInstanceOfSatisfying(ProblemException.class,
				e -> assertThat(e.status().value()).isEqualTo(413));
		assertThatThrownBy(() -> reader.read(new byte[0])).isInstanceOf(ProblemException.class);
	}

	@Test
	void aDoctypeIsRefusedEvenWithoutEntities() {
		String plain = new String(file("order-v1.bpmn"), StandardCharsets.UTF_8)
			.replace("<bpmn:definitions ", "<!DOCTYPE definitions>\n<bpmn:definitions ");
		assertThatThrownBy(() -> reader.read(plain.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(ProblemException.class,
					e -> assertThat(e.fields().get(0).messageKey()).isEqualTo("process.bpmn.doctype"));
	}

	/** The model library itself, handed what the reader never hands it: it refuses, and fetches nothing. */
	@Test
	void theModelLibraryResolvesNoExternalEntity() {
		String v1 = new String(file("order-v1.bpmn"), StandardCharsets.UTF_8);
		for (String doctype : List.of(
				"<!DOCTYPE bpmn:definitions [ <!ENTITY secret SYSTEM \"" + canaryUrl() + "\"> ]>",
				"<!DOCTYPE bpmn:definitions [ <!ENTITY % remote SYSTEM \"" + canaryUrl() + "\"> %remote; ]>",
				"<!DOCTYPE bpmn:definitions SYSTEM \"" + canaryUrl() + "\">")) {
			String attack = v1.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "\n")
				.replace("Orders over 1,000 need a second look", "&secret;");
			assertThatThrownBy(() -> Bpmn.readModelFromStream(new ByteArrayInputStream(
					attack.getBytes(StandardCharsets.UTF_8)))).hasStackTraceContaining("DOCTYPE");
		}
		assertThat(hits).hasValue(0);
	}

	/** A schema location in the file is a hint the validation ignores: no request leaves the server. */
	@Test
	void aSchemaLocationIsNotFetched() {
		String hinted = new String(file("miwg/A.4.1.bpmn"), StandardCharsets.UTF_8)
			.replace("http://www.omg.org/spec/BPMN/2.0/20100501/BPMN20.xsd", canaryUrl());
		assertThat(reader.read(hinted.getBytes(StandardCharsets.UTF_8)).steps()).hasSize(17);
		assertThat(hits).hasValue(0);
	}

	private static BpmnReader.Step step(BpmnReader.Diagram diagram, String id) {
		return diagram.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
	}
}
