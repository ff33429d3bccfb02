package org.tacit.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.distribution.internal.Webhooks;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: a receiver on 127.0.0.7 (the one internal host the tests' settings allow, as an
 * operator would allow an internal receiver) gets signed JSON; failures are retried and logged and switch
 * the hook off; a receiver that does not answer times out; forbidden addresses are refused when registered.
 */
@TacitTest
class WebhookApiTests {

	private static final String SECRET = "a-secret-of-the-receiver-1234";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData.Org org;
	LibraryFixture library;
	HttpServer receiver;
	String hooks;
	final List<Received> received = new CopyOnWriteArrayList<>();
	final CountDownLatch release = new CountDownLatch(1);

	record Received(String path, String body, String signature, String event, String delivery) {
	}

	@BeforeEach
	void setUp() throws IOException {
		org = new TestData(context, port).org();
		library = new LibraryFixture(port, org);
		library.space("OPS");
		hooks = "/api/v1/orgs/" + org.slug() + "/webhooks";
		receiver = HttpServer.create(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.7"), 0), 0);
		receiver.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(new Received(exchange.getRequestURI().getPath(), body,
					exchange.getRequestHeaders().getFirst(Webhooks.SIGNATURE),
					exchange.getRequestHeaders().getFirst(Webhooks.EVENT),
					exchange.getRequestHeaders().getFirst(Webhooks.DELIVERY)));
			switch (exchange.getRequestURI().getPath()) {
				case "/ok" -> answer(exchange, 204);
				case "/slow" -> {
					try {
						release.await();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					answer(exchange, 200);
				}
				default -> answer(exchange, 500);
			}
		});
		receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		receiver.start();
	}

	@AfterEach
	void stop() {
		release.countDown();
		receiver.stop(0);
	}

	private static void answer(HttpExchange exchange, int status) throws IOException {
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private String url(String path) {
		return "http://127.0.0.7:" + receiver.getAddress().getPort() + path;
	}

	private Http admin() {
		return Http.api(port, org.admin().token());
	}

	private JsonNode register(String path, String... events) {
		Http.Response created = admin().post(hooks, Map.of("url", url(path), "events", List.of(events), "secret", SECRET));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json();
	}

	private JsonNode deliveries(String hook) {
		return admin().get(hooks + "/" + hook + "/deliveries").json();
	}

	@Test
	void aPublishedItemIsPostedSignedWithTheHookSecret() {
		JsonNode hook = register("/ok", "item.published");
		assertThat(hook.get("secret").asString()).isEqualTo(SECRET);
		assertThat(admin().get(hooks + "/" + hook.get("id").asString()).body()).doesNotContain(SECRET);

		JsonNode item = library.published("OPS", "TEMPLATE", "Shift handover template", "Fill it in.", "handover");

		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
		Received call = received.get(0);
		assertThat(call.event()).isEqualTo("item.published");
		assertThat(call.signature()).isEqualTo(Webhooks.sign(SECRET, call.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(call.signature()).isNotEqualTo(Webhooks.sign("another secret entirely", call.body().getBytes(StandardCharsets.UTF_8)));
		JsonNode payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(call.body());
		assertThat(payload.get("event").asString()).isEqualTo("item.published");
		assertThat(payload.get("organization").asString()).isEqualTo(org.slug());
		assertThat(payload.get("record").get("id").asString()).isEqualTo(item.get("id").asString());
		assertThat(payload.get("record").get("title").asString()).isEqualTo("Shift handover template");
		assertThat(payload.get("id").asString()).isEqualTo(call.delivery());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode log = deliveries(hook.get("id").asString());
			assertThat(log.get("totalItems").asLong()).isEqualTo(1);
			assertThat(log.get("items").get(0).get("status").asString()).isEqualTo("DELIVERED");
			assertThat(log.get("items").get(0).get("responseCode").asInt()).isEqualTo(204);
		});
	}

	@Test
	void failuresAreRetriedLoggedAndSwitchTheHookOff() {
		JsonNode hook = register("/fail", "item.published");
		String id = hook.get("id").asString();

		library.published("OPS", "ARTICLE", "Failing delivery", "Text.");

		// four failures in a row (the tests' limit) switch it off; the delivery waits for it to come back
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
				assertThat(admin().get(hooks + "/" + id).json().get("active").asBoolean()).isFalse());
		JsonNode delivery = deliveries(id).get("items").get(0);
		assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
		assertThat(delivery.get("responseCode").asInt()).isEqualTo(500);
		assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
		assertThat(received).hasSize(4);
		assertThat(received).allSatisfy(r -> assertThat(r.delivery()).isEqualTo(delivery.get("id").asString()));

		Http.Response enabled = admin().post(hooks + "/" + id + "/enable", Map.of());
		assertThat(enabled.json().get("active").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
				assertThat(deliveries(id).get("items").get(0).get("status").asString()).isEqualTo("FAILED"));
		assertThat(deliveries(id).get("items").get(0).get("attempts").asInt()).isEqualTo(Webhooks.ATTEMPTS_MAX);
	}

	@Test
	void aReceiverThatDoesNotAnswerTimesOutAndIsLogged() {
		JsonNode hook = register("/slow", "item.published");
		library.published("OPS", "ARTICLE", "Slow delivery", "Text.");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode delivery = deliveries(hook.get("id").asString()).get("items").get(0);
			assertThat(delivery.get("attempts").asInt()).isGreaterThanOrEqualTo(1);
			assertThat(delivery.get("lastError").asString()).containsIgnoringCase("timed out");
		});
		// the request that published the item did not wait for the receiver
	}

	@Test
	void forbiddenAddressesAndBadInputAreRefusedAndNothingIsRegistered() {
		for (String url : List.of("https://10.0.0.5/hook", "https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data/",
				"https://[::1]/hook", "http://hooks.example.com/hook", "ftp://hooks.example.com/", "not a url",
				url("/ok").replace("http:", "https:").replace("127.0.0.7", "127.0.0.8"))) {
			Http.Response refused = admin().post(hooks, Map.of("url", url, "events", List.of("item.published")));
			assertThat(refused.status()).as(url).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body()).as(url).contains("\"url\"");
		}
		Http.Response events = admin().post(hooks, Map.of("url", url("/ok"), "events", List.of("item.exploded")));
		assertThat(events.status()).isEqualTo(400);
		assertThat(events.body()).contains("\"events\"");
		Http.Response secret = admin().post(hooks, Map.of("url", url("/ok"), "events", List.of("item.published"), "secret", "short"));
		assertThat(secret.status()).isEqualTo(400);
		assertThat(secret.body()).contains("\"secret\"");
		assertThat(admin().get(hooks).json().get("totalItems").asLong()).isZero();

		TestData.Person editor = new TestData(context, port).member(org, "KNOWLEDGE_MANAGER");
		assertThat(Http.api(port, editor.token()).post(hooks, Map.of("url", url("/ok"), "events", List.of("item.published")))
			.status()).isEqualTo(403);
		assertThat(received).isEmpty();
	}
}
