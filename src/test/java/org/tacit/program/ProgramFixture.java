package org.tacit.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tacit.support.Http;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** An organization with a knowledge manager, an owner and a sponsor of initiatives, and a viewer. */
final class ProgramFixture {

	final int port;
	final TestData data;
	final TestData.Org org;
	final String base;
	final TestData.Person km;
	final TestData.Person owner;
	final TestData.Person sponsor;
	final TestData.Person viewer;

	ProgramFixture(int port, TestData data) {
		this.port = port;
		this.data = data;
		this.org = data.org();
		this.base = "/api/v1/orgs/" + org.slug();
		km = data.member(org, "KNOWLEDGE_MANAGER");
		owner = data.member(org, "CONTRIBUTOR");
		sponsor = data.member(org, "EDITOR");
		viewer = data.member(org, "VIEWER");
	}

	Http as(TestData.Person person) {
		return Http.api(port, person.token());
	}

	/** A new initiative by the knowledge manager, with the fixture's owner and sponsor and these fields. */
	JsonNode initiative(String name, Object... more) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("owner", owner.email());
		body.put("sponsor", sponsor.id().toString());
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		Http.Response created = as(km).post(base + "/initiatives", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	/** Sets a budget in one currency; lines as category, planned, actual, ... */
	Http.Response budget(TestData.Person who, String id, String currency, Object... lines) {
		List<Map<String, Object>> list = new java.util.ArrayList<>();
		for (int i = 0; i < lines.length; i += 3) {
			Map<String, Object> line = new HashMap<>();
			line.put("category", lines[i]);
			line.put("planned", lines[i + 1]);
			line.put("actual", lines[i + 2]);
			list.add(line);
		}
		Map<String, Object> body = new HashMap<>();
		body.put("currency", currency);
		body.put("lines", list);
		return as(who).put(base + "/initiatives/" + id + "/budget", body);
	}

	static String daysFromToday(int days) {
		return LocalDate.now(java.time.ZoneOffset.UTC).plusDays(days).toString();
	}
}
