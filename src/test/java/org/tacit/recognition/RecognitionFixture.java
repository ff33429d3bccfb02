package org.tacit.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** A member whose template two others reuse, with a manager: the records the recognition tests read. */
final class RecognitionFixture {

	final int port;
	final TestData data;
	final TestData.Org org;
	final String base;
	final TestData.Person author;
	final TestData.Person manager;
	final TestData.Person user1;
	final TestData.Person user2;
	final String template;

	RecognitionFixture(int port, TestData data) {
		this.port = port;
		this.data = data;
		this.org = data.org();
		this.base = "/api/v1/orgs/" + org.slug();
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		author = data.member(org, "CONTRIBUTOR");
		manager = data.member(org, "EDITOR");
		user1 = data.member(org, "VIEWER");
		user2 = data.member(org, "VIEWER");
		JsonNode draft = library.draft(author, "OPS", "TEMPLATE", "Quarterly report template", "# Report", List.of("reports"));
		template = draft.get("id").asString();
		library.publish(org.admin(), template);
		Map<String, Object> change = new HashMap<>();
		change.put("manager", manager.email());
		Http.Response set = admin().patch(base + "/members/" + author.id(), change);
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
	}

	Http admin() {
		return Http.api(port, org.admin().token());
	}

	Http as(TestData.Person person) {
		return Http.api(port, person.token());
	}

	/** Both users use the template; waits until the author's ledger holds both uses. */
	void reusedByTwo() {
		for (TestData.Person user : List.of(user1, user2)) {
			Http.Response used = as(user).post(base + "/items/" + template + "/uses", Map.of("note", "Used it"));
			assertThat(used.status()).as(used.toString()).isEqualTo(201);
		}
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				as(author).get(base + "/people/" + author.id() + "/ledger?kind=ITEM_REUSED").json().get("totalItems").asLong())
			.isEqualTo(2));
	}

	Http.Response kudos(TestData.Person from, Object to, String message, String recordId) {
		Map<String, Object> body = new HashMap<>();
		body.put("to", to);
		body.put("message", message);
		if (recordId != null) {
			body.put("recordId", recordId);
		}
		return as(from).post(base + "/kudos", body);
	}
}
