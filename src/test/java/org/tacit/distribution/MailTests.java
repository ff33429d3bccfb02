package org.tacit.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.distribution.internal.Channel;
import org.tacit.distribution.internal.Digests;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * Email through a real SMTP server the test starts (GreenMail): immediate notification emails with a
 * plain-text and an HTML part and a link that stops their kind, a server that is down (the mail waits and
 * goes out once it is back), digests grouped by follow, and SMTP settings refused when they are wrong.
 */
@TacitTest
class MailTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData.Org org;
	TestData.Person follower;
	LibraryFixture library;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		follower = data.member(org, "CONTRIBUTOR");
		library = new LibraryFixture(port, org);
		library.space("OPS");
	}

	private Http admin() {
		return Http.api(port, org.admin().token());
	}

	private Http.Response smtpAt(int smtpPort) {
		return admin().put("/api/v1/orgs/" + org.slug() + "/mail-settings", Map.of("host", "127.0.0.1", "port", smtpPort,
				"security", "NONE", "from", "tacit@example.org"));
	}

	private void follow(String tag) {
		assertThat(Http.api(port, follower.token()).post("/api/v1/me/follows", Map.of("org", org.slug(), "kind", "TAG",
				"target", tag)).status()).isEqualTo(201);
	}

	private void prefer(String kind, String channel) {
		assertThat(Http.api(port, follower.token()).put("/api/v1/me/notification-settings", Map.of("org", org.slug(),
				"preferences", Map.of(kind, channel))).status()).isEqualTo(200);
	}

	private List<MimeMessage> mailTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private static String part(MimeMessage message, String type) throws Exception {
		return find((Multipart) message.getContent(), type);
	}

	private static String find(Multipart multipart, String type) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart inner) {
				String found = find(inner, type);
				if (found != null) {
					return found;
				}
			}
			else if (part.isMimeType(type)) {
				return part.getContent().toString();
			}
		}
		return null;
	}

	@Test
	void aFollowerWhoChoseEmailGetsOneAtOnceWithBothPartsAndAStopLink() throws Exception {
		assertThat(smtpAt(smtp.getSmtp().getPort()).status()).isEqualTo(200);
		follow("cranes");
		prefer("ITEM_PUBLISHED", "EMAIL");

		library.published("OPS", "CHECKLIST", "Crane lift checklist", "- Check the load\n", "cranes");

		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(follower.email()).size() == 1);
		MimeMessage mail = mailTo(follower.email()).get(0);
		assertThat(mail.getSubject()).contains("Crane lift checklist");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("tacit@example.org");
		String text = part(mail, "text/plain");
		String html = part(mail, "text/html");
		assertThat(text).contains("Crane lift checklist").contains("/o/" + org.slug() + "/items/")
			.contains("notifications/settings?unsubscribe=ITEM_PUBLISHED").contains("cranes");
		assertThat(html).contains("<a href=").contains("Crane lift checklist").contains("unsubscribe=ITEM_PUBLISHED");
		assertThat(mail.getHeader("List-Unsubscribe")[0]).contains("unsubscribe=ITEM_PUBLISHED");
		// the feed has it too
		assertThat(Http.api(port, follower.token()).get("/api/v1/me/notifications?org=" + org.slug()).json()
			.get("totalItems").asLong()).isEqualTo(1);
	}

	@Test
	void mailWaitsWhileTheServerIsDownAndGoesOutWhenItIsBack() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		assertThat(smtpAt(closed).status()).isEqualTo(200);
		follow("boilers");
		prefer("ITEM_PUBLISHED", "EMAIL");

		library.published("OPS", "ARTICLE", "Boiler blowdown", "Do it weekly.", "boilers");

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			var queue = admin().get("/api/v1/orgs/" + org.slug() + "/mail-queue").json();
			assertThat(queue.get("status").get("waiting").asLong()).isEqualTo(1);
			assertThat(queue.get("mail").get("items").get(0).get("attempts").asInt()).isGreaterThanOrEqualTo(1);
			assertThat(queue.get("status").get("lastError").isNull()).isFalse();
		});
		assertThat(mailTo(follower.email())).isEmpty();

		assertThat(smtpAt(smtp.getSmtp().getPort()).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(follower.email()).size() == 1);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(admin()
			.get("/api/v1/orgs/" + org.slug() + "/mail-queue").json().get("status").get("sent").asLong()).isEqualTo(1));
	}

	@Test
	void aDailyDigestGathersNotificationsByFollow() throws Exception {
		assertThat(smtpAt(smtp.getSmtp().getPort()).status()).isEqualTo(200);
		follow("pumps");
		follow("valves");
		prefer("ITEM_PUBLISHED", "DAILY");

		library.published("OPS", "ARTICLE", "Pump seals", "Text.", "pumps");
		library.published("OPS", "ARTICLE", "Valve torque", "Text.", "valves");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Http.api(port, follower.token())
			.get("/api/v1/me/notifications?org=" + org.slug()).json().get("totalItems").asLong()).isEqualTo(2));
		assertThat(mailTo(follower.email())).as("no email at once").isEmpty();

		context.getBean(Digests.class).send(Channel.DAILY);
		context.getBean(Digests.class).send(Channel.DAILY);

		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(follower.email()).size() == 1);
		MimeMessage digest = mailTo(follower.email()).get(0);
		assertThat(digest.getSubject()).contains("daily digest").contains("(2)");
		String text = part(digest, "text/plain");
		assertThat(text).contains("Pump seals").contains("Valve torque").contains("pumps").contains("valves")
			.contains("unsubscribe=ITEM_PUBLISHED");
		assertThat(text.indexOf("pumps")).as("grouped by follow").isLessThan(text.indexOf("Valve torque"));
		assertThat(part(digest, "text/html")).contains("<h2>");
		assertThat(GreenMailUtil.getBody(digest)).isNotBlank();
	}

	@Test
	void wrongSettingsAreRefusedOnTheirFieldAndChangeNothing() {
		String settings = "/api/v1/orgs/" + org.slug() + "/mail-settings";
		assertThat(admin().get(settings).status()).isEqualTo(204);
		Http.Response port0 = admin().put(settings, Map.of("host", "smtp.example.org", "port", 0, "security", "NONE", "from", "a@example.org"));
		assertThat(port0.status()).isEqualTo(400);
		assertThat(port0.body()).contains("\"port\"");
		Http.Response from = admin().put(settings, Map.of("host", "smtp.example.org", "port", 587, "security", "STARTTLS", "from", "not an address"));
		assertThat(from.body()).contains("\"from\"");
		Http.Response security = admin().put(settings, Map.of("host", "smtp.example.org", "port", 587, "security", "MAYBE", "from", "a@example.org"));
		assertThat(security.body()).contains("\"security\"");
		Http.Response host = admin().put(settings, Map.of("host", "smtp example org", "port", 587, "security", "NONE", "from", "a@example.org"));
		assertThat(host.body()).contains("\"host\"");
		assertThat(admin().get(settings).status()).as("nothing written").isEqualTo(204);

		Http.Response saved = admin().put(settings, Map.of("host", "smtp.example.org", "port", 587, "security", "STARTTLS",
				"username", "tacit", "password", "s3cret-pass", "from", "Tacit <tacit@example.org>"));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body()).doesNotContain("s3cret-pass");
		assertThat(admin().get(settings).json().get("passwordSet").asBoolean()).isTrue();
		TestData.Person manager = new TestData(context, port).member(org, "KNOWLEDGE_MANAGER");
		assertThat(Http.api(port, manager.token()).get(settings).status()).isEqualTo(403);
	}
}
