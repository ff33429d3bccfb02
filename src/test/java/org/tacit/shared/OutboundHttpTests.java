package org.tacit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guarded outbound client, with a stubbed resolver and no traffic off this machine: a small server on
 * the loopback address 127.0.0.7 stands in for "the internet" (the tests' own address rule lets exactly
 * that address through), every other name is answered by the stub.
 */
class OutboundHttpTests {

	private static final InetAddress STAND_IN = address("127.0.0.7");
	private static final OutboundHttp.Limits LIMITS = new OutboundHttp.Limits(Duration.ofSeconds(5),
			Duration.ofSeconds(10), 1000, 3);

	private HttpServer server;
	private int port;
	private final AtomicInteger served = new AtomicInteger();
	private final CountDownLatch release = new CountDownLatch(1);
	private final Map<String, List<InetAddress>> names = Map.of(
			"site.example", List.of(STAND_IN),
			"other.example", List.of(STAND_IN),
			"internal.example", List.of(address("10.0.0.5")),
			"metadata.example", List.of(address("169.254.169.254")),
			"mixed.example", List.of(address("93.184.216.34"), address("127.0.0.1")),
			"mapped.example", List.of(address("::ffff:192.168.1.1")),
			"compatible.example", List.of(address("::10.0.0.1")),
			"ula.example", List.of(address("fd00:ec2::254")));
	private final AtomicInteger lookups = new AtomicInteger();
	private final OutboundHttp.Resolver stub = host -> {
		lookups.incrementAndGet();
		List<InetAddress> found = names.get(host);
		if (found == null) {
			throw new UnknownHostException(host);
		}
		return found;
	};
	private OutboundHttp http;

