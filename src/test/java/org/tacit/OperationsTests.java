package org.tacit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** Health, metrics and the API description, as operators and client authors use them. */
@TacitTest
class OperationsTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void healthIsPublicAndReportsTheDatabaseAndTheIndex() {
		Http.Response health = Http.api(port, null).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
		assertThat(health.json().get("components").get("index").get("status").asString()).isEqualTo("UP");
		assertThat(health.json().get("components").get("db").get("details")).isNull();
	}

	@Test
	void metricsAreForSiteAdministratorsOnly() {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		TestData.Person orgAdmin = data.member(org, "ADMIN");

		Http.Response anonymous = Http.api(port, null).get("/actuator/prometheus");
		Http.Response notSiteAdmin = Http.api(port, orgAdmin.token()).get("/actuator/prometheus");
		Http.Response siteAdmin = Http.api(port, org.admin().token()).get("/actuator/prometheus");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(notSiteAdmin.status()).isEqualTo(403);
		assertThat(siteAdmin.status()).isEqualTo(200);
		assertThat(siteAdmin.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
	}

	@Test
	void theApiIsDescribedByOpenApi() {
		Http.Response docs = Http.api(port, null).get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Tacit API");
		assertThat(docs.json().get("paths").propertyNames()).contains("/api/v1/me", "/api/v1/orgs",
				"/api/v1/orgs/{org}/members", "/api/v1/orgs/{org}/members/{id}", "/api/v1/tokens",
				"/api/v1/tokens/{id}", "/api/v1/orgs/{org}/audit");
		assertThat(Http.api(port, null).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void unknownAddressesAnswer404() {
		TestData.Person admin = new TestData(context, port).siteAdmin();

		Http.Response api = Http.api(port, admin.token()).get("/api/v1/nothing-here");

		assertThat(api.status()).isEqualTo(404);
		assertThat(api.contentType()).startsWith("application/problem+json");
	}

	@Test
	void oversizedBodiesAreRefused() {
		TestData.Person admin = new TestData(context, port).siteAdmin();
		String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";

		Http.Response refused = Http.api(port, admin.token()).postRaw("/api/v1/orgs", "application/json", huge);
		Http.Response chunked = Http.api(port, admin.token())
			.postChunked("/api/v1/orgs", "application/json", huge.getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("1 MB");
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.contentType()).startsWith("application/problem+json");
	}
}
