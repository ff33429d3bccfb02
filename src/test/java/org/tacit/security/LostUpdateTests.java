package org.tacit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * No lost updates: many editors save the same items at the same time through the API, each save based
 * on the version they read. Every attempt either succeeds or gets 409; each success adds exactly one
 * version, holding exactly what that success sent; the item ends with the last successful write.
 */
@TacitTest
class LostUpdateTests {

	private static final int CLIENTS = 8;
	private static final int ROUNDS = 8;
	private static final int ITEMS = 3;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void concurrentSavesEitherWinOrConflictAndNoneIsLost() throws Exception {
		TestData data = new TestData(context, port);
		TestData.Org org = data.org();
		LibraryFixture library = new LibraryFixture(port, org);
		library.space("RACE");
		String base = "/api/v1/orgs/" + org.slug() + "/items/";
		List<String> items = new ArrayList<>();
		for (int i = 0; i < ITEMS; i++) {
			items.add(library.published("RACE", "ARTICLE", "Contested " + i, "first text").get("id").asString());
		}
		List<Http> editors = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			editors.add(Http.api(port, data.member(org, "EDITOR").token()));
		}

		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		AtomicInteger unexpected = new AtomicInteger();
		// item -> version -> the body of the save that answered with that version
		Map<String, Map<Integer, String>> saved = new ConcurrentHashMap<>();
		items.forEach(id -> saved.put(id, new ConcurrentHashMap<>()));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> running = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			running.add(pool.submit(() -> {
				start.await();
				Http api = editors.get(client);
				for (int round = 0; round < ROUNDS; round++) {
					for (String id : items) {
						int read = api.get(base + id).json().get("version").asInt();
						String body = "client " + client + " round " + round + " on " + read;
						attempts.incrementAndGet();
						Http.Response answer = api.put(base + id, Map.of("version", read, "title", "Contested",
								"body", body, "message", body));
						if (answer.status() == 200) {
							int version = answer.json().get("version").asInt();
							String before = saved.get(id).put(version, body);
							if (before != null || version != read + 1) {
								unexpected.incrementAndGet();
							}
						}
						else if (answer.status() == 409) {
							conflicts.incrementAndGet();
						}
						else {
							unexpected.incrementAndGet();
						}
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : running) {
			future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();

		int successes = saved.values().stream().mapToInt(Map::size).sum();
		assertThat(unexpected).as("answers other than 200 and 409, or two saves with one version").hasValue(0);
		assertThat(successes + conflicts.get()).isEqualTo(attempts.get()).isEqualTo(CLIENTS * ROUNDS * ITEMS);
		assertThat(successes).as("someone always wins").isGreaterThanOrEqualTo(ROUNDS * ITEMS);
		Http reader = editors.get(0);
		for (String id : items) {
			Map<Integer, String> wins = saved.get(id);
			JsonNode item = reader.get(base + id).json();
			List<Integer> versions = new ArrayList<>();
			reader.get(base + id + "/versions?size=100").json().get("items").forEach(v -> versions.add(v.get("version").asInt()));
			assertThat(item.get("version").asInt()).as("one version per success").isEqualTo(1 + wins.size());
			assertThat(versions).hasSize(1 + wins.size());
			wins.forEach((version, body) -> assertThat(
					reader.get(base + id + "/versions/" + version).json().get("body").asString())
				.as("version %d holds what its save sent", version)
				.isEqualTo(body));
			int last = wins.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
			assertThat(item.get("body").asString()).as("the last successful write").isEqualTo(wins.get(last));
		}
	}
}
