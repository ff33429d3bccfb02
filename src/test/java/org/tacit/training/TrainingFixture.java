package org.tacit.training;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tacit.support.Http;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** An organization with a knowledge manager, and helpers to make courses and assignments through the API. */
final class TrainingFixture {

	final int port;
	final TestData data;
	final TestData.Org org;
	final TestData.Person km;
	final String base;

	TrainingFixture(int port, TestData data) {
		this.port = port;
		this.data = data;
		this.org = data.org();
		this.km = data.member(org, "KNOWLEDGE_MANAGER");
		this.base = "/api/v1/orgs/" + org.slug();
	}

	Http as(TestData.Person person) {
		return Http.api(port, person.token());
	}

	Http admin() {
		return Http.api(port, org.admin().token());
	}

	static String inDays(int days) {
		return LocalDate.now(ZoneOffset.UTC).plusDays(days).toString();
	}

	JsonNode course(String title, String type, List<String> competencies) {
		Map<String, Object> body = new HashMap<>(Map.of("title", title, "type", type, "description", "What it teaches",
				"competencies", competencies));
		Http.Response created = as(km).post(base + "/courses", body);
		if (created.status() != 201) {
			throw new IllegalStateException("Could not create a course: " + created);
		}
		return created.json();
	}

	Http.Response assign(TestData.Person by, String course, TestData.Person to, String due) {
		return as(by).post(base + "/courses/" + course + "/assignments", Map.of("person", to.email(), "due", due));
	}

	String assigned(String course, TestData.Person to) {
		Http.Response created = assign(km, course, to, inDays(30));
		if (created.status() != 201) {
			throw new IllegalStateException("Could not assign: " + created);
		}
		return created.json().get("id").asString();
	}

	void setManager(TestData.Person person, TestData.Person manager) {
		Http.Response set = admin().patch(base + "/members/" + person.id(), Map.of("manager", manager.email()));
		if (set.status() != 200) {
			throw new IllegalStateException("Could not set the manager: " + set);
		}
	}
}
