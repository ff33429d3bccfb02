package org.tacit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * Limits against abuse: API tokens are rate limited per token and per client address (429 with
 * Retry-After), every kind of response carries the security headers, the session id changes at sign-in,
 * and oversized bodies are refused without effect.
 */
@TacitTest
class AbuseLimitsTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData data;
	TestData.Org org;

	@BeforeEach
	void setUp() {
		data = new TestData(context, port);
		org = data.org();
	}

	@Test
	void aTokenThatMakesTooManyRequestsIsToldToWaitAndOtherTokensAreNot() {
		TestData.Person busy = data.member(org, "VIEWER");
		TestData.Person calm = data.member(org, "VIEWER");
		Http api = Http.api(port, busy.token());

		int served = 0;
		Http.Response refused = null;
		for (int i = 0; i < 700 && refused == null; i++) {
			Http.Response response = api.get("/api/v1/me");
			if (response.status() == 429) {
				refused = response;
			}
			else {
				assertThat(response.status()).isEqualTo(200);
				served++;
			}
		}

		assertThat(refused).as("a token is limited to 600 requests a minute").isNotNull();
		assertThat(served).isBetween(600, 660);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("status").asInt()).isEqualTo(429);
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
		assertThat(SecurityHeaders.missing(refused)).isEmpty();
		assertThat(Http.api(port, calm.token()).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void anAddressThatSendsManyBadTokensIsToldToWaitEvenWithAGoodOne() throws Exception {
		// from another loopback address than the rest of the suite's (the connection's source address is what
		// the server sees), so the limit it reaches stays its own
		HttpClient client = HttpClient.newBuilder().localAddress(java.net.InetAddress.ofLiteral("127.0.0.2")).build();
		String base = "http://127.0.0.1:" + port;
		TestData.Person person = data.member(org, "VIEWER");

		int unauthorized = 0;
		HttpResponse<String> refused = null;
		for (int i = 0; i < 100 && refused == null; i++) {
			HttpResponse<String> response = client.send(bearer(base + "/api/v1/me", "tacit_guess" + i),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 429) {
				refused = response;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(401);
				unauthorized++;
			}
		}

		assertThat(refused).as("60 tokens that do not work a minute from one address").isNotNull();
		assertThat(unauthorized).isBetween(60, 65);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.body()).contains("\"status\":429");
		assertThat(client.send(bearer(base + "/api/v1/me", person.token()), HttpResponse.BodyHandlers.ofString())
			.statusCode()).as("the address waits, whatever it sends").isEqualTo(429);
		assertThat(Http.api(port, person.token()).get("/api/v1/me").status()).as("other addresses do not")
			.isEqualTo(200);
	}

	private static HttpRequest bearer(String url, String token) {
		return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
	}

	@Test
	void everyKindOfResponseCarriesTheSecurityHeaders() {
		Http anonymous = Http.api(port, null);
		Http api = Http.api(port, org.admin().token());
		List<Http.Response> responses = List.of(anonymous.get("/login"), anonymous.get("/css/tacit.css"),
				anonymous.get("/js/tacit.js"), anonymous.get("/no/such/page"), anonymous.get("/api/v1/me"),
				anonymous.get("/actuator/health"), anonymous.get("/swagger-ui/index.html"), api.get("/api/v1/me"),
				api.get("/api/v1/orgs/no-such-org"), api.post("/api/v1/orgs", "{not json"),
				api.post("/api/v1/orgs", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}"));

		assertThat(responses).allSatisfy(response -> assertThat(SecurityHeaders.missing(response))
			.as(response.status() + " " + response.contentType()).isEmpty());
		assertThat(responses.get(0).header("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(responses.get(7).header("Content-Security-Policy")).startsWith("default-src 'none'");
		assertThat(responses.get(10).status()).isEqualTo(413);
	}

	@Test
	void signingInGivesANewSessionAndTheOldOneStaysAnonymous() throws Exception {
		TestData.Person person = data.member(org, "VIEWER");
		CookieManager cookies = new CookieManager();
		HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String base = "http://localhost:" + port;

		String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String before = sessionId(cookies);
		Matcher csrf = CSRF.matcher(loginPage);
		assertThat(csrf.find()).isTrue();
		String form = "_csrf=" + encode(csrf.group(1)) + "&email=" + encode(person.email()) + "&password="
				+ encode(TestData.PASSWORD);
		HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String after = sessionId(cookies);

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		assertThat(before).isNotBlank();
		assertThat(after).isNotBlank().isNotEqualTo(before);
		HttpResponse<String> withOldId = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/account")).header("Cookie", "JSESSIONID=" + before).GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withOldId.statusCode()).as("the id from before sign-in is not signed in").isEqualTo(302);
		assertThat(withOldId.headers().firstValue("Location").orElse("")).endsWith("/login");
		HttpResponse<String> withNewId = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/account")).header("Cookie", "JSESSIONID=" + after).GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withNewId.statusCode()).isEqualTo(200);
		assertThat(withNewId.body()).contains(person.email());
	}

	private static String sessionId(CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse("");
	}

	@Test
	void aFormPostOverTheLimitChangesNothing() {
		TestData.Person person = data.member(org, "VIEWER");
		Http browser = Http.browser(port);
		browser.signIn(person.email(), TestData.PASSWORD);

		Http.Response huge = browser.submit("/account", "/account/name", Map.of("name", "x".repeat(1_100_000)));

		assertThat(huge.status()).isGreaterThanOrEqualTo(400);
		assertThat(Http.api(port, person.token()).get("/api/v1/me").json().get("name").asString())
			.isEqualTo("Person " + person.email());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
