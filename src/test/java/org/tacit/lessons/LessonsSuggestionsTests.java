package org.tacit.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * A before-action review brings the past to the team: lessons and published items about what the
 * activity is about, found by search from its description and tags; the team marks what it will apply.
 */
@TacitTest
class LessonsSuggestionsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;
	LessonsFixture lessons;
	LibraryFixture library;
	TestData.Person editor;
	TestData.Person contributor;
	String base;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
		lessons = new LessonsFixture(port, org);
		library = new LibraryFixture(port, org);
		library.space("OPS");
		editor = data.member(org, "EDITOR");
		contributor = data.member(org, "CONTRIBUTOR");
		base = lessons.base();
	}

	private static List<String> titles(JsonNode suggestions) {
		return LessonsApiTests.values(suggestions, "title");
	}

	@Test
	void pastLessonsAndPublishedItemsAboutTheActivityAreSuggestedAndMarkedAsApplied() {
		String checklist = library.published("OPS", "CHECKLIST", "Cold-weather pump start-up",
				"- Heat the glycol seals before starting the pump\n- Check for frost on the impeller\n", "pumps")
			.get("id").asString();
		library.published("OPS", "ARTICLE", "Holiday rota", "Who works over the holidays.");
		library.draft(editor, "OPS", "ARTICLE", "Draft on glycol seals", "glycol seals impeller frost", List.of());
		String past = lessons.activity(editor, "Last winter's overhaul", "").get("id").asString();
		String lesson = lessons.lesson(contributor, past, "Glycol seals crack below freezing", "URGENT", "pumps")
			.get("id").asString();
		lessons.moved(editor, lesson, "VALIDATED");
		String rejected = lessons.lesson(contributor, past, "Glycol seals are a myth", "INFORMATION").get("id").asString();
		lessons.transition(editor, rejected, "REJECTED", "Wrong");

		String activity = lessons.activity(editor, "Winter overhaul of the cooling pumps",
				"Replace the glycol seals and the impellers of the cooling pump station before the frost.", "pumps", "winter")
			.get("id").asString();
		lessons.lesson(contributor, activity, "Glycol seals of this overhaul", "CAUTION");
		String before = lessons.review(editor, activity, "BEFORE",
				Map.of("objectives", "Back in service in five days", "risks", "Seals may crack in the frost")).get("id").asString();
		Http api = lessons.api(editor);
		String suggestions = base + "/reviews/" + before + "/suggestions";

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(titles(api.get(suggestions).json()))
			.contains("Glycol seals crack below freezing", "Cold-weather pump start-up"));
		JsonNode found = api.get(suggestions).json();
		// not the rejected lesson, nor the activity's own, nor a draft, nor what is not about it
		assertThat(titles(found)).containsExactlyInAnyOrder("Glycol seals crack below freezing", "Cold-weather pump start-up");
		JsonNode pastLesson = found.valueStream().filter(s -> s.get("id").asString().equals(lesson)).findFirst().orElseThrow();
		assertThat(pastLesson.get("type").asString()).isEqualTo("lesson");
		assertThat(pastLesson.get("kind").asString()).isEqualTo("URGENT");
		assertThat(pastLesson.get("status").asString()).isEqualTo("VALIDATED");
		assertThat(pastLesson.get("path").asString()).isEqualTo("lessons/" + lesson);
		assertThat(pastLesson.get("applied").asBoolean()).isFalse();

		Http.Response marked = api.post(base + "/reviews/" + before + "/applied", Map.of("type", "lesson", "id", lesson));
		assertThat(marked.status()).as(marked.toString()).isEqualTo(201);
		assertThat(marked.json().get("title").asString()).isEqualTo("Glycol seals crack below freezing");
		assertThat(api.post(base + "/reviews/" + before + "/applied", Map.of("type", "lesson", "id", lesson)).status())
			.isEqualTo(200);
		assertThat(api.post(base + "/reviews/" + before + "/applied", Map.of("type", "item", "id", checklist)).status())
			.isEqualTo(201);
		assertThat(api.get(suggestions).json().valueStream().allMatch(s -> s.get("applied").asBoolean())).isTrue();
		JsonNode review = api.get(base + "/reviews/" + before).json();
		assertThat(LessonsApiTests.values(review.get("applied"), "type")).containsExactly("lesson", "item");
		assertThat(lessons.api(contributor).get(base + "/lessons/" + lesson).json().get("timesApplied").asInt()).isEqualTo(1);
		assertThat(api.get(base + "/lessons/figures").json().get("lessonsApplied").asInt()).isEqualTo(1);

		assertThat(api.post(base + "/reviews/" + before + "/applied", Map.of("type", "lesson", "id", rejected)).status())
			.isEqualTo(409);
		assertThat(api.post(base + "/reviews/" + before + "/applied", Map.of("type", "person", "id", lesson)).status())
			.isEqualTo(400);
		assertThat(api.post(base + "/reviews/" + before + "/applied", Map.of("type", "item", "id", "nope")).status())
			.isEqualTo(400);
		// contributors who do not take part in the activity read the review, but do not decide for its team
		assertThat(lessons.api(contributor).post(base + "/reviews/" + before + "/applied",
				Map.of("type", "item", "id", checklist)).status()).isEqualTo(403);

		String after = lessons.review(editor, activity, "AFTER", Map.of("actual", "Done on day six")).get("id").asString();
		assertThat(api.get(base + "/reviews/" + after + "/suggestions").status()).isEqualTo(409);
		assertThat(api.post(base + "/reviews/" + after + "/applied", Map.of("type", "lesson", "id", lesson)).status())
			.isEqualTo(409);
	}
}
