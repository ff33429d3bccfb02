package org.tacit.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.library.internal.StaleItems;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * "Going stale" end to end: a published item whose review-by date passed → the library's daily stale
 * check announces it → its owner (and nobody else, not even a follower of the item) gets a notification
 * and, by their choice, an email; once per review-by date, even when the announcement is replayed; after
 * the owner verifies it (the item's followers hear of that), the next review-by date that passes is
 * announced again.
 */
@TacitTest
class StaleNotificationTests {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	TestData.Org org;

	private List<JsonNode> stale(TestData.Person person) {
		return kind(person, "ITEM_STALE");
	}

	private List<JsonNode> kind(TestData.Person person, String kind) {
		JsonNode page = Http.api(port, person.token()).get("/api/v1/me/notifications?org=" + org.slug() + "&size=100").json();
		List<JsonNode> found = new ArrayList<>();
		page.get("items").forEach(n -> {
			if (n.get("kind").asString().equals(kind)) {
				found.add(n);
			}
		});
		return found;
	}

	private void pastReviewBy(String item) {
		jdbc.sql("UPDATE library_item SET review_by = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), UUID.fromString(item))
			.update();
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

	@Test
	void theOwnerHearsOnceThatTheirItemWentStaleAndAgainAfterTheNextReviewDate() throws Exception {
		TestData data = new TestData(context, port);
		org = data.org();
		TestData.Person owner = data.member(org, "CONTRIBUTOR");
		TestData.Person follower = data.member(org, "VIEWER");
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("OPS");
		assertThat(Http.api(port, org.admin().token()).put("/api/v1/orgs/" + org.slug() + "/mail-settings",
				Map.of("host", "127.0.0.1", "port", smtp.getSmtp().getPort(), "security", "NONE", "from", "tacit@example.org"))
			.status()).isEqualTo(200);
		assertThat(Http.api(port, owner.token()).put("/api/v1/me/notification-settings",
				Map.of("org", org.slug(), "preferences", Map.of("ITEM_STALE", "EMAIL"))).status()).isEqualTo(200);

		String id = library.draft(owner, "OPS", "CHECKLIST", "Pump overhaul checklist", "- Drain it\n", List.of("pumps"))
			.get("id").asString();
		library.publish(org.admin(), id);
		String second = library.draft(owner, "OPS", "ARTICLE", "Seal replacement", "Text.", List.of()).get("id").asString();
		library.publish(org.admin(), second);
		assertThat(Http.api(port, follower.token()).post("/api/v1/me/follows",
				Map.of("org", org.slug(), "kind", "ITEM", "target", id)).status()).isEqualTo(201);
		StaleItems check = context.getBean(StaleItems.class);

		pastReviewBy(id);
		assertThat(check.announce()).isGreaterThanOrEqualTo(1);

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stale(owner)).hasSize(1));
		JsonNode notification = stale(owner).get(0);
		assertThat(notification.get("title").asString()).isEqualTo("Pump overhaul checklist");
		assertThat(notification.get("path").asString()).isEqualTo("items/" + id);
		assertThat(notification.get("reason").asString()).isEqualTo("OWNER");
		await().atMost(Duration.ofSeconds(15)).until(() -> mailTo(owner.email()).size() == 1);
		assertThat(mailTo(owner.email()).get(0).getSubject()).contains("Pump overhaul checklist");
		assertThat(stale(follower)).as("a follower of the item is not its owner").isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM library_item WHERE id = ? AND stale_announced_for = review_by")
			.param(UUID.fromString(id)).query(Integer.class).single()).as("remembered as announced").isEqualTo(1);

		// the same review-by date once more: the check passes it by; a replay (the mark lost) notifies nobody twice
		check.announce();
		jdbc.sql("UPDATE library_item SET stale_announced_for = NULL WHERE id = ?").param(UUID.fromString(id)).update();
		pastReviewBy(second);
		check.announce();
		// both items are in one event: once the second one's notification is there, the first was replayed
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stale(owner)).hasSize(2));
		assertThat(stale(owner)).extracting(n -> n.get("title").asString())
			.containsExactlyInAnyOrder("Pump overhaul checklist", "Seal replacement");

		// verified: a new review-by date, announced again when it passes
		assertThat(Http.api(port, owner.token()).post("/api/v1/orgs/" + org.slug() + "/items/" + id + "/verify", Map.of())
			.status()).isEqualTo(200);
		// the follower of the item hears that it was verified (and the owner, who verified it, does not)
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(kind(follower, "ITEM_VERIFIED"))
			.extracting(n -> n.get("title").asString() + "|" + n.get("reason").asString())
			.containsExactly("Pump overhaul checklist|ITEM"));
		assertThat(kind(owner, "ITEM_VERIFIED")).isEmpty();
		pastReviewBy(id);
		check.announce();
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(stale(owner)).hasSize(3));
		assertThat(stale(follower)).isEmpty();
	}
}
