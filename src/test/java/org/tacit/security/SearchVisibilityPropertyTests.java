package org.tacit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

import tools.jackson.databind.JsonNode;

/**
 * A property of search: over random organizations (spaces open to everyone or to their members only,
 * people of random organization roles and space roles, items by random authors in every workflow status),
 * search never returns what the person searching cannot open, and finds everything they can. The seed is
 * fixed and named on failure; {@code -Dtacit.property.seed=N -Dtacit.property.worlds=M} explores others.
 */
@TacitTest
class SearchVisibilityPropertyTests {

	private static final Pattern ITEM = Pattern.compile("/items/([0-9a-f-]{36})");
	private static final String[] ROLES = { "VIEWER", "CONTRIBUTOR", "EDITOR", "KNOWLEDGE_MANAGER", "ADMIN" };
	private static final String[] SPACE_ROLES = { "VIEWER", "CONTRIBUTOR", "EDITOR" };

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void searchFindsExactlyWhatEachPersonMayOpen() {
		long seed = Long.getLong("tacit.property.seed", 5_2026L);
		int worlds = Integer.getInteger("tacit.property.worlds", 2);
		for (int world = 0; world < worlds; world++) {
			checkWorld(seed + world);
		}
	}

	private void checkWorld(long seed) {
		Random random = new Random(seed);
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		Http admin = Http.api(port, org.admin().token());
		String base = "/api/v1/orgs/" + org.slug();
		String word = "quokka" + Long.toHexString(seed);

		List<TestData.Person> people = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			people.add(data.member(org, ROLES[random.nextInt(ROLES.length)]));
		}
		List<String> spaces = new ArrayList<>();
		for (int s = 0; s < 3; s++) {
			String key = "P" + s;
			boolean membersOnly = random.nextBoolean();
			MatrixFixture.check(admin.post(base + "/spaces", Map.of("key", key, "name", "Space " + key, "visibility",
					membersOnly ? "MEMBERS" : "ORGANIZATION")), 201);
			for (TestData.Person person : people) {
				if (random.nextInt(3) == 0) {
					MatrixFixture.check(admin.put(base + "/spaces/" + key + "/members/" + person.id(),
							Map.of("role", SPACE_ROLES[random.nextInt(SPACE_ROLES.length)])), 204);
				}
			}
			spaces.add(key);
		}
		List<String> items = new ArrayList<>();
		for (int i = 0; i < 14; i++) {
			String space = spaces.get(random.nextInt(spaces.size()));
			TestData.Person author = people.get(random.nextInt(people.size()));
			Map<String, Object> content = Map.of("space", space, "kind", "ARTICLE", "title", "Item " + i + " " + word,
					"body", "About " + word + " number " + i);
			Http.Response created = Http.api(port, author.token()).post(base + "/items", content);
			if (created.status() != 201) {
				created = admin.post(base + "/items", content); // the author may not write in this space
			}
			MatrixFixture.check(created, 201);
			String id = created.json().get("id").asString();
			int status = random.nextInt(4); // DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED
			String[] path = { "IN_REVIEW", "PUBLISHED", "ARCHIVED" };
			for (int step = 0; step < status; step++) {
				MatrixFixture.check(admin.post(base + "/items/" + id + "/transitions", Map.of("to", path[step])), 200);
			}
			items.add(id);
		}
		// the site administrator who made every space is an editor of each: once they find every item, the index is up to date
		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(found(admin, base, word)).as("seed " + seed).containsExactlyInAnyOrderElementsOf(items));

		for (TestData.Person person : people) {
			Http api = Http.api(port, person.token());
			Set<String> mayOpen = new TreeSet<>();
			for (String id : items) {
				int status = api.get(base + "/items/" + id).status();
				assertThat(status).as("seed %d: %s opening %s", seed, person.email(), id).isIn(200, 404);
				if (status == 200) {
					mayOpen.add(id);
				}
			}
			// the admin finding every item shows they are all indexed, not that each one's last transition is:
			// the index may still be a moment behind; a leak that stays is a failure
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found(api, base, word))
				.as("seed %d (-Dtacit.property.seed=%d): what %s finds", seed, seed, person.email()).isEqualTo(mayOpen));
		}
	}

	/** The items a search for the word finds (item hits and the items of comment and attachment hits). */
	private static Set<String> found(Http api, String base, String word) {
		JsonNode results = api.get(base + "/search?q=" + word + "&size=100").json();
		Set<String> ids = new TreeSet<>();
		results.get("hits").forEach(hit -> {
			Matcher item = ITEM.matcher(hit.get("url").asString());
			if (item.find()) {
				ids.add(item.group(1));
			}
		});
		return ids;
	}
}
