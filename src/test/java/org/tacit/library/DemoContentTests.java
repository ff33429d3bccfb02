package org.tacit.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.organizations.internal.FirstStart;
import org.tacit.organizations.internal.TokenService;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/** First-start setup's demo organization comes with a little published sample content. */
@TacitTest
class DemoContentTests {

	@LocalServerPort
	int port;

	@Autowired
	FirstStart firstStart;

	@Autowired
	TokenService tokens;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void installed() {
		if (firstStart.needed()) {
			jdbc.sql("INSERT INTO organizations_installation (id, completed_at) VALUES (1, CURRENT_TIMESTAMP)").update();
		}
	}

	@Test
	void theDemoOrganizationHasASpaceWithPublishedSamples() {
		jdbc.sql("DELETE FROM organizations_installation").update();
		firstStart.reset();
		var admin = firstStart.setUp(TestData.unique("demo") + "@example.org", "Demo Admin", TestData.PASSWORD, true);
		Http api = Http.api(port, tokens.create(admin.id(), "demo test", null).token());
		String slug = api.get("/api/v1/me").json().get("orgs").get(0).get("slug").asString();

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode items = api.get("/api/v1/orgs/" + slug + "/items?space=START&sort=TITLE").json();
			assertThat(items.get("items").findValuesAsString("kind")).containsExactlyInAnyOrder("ARTICLE", "TEMPLATE",
					"CHECKLIST", "FAQ");
			assertThat(items.get("items").findValuesAsString("status")).containsOnly("PUBLISHED");
		});
		assertThat(api.get("/api/v1/orgs/" + slug + "/spaces/START").json().get("name").asString())
			.isEqualTo("Getting started");
	}
}