	private static InetAddress address(String literal) {
		return InetAddress.ofLiteral(literal);
	}

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(STAND_IN, 0), 0);
		port = server.getAddress().getPort();
		server.createContext("/", exchange -> {
			served.incrementAndGet();
			String path = exchange.getRequestURI().getPath();
			switch (path) {
				case "/ok" -> answer(exchange, 200, "hello");
				case "/echo" -> answer(exchange, 200,
						"authorization=" + exchange.getRequestHeaders().getFirst("Authorization"));
				case "/to-ok" -> redirect(exchange, "/ok");
				case "/to-internal" -> redirect(exchange, "http://internal.example/admin");
				case "/to-loopback" -> redirect(exchange, "http://127.0.0.1:" + port + "/ok");
				case "/to-metadata" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/");
				case "/to-file" -> redirect(exchange, "file:///etc/passwd");
				case "/to-other" -> redirect(exchange, "http://other.example:" + port + "/echo");
				case "/loop" -> redirect(exchange, "/loop");
				case "/big" -> answer(exchange, 200, "x".repeat(5000));
				case "/big-chunked" -> {
					exchange.sendResponseHeaders(200, 0);
					try (OutputStream out = exchange.getResponseBody()) {
						for (int i = 0; i < 50; i++) {
							out.write("y".repeat(100).getBytes(StandardCharsets.UTF_8));
						}
					}
				}
				case "/slow" -> {
					try {
						release.await();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					answer(exchange, 200, "late");
				}
				default -> answer(exchange, 404, "no");
			}
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
		http = new OutboundHttp(stub, LIMITS, a -> OutboundHttp.isPublic(a) || a.equals(STAND_IN));
	}

	@AfterEach
	void stop() {
		release.countDown();
		http.close();
		server.stop(0);
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void redirect(HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(302, -1);
		exchange.close();
	}

	private URI site(String path) {
		return URI.create("http://site.example:" + port + path);
	}

	@Test
	void aPublicAddressIsReachedAndRedirectsAreFollowed() {
		OutboundHttp.Response response = http.get(site("/to-ok"), Map.of());

		assertThat(response.status()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
		assertThat(response.uri().getPath()).isEqualTo("/ok");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://internal.example/", "http://metadata.example/latest/meta-data/",
			"http://mixed.example/", "http://mapped.example/", "http://compatible.example/", "http://ula.example/",
			"http://unknown.example/" })
	void namesThatResolveToInternalAddressesAreRefusedBeforeAnyConnection(String url) {
		assertThatThrownBy(() -> http.get(URI.create(url), Map.of())).isInstanceOf(OutboundHttp.RefusedException.class);
		assertThat(served).hasValue(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1/", "http://127.0.0.1:8080/actuator", "http://[::1]/",
			"http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",
			"http://[::127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a00:1::]/", "http://[2001:0:4136::1]/",
			"http://[fe80::1]/", "http://[fc00::1]/", "http://[fd00:ec2::254]/", "http://169.254.169.254/latest/meta-data/",
			"http://100.100.100.200/", "http://0.0.0.0/", "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.0.1/",
			"http://224.0.0.1/", "http://255.255.255.255/", "http://2130706433/", "http://0x7f000001/", "http://0x7f.1/",
			"http://017700000001/", "http://127.1/", "http://0/" })
	void addressLiteralsOfInternalNetworksAreRefusedWithoutALookup(String url) {
		assertThatThrownBy(() -> http.get(URI.create(url), Map.of())).isInstanceOf(OutboundHttp.RefusedException.class);
		assertThat(lookups).as("no name was looked up").hasValue(0);
		assertThat(served).hasValue(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "file:///etc/passwd", "ftp://site.example/", "gopher://site.example/", "jar:file:/x!/y",
			"javascript:alert(1)", "http:///nohost", "http://user:secret@site.example/" })
	void otherSchemesAndAddressesWithCredentialsAreRefused(String url) {
		assertThatThrownBy(() -> http.get(URI.create(url), Map.of())).isInstanceOf(OutboundHttp.RefusedException.class);
		assertThat(served).hasValue(0);
	}

	@Test
	void everyRedirectIsCheckedAgain() {
		for (String path : List.of("/to-internal", "/to-loopback", "/to-metadata", "/to-file")) {
			assertThatThrownBy(() -> http.get(site(path), Map.of())).as(path)
				.isInstanceOf(OutboundHttp.RefusedException.class);
		}
		assertThat(served).as("only the redirects themselves were served").hasValue(4);
	}

	@Test
	void redirectsAreLimited() {
		assertThatThrownBy(() -> http.get(site("/loop"), Map.of())).isInstanceOf(OutboundHttp.RefusedException.class)
			.hasMessageContaining("redirects");
		assertThat(served).hasValue(LIMITS.maxRedirects() + 1);
	}

	@Test
	void credentialsDoNotFollowARedirectToAnotherSite() {
		OutboundHttp.Response same = http.get(site("/echo"), Map.of("Authorization", "Bearer s3cret"));
		OutboundHttp.Response other = http.get(site("/to-other"), Map.of("Authorization", "Bearer s3cret"));

		assertThat(new String(same.body(), StandardCharsets.UTF_8)).isEqualTo("authorization=Bearer s3cret");
		assertThat(new String(other.body(), StandardCharsets.UTF_8)).isEqualTo("authorization=null");
	}

	@Test
	void answersOverTheSizeLimitAreRefused() {
		assertThatThrownBy(() -> http.get(site("/big"), Map.of())).isInstanceOf(OutboundHttp.RefusedException.class)
			.hasMessageContaining("larger");
		assertThatThrownBy(() -> http.get(site("/big-chunked"), Map.of()))
			.isInstanceOf(OutboundHttp.RefusedException.class)
			.hasMessageContaining("larger");
	}

	@Test
	void aServerThatDoesNotAnswerTimesOut() {
		try (OutboundHttp impatient = new OutboundHttp(stub, new OutboundHttp.Limits(Duration.ofSeconds(5),
				Duration.ofMillis(500), 1000, 3), a -> OutboundHttp.isPublic(a) || a.equals(STAND_IN))) {
			assertThatThrownBy(() -> impatient.get(site("/slow"), Map.of())).isInstanceOf(RuntimeException.class)
				.hasMessageContaining("timed out");
		}
	}

	@Test
	void onlyTheHostsAnOperatorAllowedMayBeInternal() {
		try (OutboundHttp allowing = new OutboundHttp(stub, LIMITS, java.util.Set.of("Site.example"))) {
			OutboundHttp.Response response = allowing.get(site("/ok"), Map.of());
			assertThat(response.status()).isEqualTo(200);
			assertThatThrownBy(() -> allowing.get(URI.create("http://internal.example/"), Map.of()))
				.isInstanceOf(OutboundHttp.RefusedException.class);
			assertThatThrownBy(() -> allowing.verify(URI.create("http://127.0.0.1/")))
				.isInstanceOf(OutboundHttp.RefusedException.class);
			assertThatThrownBy(() -> allowing.get(site("/to-loopback"), Map.of()))
				.as("a redirect from an allowed host to another internal one")
				.isInstanceOf(OutboundHttp.RefusedException.class);
		}
		assertThat(served).hasValue(2);
	}

	@Test
	void theAddressRuleOfProduction() {
		for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
				"100.64.0.1", "0.1.2.3", "198.18.0.1", "192.0.2.1", "240.0.0.1", "::1", "::", "fe80::1", "fc00::1",
				"fd12:3456::1", "fec0::1", "ff02::1", "2001:db8::1", "::ffff:10.0.0.1", "::10.0.0.1", "64:ff9b::a00:1",
				"2002:c0a8:101::1", "2001::1", "100::1")) {
			assertThat(OutboundHttp.isPublic(address(internal))).as(internal).isFalse();
		}
		for (String external : List.of("8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1",
				"2606:4700:4700::1111", "2a00:1450:4001::1", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1")) {
			assertThat(OutboundHttp.isPublic(address(external))).as(external).isTrue();
		}
		assertThat(STAND_IN.isLoopbackAddress()).as("the stand-in is refused by the production rule").isTrue();
		assertThat(OutboundHttp.isPublic(STAND_IN)).isFalse();
	}
}
