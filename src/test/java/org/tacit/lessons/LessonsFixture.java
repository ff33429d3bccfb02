package org.tacit.lessons;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tacit.support.Http;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** Activities, reviews and lessons of one organization, made through the REST API as a client would. */
final class LessonsFixture {

	private final int port;
	private final String base;

	LessonsFixture(int port, TestData.Org org) {
		this.port = port;
		this.base = "/api/v1/orgs/" + org.slug();
	}

	String base() {
		return base;
	}

	Http api(TestData.Person person) {
		return Http.api(port, person.token());
	}

	JsonNode activity(TestData.Person owner, String name, String description, String... tags) {
		return created(api(owner).post(base + "/activities",
				Map.of("name", name, "description", description, "tags", List.of(tags))));
	}

	/** A review of the kind with these answers (question name to text). */
	JsonNode review(TestData.Person who, String activity, String kind, Map<String, String> answers) {
		Map<String, Object> body = new HashMap<>(answers);
		body.put("kind", kind);
		return created(api(who).post(base + "/activities/" + activity + "/reviews", body));
	}

	/** A lesson captured on its own, or for the activity when it is not null. */
	JsonNode lesson(TestData.Person author, String activity, String title, String priority, String... tags) {
		Map<String, Object> body = new HashMap<>(Map.of("title", title, "observation", "What happened with " + title,
				"rootCause", "Why " + title, "recommendation", "Next time, mind " + title, "priority", priority, "tags",
				List.of(tags)));
		if (activity != null) {
			body.put("activity", activity);
		}
		return created(api(author).post(base + "/lessons", body));
	}

	Http.Response transition(TestData.Person who, String lesson, String to, String reason) {
		Map<String, Object> body = new HashMap<>(Map.of("to", to));
		if (reason != null) {
			body.put("reason", reason);
		}
		return api(who).post(base + "/lessons/" + lesson + "/transitions", body);
	}

	JsonNode moved(TestData.Person who, String lesson, String to) {
		Http.Response response = transition(who, lesson, to, null);
		if (response.status() != 200) {
			throw new IllegalStateException("Could not move the lesson to " + to + ": " + response);
		}
		return response.json();
	}

	JsonNode action(TestData.Person who, String lesson, String title, TestData.Person owner, String due) {
		return created(api(who).post(base + "/lessons/" + lesson + "/actions",
				Map.of("title", title, "owner", owner.email(), "due", due)));
	}

	JsonNode link(TestData.Person who, String lesson, Map<String, Object> target) {
		return created(api(who).post(base + "/lessons/" + lesson + "/links", target));
	}

	private static JsonNode created(Http.Response response) {
		if (response.status() != 201) {
			throw new IllegalStateException("Expected 201: " + response);
		}
		return response.json();
	}
}
