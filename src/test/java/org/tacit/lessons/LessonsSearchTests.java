package org.tacit.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.search.SearchDocument;
import org.tacit.search.SearchSource;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Lessons and reviews in the one search box: type {@code lesson} with its priority as kind and its
 * lifecycle status, type {@code review} with its kind; kept in step with changes and rebuilt from the
 * database.
 */
@TacitTest
class LessonsSearchTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	LessonsFixture lessons;
	TestData.Person editor;
	TestData.Person viewer;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		lessons = new LessonsFixture(port, org);
		editor = data.member(org, "EDITOR");
		viewer = data.member(org, "VIEWER");
	}

	private JsonNode search(TestData.Person who, String query) {
		return Http.api(port, who.token()).get("/api/v1/orgs/" + org.slug() + "/search?q=" + query).json();
	}

	@Test
	void lessonsAreFoundWithTheirPriorityAndStatusAndFollowTheirLifecycle() {
		String activity = lessons.activity(editor, "Quarry blasting campaign", "Blasting at the north face").get("id").asString();
		String id = lessons.lesson(viewer, activity, "Wet boreholes need the kestrel emulsion", "CAUTION", "blasting")
			.get("id").asString();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(search(viewer, "kestrel").get("total").asInt()).isEqualTo(1));
		JsonNode hit = search(viewer, "kestrel").get("hits").get(0);
		assertThat(hit.get("type").asString()).isEqualTo("lesson");
		assertThat(hit.get("id").asString()).isEqualTo(id);
		assertThat(hit.get("kind").asString()).isEqualTo("CAUTION");
		assertThat(hit.get("status").asString()).isEqualTo("CAPTURED");
		assertThat(hit.get("url").asString()).isEqualTo("/o/" + org.slug() + "/lessons/" + id);
		JsonNode facets = search(viewer, "kestrel").get("facets");
		assertThat(facets.get("type").get("lesson").asInt()).isEqualTo(1);
		// the activity's name is part of what finds the lesson
		assertThat(search(viewer, "quarry").get("total").asInt()).isEqualTo(1);

		lessons.moved(editor, id, "VALIDATED");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Http.api(port, viewer.token()).get("/api/v1/orgs/" + org.slug() + "/search?q=kestrel&type=lesson&status=VALIDATED")
					.json().get("total").asInt()).isEqualTo(1));

		lessons.api(editor).put(lessons.base() + "/activities/" + activity, Map.of("name", "Ospreyrock campaign"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(search(viewer, "ospreyrock").get("total").asInt()).isEqualTo(1));

		TestData.Person reader = data.member(org, "VIEWER");
		assertThat(search(reader, "kestrel").get("total").asInt()).isEqualTo(1);
		lessons.transition(editor, id, "REJECTED", "Emulsion is banned");
		// a rejected lesson is no advice: only editors and above, and its author, still find it
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(search(reader, "kestrel").get("total").asInt()).isZero());
		assertThat(search(viewer, "kestrel").get("total").asInt()).isEqualTo(1);
		assertThat(search(editor, "kestrel").get("hits").get(0).get("status").asString()).isEqualTo("REJECTED");
	}

	@Test
	void reviewsAreFoundByTheirAnswersWithTheirKind() {
		String activity = lessons.activity(editor, "Warehouse move", "").get("id").asString();
		String review = lessons.review(editor, activity, "AFTER", Map.of("actual", "The forklifts arrived a day late",
				"improve", "Book the heronlift transport early")).get("id").asString();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(search(viewer, "heronlift").get("total").asInt()).isEqualTo(1));
		JsonNode hit = search(viewer, "heronlift").get("hits").get(0);
		assertThat(hit.get("type").asString()).isEqualTo("review");
		assertThat(hit.get("kind").asString()).isEqualTo("AFTER");
		assertThat(hit.get("title").asString()).startsWith("After-action review: Warehouse move");
		assertThat(hit.get("url").asString()).isEqualTo("/o/" + org.slug() + "/reviews/" + review);
	}

	@Test
	void theIndexIsRebuiltFromTheLessonsTables() {
		String activity = lessons.activity(editor, "Line audit", "").get("id").asString();
		String lesson = lessons.lesson(viewer, activity, "Audit the puffinvalve", "URGENT", "audit").get("id").asString();
		String review = lessons.review(editor, activity, "DURING", Map.of("observations", "puffinvalve leaks")).get("id")
			.asString();
		SearchSource source = context.getBeansOfType(SearchSource.class).values().stream()
			.filter(s -> s.name().equals("lessons and reviews")).findFirst().orElseThrow();

		List<SearchDocument> ours = new ArrayList<>();
		source.forEach(d -> {
			if (d.org().equals(org.id())) {
				ours.add(d);
			}
		});
		assertThat(source.count()).isGreaterThanOrEqualTo(2);
		assertThat(ours).extracting(SearchDocument::type, SearchDocument::id, SearchDocument::kind, SearchDocument::status)
			.containsExactlyInAnyOrder(tuple("lesson", lesson, "URGENT", "CAPTURED"),
					tuple("review", review, "DURING", null));
		SearchDocument doc = ours.stream().filter(d -> d.type().equals("lesson")).findFirst().orElseThrow();
		assertThat(doc.url()).isEqualTo("/o/" + org.slug() + "/lessons/" + lesson);
		assertThat(doc.tags()).containsExactly("audit");
		assertThat(doc.ownerId()).isEqualTo(viewer.id());
		assertThat(doc.ownerName()).isEqualTo("Person " + viewer.email());
		assertThat(doc.text()).contains("Line audit");
		assertThat(doc.published()).isTrue();
	}
}
