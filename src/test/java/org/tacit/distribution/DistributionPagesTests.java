package org.tacit.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** The pages with records on them: a webhook's delivery log, the mail queue, a stop link from an email, a form error. */
@TacitTest
class DistributionPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theAdministratorSeesDeliveriesAndTheMailQueue() throws IOException {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		TestData.Person follower = data.member(org, "VIEWER");
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.7"), 0), 0);
		receiver.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		receiver.start();
		try {
			Http api = Http.api(port, org.admin().token());
			String hook = api.post("/api/v1/orgs/" + org.slug() + "/webhooks", Map.of("url",
					"http://127.0.0.7:" + receiver.getAddress().getPort() + "/in", "events", List.of("item.published")))
				.json().get("id").asString();
			// no SMTP server anywhere: the mail waits in the queue
			Http.api(port, follower.token()).post("/api/v1/me/follows", Map.of("org", org.slug(), "kind", "SPACE", "target", "OPS"));
			Http.api(port, follower.token()).put("/api/v1/me/notification-settings",
					Map.of("org", org.slug(), "preferences", Map.of("ITEM_PUBLISHED", "EMAIL")));
			library.published("OPS", "ARTICLE", "Logged <delivery>", "Text.");
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/v1/orgs/" + org.slug()
					+ "/webhooks/" + hook + "/deliveries").json().get("items").get(0).get("status").asString()).isEqualTo("DELIVERED"));
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/v1/orgs/" + org.slug()
					+ "/mail-queue").json().get("status").get("lastError").isNull()).isFalse());

			Http admin = Http.browser(port);
			admin.signIn(org.admin().email(), TestData.PASSWORD);
			Http.Response log = admin.get("/o/" + org.slug() + "/webhooks/" + hook);
			assertThat(log.status()).isEqualTo(200);
			assertThat(log.body()).contains("Delivered").contains("202").contains("item.published");
			Http.Response mail = admin.get("/o/" + org.slug() + "/mail");
			assertThat(mail.status()).isEqualTo(200);
			assertThat(mail.body()).contains("1 waiting").contains("No SMTP server").contains("Logged &lt;delivery&gt;");
			Http.Response refused = admin.submit("/o/" + org.slug() + "/webhooks", "/o/" + org.slug() + "/webhooks",
					Map.of("url", "https://169.254.169.254/latest", "events", "item.published"));
			assertThat(refused.status()).isEqualTo(200);
			assertThat(refused.body()).contains("cannot be used").contains("field-error");
			Http.Response confirm = admin.get("/o/" + org.slug() + "/webhooks/" + hook + "/delete");
			assertThat(confirm.body()).contains("Remove the webhook to http://127.0.0.7");

			Http member = Http.browser(port);
			member.signIn(follower.email(), TestData.PASSWORD);
			String settings = "/o/" + org.slug() + "/notifications/settings";
			assertThat(member.get(settings + "?unsubscribe=ITEM_PUBLISHED").body()).contains("Stop the emails about");
			Http.Response stopped = member.submit(settings + "?unsubscribe=ITEM_PUBLISHED", settings,
					Map.of("pref-ITEM_PUBLISHED", "IN_APP"));
			assertThat(stopped.status()).isEqualTo(302);
			assertThat(Http.api(port, follower.token()).get("/api/v1/me/notification-settings?org=" + org.slug()).json()
				.get("preferences").get("ITEM_PUBLISHED").asString()).isEqualTo("IN_APP");
			assertThat(member.get("/o/" + org.slug() + "/notifications").body()).contains("Logged &lt;delivery&gt;")
				.contains("You follow the Space");
		}
		finally {
			receiver.stop(0);
		}
	}
}
