package org.tacit.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * A lesson embedded in a process step shows on that step of the map, and in the lessons that changed
 * the process: the lessons module announces the embedding, the process maps module links the lesson.
 */
@TacitTest
class EmbeddedLessonsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aLessonEmbeddedInAStepIsLinkedOnThatStepOnce() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		TestData.Person editor = data.member(org, "EDITOR");
		Http admin = Http.api(port, org.admin().token());
		Http api = Http.api(port, editor.token());
		String base = "/api/v1/orgs/" + org.slug();

		String process = created(admin.post(base + "/processes", Map.of("name", "Order handling"))).get("id").asString();
		Http.Response uploaded = admin.postChunked(base + "/processes/" + process + "/versions?fileName=order.bpmn",
				"application/xml", BpmnReaderTests.file("order-v1.bpmn"));
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		assertThat(admin.put(base + "/processes/" + process, Map.of("name", "Order handling", "status", "PUBLISHED"))
			.status()).isEqualTo(200);

		String lesson = created(api.post(base + "/lessons", Map.of("title", "Check the credit limit before shipping",
				"observation", "We shipped to a customer over their limit.", "rootCause", "No check in the step.",
				"recommendation", "Check the limit when checking the order.", "priority", "CAUTION", "tags",
				List.of("orders")))).get("id").asString();
		move(api, base, lesson, "VALIDATED");
		created(api.post(base + "/lessons/" + lesson + "/actions", Map.of("title", "Add the check", "owner",
				editor.email(), "due", LocalDate.now(ZoneOffset.UTC).plusDays(7).toString())));
		move(api, base, lesson, "ACTIONED");
		created(api.post(base + "/lessons/" + lesson + "/links", Map.of("processId", process, "stepId", "Task_Check")));
		assertThat(admin.get(base + "/processes/" + process + "/lessons").json().get("items")).as("not before it is embedded")
			.isEmpty();
		move(api, base, lesson, "EMBEDDED");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(admin.get(base + "/processes/" + process + "/lessons").json().get("items")).hasSize(1));
		JsonNode change = admin.get(base + "/processes/" + process + "/lessons").json().get("items").get(0);
		assertThat(change.get("stepId").asString()).isEqualTo("Task_Check");
		assertThat(change.get("stepName").asString()).isEqualTo("Check the order");
		assertThat(change.get("link").get("targetId").asString()).isEqualTo(lesson);
		assertThat(change.get("link").get("title").asString()).isEqualTo("Check the credit limit before shipping");
		assertThat(change.get("link").get("linkedBy").get("id").asString()).isEqualTo(editor.id().toString());
		JsonNode step = java.util.stream.StreamSupport
			.stream(admin.get(base + "/processes/" + process + "/steps").json().spliterator(), false)
			.filter(s -> s.get("id").asString().equals("Task_Check"))
			.findFirst()
			.orElseThrow();
		assertThat(step.get("gap").asBoolean()).as("the step has knowledge now").isFalse();

		// linked again by hand, the step keeps one link to the lesson
		Http.Response again = admin.put(base + "/processes/" + process + "/steps/Task_Check/links",
				Map.of("links", List.of(Map.of("type", "lesson", "id", lesson))));
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(admin.get(base + "/processes/" + process + "/lessons").json().get("items")).hasSize(1);
	}

	private static void move(Http api, String base, String lesson, String to) {
		Http.Response moved = api.post(base + "/lessons/" + lesson + "/transitions", Map.of("to", to));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
	}

	private static JsonNode created(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}
}
