package org.tacit.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.LibraryFixture;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * Follows and the feed through the REST API: an item published with a followed tag reaches exactly the
 * followers who may see it, a members-only item never reaches (not even by its title) a follower outside
 * its space, preferences decide the channel, and bad input changes nothing.
 */
@TacitTest
class DistributionApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	TestData.Org org;
	TestData.Person follower;
	TestData.Person bystander;
	TestData.Person editor;
	LibraryFixture library;

	@BeforeEach
	void setUp() {
		TestData data = new TestData(context, port);
		org = data.org();
		follower = data.member(org, "VIEWER");
		bystander = data.member(org, "VIEWER");
		editor = data.member(org, "EDITOR");
		library = new LibraryFixture(port, org);
		library.space("OPS");
	}

	private Http api(TestData.Person person) {
		return Http.api(port, person.token());
	}

	private JsonNode follow(TestData.Person person, String kind, String target) {
		Http.Response response = api(person).post("/api/v1/me/follows", Map.of("org", org.slug(), "kind", kind, "target", target));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private List<String> titles(TestData.Person person) {
		JsonNode page = api(person).get("/api/v1/me/notifications?org=" + org.slug()).json();
		List<String> titles = new ArrayList<>();
		page.get("items").forEach(n -> titles.add(n.get("title").asString()));
		return titles;
	}

	private long unread(TestData.Person person) {
		return api(person).get("/api/v1/me/notifications/unread?org=" + org.slug()).json().get("unread").asLong();
	}

	@Test
	void anItemPublishedWithAFollowedTagReachesItsFollowersOnly() {
		JsonNode follow = follow(follower, "TAG", "Turbines");
		assertThat(follow.get("target").asString()).isEqualTo("turbines");

		library.published("OPS", "ARTICLE", "Turbine blade inspection", "Look at the blades.", "turbines", "safety");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(titles(follower)).containsExactly("Turbine blade inspection"));
		JsonNode first = api(follower).get("/api/v1/me/notifications?org=" + org.slug()).json().get("items").get(0);
		assertThat(first.get("kind").asString()).isEqualTo("ITEM_PUBLISHED");
		assertThat(first.get("reason").asString()).isEqualTo("TAG");
		assertThat(first.get("reasonLabel").asString()).isEqualTo("turbines");
		assertThat(first.get("path").asString()).startsWith("items/");
		assertThat(unread(follower)).isEqualTo(1);
		assertThat(titles(bystander)).as("not following").isEmpty();
		assertThat(titles(org.admin())).as("the one who published it").isEmpty();

		Http.Response read = api(follower).post("/api/v1/me/notifications/read",
				Map.of("org", org.slug(), "ids", List.of(first.get("id").asString())));
		assertThat(read.status()).isEqualTo(200);
		assertThat(unread(follower)).isZero();
		assertThat(api(follower).get("/api/v1/me/notifications?org=" + org.slug() + "&unread=true").json()
			.get("totalItems").asLong()).isZero();
	}

	@Test
	void aMembersOnlyItemNeverReachesAFollowerOutsideItsSpace() {
		library.space("HR", true);
		follow(follower, "TAG", "payroll");

		library.published("HR", "ARTICLE", "Confidential salary bands", "Secret.", "payroll");
		library.published("OPS", "ARTICLE", "Payroll calendar", "Dates.", "payroll");

		// the second, public item arrives; the first, published before it, never does
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
				assertThat(titles(follower)).contains("Payroll calendar"));
		assertThat(titles(follower)).doesNotContain("Confidential salary bands");
		assertThat(api(follower).get("/api/v1/me/notifications?org=" + org.slug()).body())
			.doesNotContain("Confidential");
	}

	@Test
	void followersOfASpaceAPersonOrTheItemHearOfAChangeWithItsNote() {
		follow(follower, "SPACE", "OPS");
		follow(bystander, "PERSON", editor.email());
		JsonNode item = library.published("OPS", "CHECKLIST", "Start-up checklist", "- one\n- two\n");
		String id = item.get("id").asString();
		follow(editor, "ITEM", id);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(titles(follower)).hasSize(1));

		Http.Response changed = api(org.admin()).put("/api/v1/orgs/" + org.slug() + "/items/" + id,
				Map.of("kind", "CHECKLIST", "title", "Start-up checklist", "summary", "Steps", "body", "- one\n- two\n- three\n", "message",
						"Added the third step", "version", item.get("version").asInt()));
		assertThat(changed.status()).as(changed.toString()).isIn(200, 201);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode items = api(editor).get("/api/v1/me/notifications?org=" + org.slug()).json().get("items");
			assertThat(items).isNotEmpty();
			assertThat(items.get(0).get("kind").asString()).isEqualTo("ITEM_UPDATED");
			assertThat(items.get(0).get("note").asString()).isEqualTo("Added the third step");
		});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(titles(follower)).hasSize(2));
		assertThat(titles(bystander)).as("follows the editor, who did not publish it").isEmpty();
	}

	@Test
	void aKindTurnedOffMakesNoNotification() {
		follow(follower, "TAG", "pumps");
		Http.Response off = api(follower).put("/api/v1/me/notification-settings",
				Map.of("org", org.slug(), "preferences", Map.of("ITEM_PUBLISHED", "OFF")));
		assertThat(off.status()).isEqualTo(200);
		assertThat(off.json().get("preferences").get("ITEM_PUBLISHED").asString()).isEqualTo("OFF");
		assertThat(off.json().get("preferences").get("ITEM_UPDATED").asString()).isEqualTo("IN_APP");
		follow(bystander, "TAG", "pumps");

		library.published("OPS", "ARTICLE", "Pump priming", "Prime it.", "pumps");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(titles(bystander)).hasSize(1));
		assertThat(titles(follower)).isEmpty();
	}

	@Test
	void badInputIsRefusedOnItsFieldAndChangesNothing() {
		Http.Response kind = api(follower).post("/api/v1/me/follows", Map.of("org", org.slug(), "kind", "PLANET", "target", "x"));
		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.contentType()).startsWith("application/problem+json");
		assertThat(kind.body()).contains("\"kind\"");

		Http.Response space = api(follower).post("/api/v1/me/follows", Map.of("org", org.slug(), "kind", "SPACE", "target", "NOPE"));
		assertThat(space.status()).isEqualTo(400);
		assertThat(space.body()).contains("\"target\"");

		Http.Response person = api(follower).post("/api/v1/me/follows",
				Map.of("org", org.slug(), "kind", "PERSON", "target", "nobody@example.org"));
		assertThat(person.status()).isEqualTo(400);

		Http.Response noOrg = api(follower).post("/api/v1/me/follows", Map.of("kind", "TAG", "target", "x"));
		assertThat(noOrg.status()).isEqualTo(400);
		assertThat(noOrg.body()).contains("\"org\"");

		Http.Response channel = api(follower).put("/api/v1/me/notification-settings",
				Map.of("org", org.slug(), "preferences", Map.of("ITEM_PUBLISHED", "EMAIL", "ITEM_VERIFIED", "PIGEON")));
		assertThat(channel.status()).isEqualTo(400);
		assertThat(channel.body()).contains("preferences.ITEM_VERIFIED");

		assertThat(api(follower).get("/api/v1/me/follows?org=" + org.slug()).json().get("totalItems").asLong()).isZero();
		assertThat(api(follower).get("/api/v1/me/notification-settings?org=" + org.slug()).json().get("preferences")
			.get("ITEM_PUBLISHED").asString()).as("nothing half-written").isEqualTo("IN_APP");

		Http.Response otherOrg = api(follower).get("/api/v1/me/notifications?org=" + new TestData(context, port).org().slug());
		assertThat(otherOrg.status()).isEqualTo(404);
	}

	@Test
	void aFollowStoppedStaysStoppedAndCanBeTakenUpAgain() {
		follow(follower, "TAG", "valves");
		Http.Response stopped = api(follower).delete("/api/v1/me/follows?org=" + org.slug() + "&kind=TAG&target=valves");
		assertThat(stopped.status()).isEqualTo(204);
		assertThat(api(follower).get("/api/v1/me/follows?org=" + org.slug()).json().get("totalItems").asLong()).isZero();
		follow(follower, "TAG", "valves");
		assertThat(api(follower).get("/api/v1/me/follows?org=" + org.slug()).json().get("totalItems").asLong()).isEqualTo(1);
	}

	@Test
	void anOwnerFollowsTheirPublishedItemByDefault() {
		JsonNode draft = library.draft(editor, "OPS", "ARTICLE", "Editor guidance", "Text", List.of());
		library.publish(org.admin(), draft.get("id").asString());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode follows = api(editor).get("/api/v1/me/follows?org=" + org.slug()).json();
			assertThat(follows.get("totalItems").asLong()).isEqualTo(1);
			assertThat(follows.get("items").get(0).get("kind").asString()).isEqualTo("ITEM");
			assertThat(follows.get("items").get(0).get("label").asString()).isEqualTo("Editor guidance");
		});
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(titles(editor)).containsExactly("Editor guidance"));
	}
}
