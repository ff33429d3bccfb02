import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search load against Tacit's HTTP API. Run: java bench/SearchLoad.java BASE_URL ORG TOKEN QUERIES CLIENTS
 * REQUESTS MAX_SECONDS. Each query is sent once first (warm-up, and its hit total is recorded), then
 * CLIENTS threads send REQUESTS requests in all, cycling through the queries in a fixed order, and stop
 * early after MAX_SECONDS. Prints one JSON object on standard output.
 */
public class SearchLoad {

	public static void main(String[] args) throws Exception {
		String base = args[0], org = args[1], token = args[2];
		List<String> queries = Files.readAllLines(Path.of(args[3])).stream()
			.filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
		int clients = Integer.parseInt(args[4]);
		int requests = Integer.parseInt(args[5]);
		long maxNanos = Long.parseLong(args[6]) * 1_000_000_000L;
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		List<HttpRequest> reqs = new ArrayList<>();
		for (String q : queries) {
			reqs.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/orgs/" + org + "/search?q="
					+ URLEncoder.encode(q, StandardCharsets.UTF_8)))
				.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build());
		}
		// warm-up: each query once, twice over; the hit totals of the last pass are reported
		Pattern total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
		long[] totals = new long[reqs.size()];
		for (int pass = 0; pass < 2; pass++) {
			for (int i = 0; i < reqs.size(); i++) {
				HttpResponse<String> r = http.send(reqs.get(i), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() != 200) {
					throw new IllegalStateException("query " + queries.get(i) + ": HTTP " + r.statusCode() + " " + r.body());
				}
				Matcher m = total.matcher(r.body());
				totals[i] = m.find() ? Long.parseLong(m.group(1)) : -1;
			}
		}
		long[] latencies = new long[requests];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		AtomicLong errors = new AtomicLong();
		long start = System.nanoTime();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			threads.add(Thread.ofPlatform().start(() -> {
				int i;
				while ((i = next.getAndIncrement()) < requests && System.nanoTime() - start < maxNanos) {
					long t0 = System.nanoTime();
					try {
						HttpResponse<byte[]> r = http.send(reqs.get(i % reqs.size()), HttpResponse.BodyHandlers.ofByteArray());
						if (r.statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
					catch (Exception e) {
						errors.incrementAndGet();
					}
					latencies[i] = System.nanoTime() - t0;
					done.incrementAndGet();
				}
			}));
		}
		for (Thread t : threads) {
			t.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		int n = done.get();
		long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
		StringBuilder hits = new StringBuilder();
		for (int i = 0; i < queries.size(); i++) {
			hits.append(i == 0 ? "" : ", ").append('"').append(queries.get(i).replace("\"", "\\\"")).append("\": ").append(totals[i]);
		}
		System.out.printf(java.util.Locale.ROOT,
				"{\"clients\": %d, \"requests\": %d, \"errors\": %d, \"seconds\": %.3f, \"rps\": %.1f, "
						+ "\"p50_ms\": %.2f, \"p90_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f, \"hits\": {%s}}%n",
				clients, n, errors.get(), seconds, n / seconds, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
				sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, hits);
	}

	/** Nearest-rank percentile, in milliseconds. */
	static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}
}
