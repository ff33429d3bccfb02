package org.tacit.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.shared.Secrets;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * The SMTP password at rest: sealed in the database (the column never holds it, in plain text or in
 * Base64), never in an answer or on the page, and still sending through a real SMTP server that requires
 * authentication (GreenMail with one user, refusing a wrong password). A password stored in plain text
 * by an earlier version keeps working and is sealed when first used; one sealed with another key waits
 * with a clear error.
 */
@TacitTest
class MailPasswordTests {

	private static final String LOGIN = "tacit-mailer";
	private static final String PASSWORD = "Sm7p-pass!word-9";

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer@example.org", LOGIN, PASSWORD));

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData.Org org;
	TestData.Person follower;
	LibraryFixture library;
	String settings;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		follower = data.member(org, "VIEWER");
		library = new LibraryFixture(port, org);
		library.space("OPS");
		settings = "/api/v1/orgs/" + org.slug() + "/mail-settings";
		assertThat(Http.api(port, follower.token()).post("/api/v1/me/follows", Map.of("org", org.slug(), "kind", "SPACE",
				"target", "OPS")).status()).isEqualTo(201);
		assertThat(Http.api(port, follower.token()).put("/api/v1/me/notification-settings", Map.of("org", org.slug(),
				"preferences", Map.of("ITEM_PUBLISHED", "EMAIL"))).status()).isEqualTo(200);
	}

	private Http admin() {
		return Http.api(port, org.admin().token());
	}

	private Http.Response save(String password) {
		return admin().put(settings, Map.of("host", "127.0.0.1", "port", smtp.getSmtp().getPort(), "security", "NONE",
				"username", LOGIN, "password", password, "from", "mailer@example.org"));
	}

	private Map<String, Object> row() {
		return jdbc.sql("SELECT password, password_sealed FROM distribution_mail_settings WHERE org_id = ?")
			.param(org.id())
			.query((rs, n) -> {
				Map<String, Object> row = new java.util.HashMap<>();
				row.put("password", rs.getString("password"));
				row.put("sealed", rs.getString("password_sealed"));
				return row;
			})
			.single();
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

	private JsonNode queue() {
		return admin().get("/api/v1/orgs/" + org.slug() + "/mail-queue").json();
	}

	@Test
	void thePasswordIsSealedAtRestNeverShownAndStillAuthenticates() throws Exception {
		Http.Response saved = save(PASSWORD);
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body()).doesNotContain(PASSWORD);
		assertThat(saved.json().get("passwordSet").asBoolean()).isTrue();
		Http.Response shown = admin().get(settings);
		assertThat(shown.body()).doesNotContain(PASSWORD);
		assertThat(shown.json().get("passwordSet").asBoolean()).isTrue();

		Map<String, Object> row = row();
		assertThat(row.get("password")).as("no plain column value").isNull();
		String sealed = (String) row.get("sealed");
		assertThat(sealed).startsWith(Secrets.PREFIX).doesNotContain(PASSWORD)
			.doesNotContain(Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM distribution_mail_settings WHERE password LIKE ? OR password_sealed LIKE ?")
			.params("%" + PASSWORD + "%", "%" + PASSWORD + "%").query(Integer.class).single()).isZero();
		// another save without a password keeps the sealed one as it is
		Http.Response kept = admin().put(settings, Map.of("host", "127.0.0.1", "port", smtp.getSmtp().getPort(),
				"security", "NONE", "username", LOGIN, "from", "mailer@example.org"));
		assertThat(kept.json().get("passwordSet").asBoolean()).isTrue();
		assertThat(row().get("sealed")).isEqualTo(sealed);

		Http page = Http.browser(port);
		page.signIn(org.admin().email(), TestData.PASSWORD);
		String html = page.get("/o/" + org.slug() + "/mail").body();
		assertThat(html).doesNotContain(PASSWORD).doesNotContain(sealed).contains("A password is stored");

		library.published("OPS", "ARTICLE", "Sent with authentication", "Text.");
		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(follower.email()).size() == 1);
		assertThat(mailTo(follower.email()).get(0).getSubject()).contains("Sent with authentication");
	}

	@Test
	void aWrongPasswordIsRefusedByTheServerAndTheMailWaits() {
		assertThat(save("not-the-password").status()).isEqualTo(200);
		library.published("OPS", "ARTICLE", "Refused login", "Text.");
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			JsonNode queue = queue();
			assertThat(queue.get("status").get("waiting").asLong()).isEqualTo(1);
			assertThat(queue.get("status").get("lastError").isNull()).isFalse();
		});
		assertThat(mailTo(follower.email())).isEmpty();

		assertThat(save(PASSWORD).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(follower.email()).size() == 1);
	}

	@Test
	void aPlainPasswordOfAnEarlierVersionStillSendsAndIsSealedOnFirstUse() {
		assertThat(save(PASSWORD).status()).isEqualTo(200);
		jdbc.sql("UPDATE distribution_mail_settings SET password = ?, password_sealed = NULL WHERE org_id = ?")
			.params(PASSWORD, org.id())
			.update();
		assertThat(admin().get(settings).json().get("passwordSet").asBoolean()).isTrue();

		library.published("OPS", "ARTICLE", "Sent with the old password", "Text.");
		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(follower.email()).size() == 1);
		Map<String, Object> row = row();
		assertThat(row.get("password")).isNull();
		assertThat((String) row.get("sealed")).startsWith(Secrets.PREFIX).doesNotContain(PASSWORD);
	}

	@Test
	void aPasswordSealedWithAnotherKeyWaitsWithAClearError() {
		assertThat(save(PASSWORD).status()).isEqualTo(200);
		String foreign = Secrets.of("the key of some other installation")
			.seal(PASSWORD, "distribution.mail-settings.password:" + org.id());
		jdbc.sql("UPDATE distribution_mail_settings SET password_sealed = ? WHERE org_id = ?").params(foreign, org.id()).update();

		library.published("OPS", "ARTICLE", "Cannot be sent yet", "Text.");
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
				assertThat(queue().get("status").get("lastError").asString()).contains("enter the password again"));
		assertThat(mailTo(follower.email())).isEmpty();
		assertThat(save(PASSWORD).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(follower.email()).size() == 1);
	}
}
