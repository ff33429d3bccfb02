package org.tacit.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The one way Tacit makes HTTP requests to addresses that users give (webhooks, link previews): only
 * {@code http} and {@code https} to public internet addresses. Every name is resolved by this class and
 * every address it resolves to is checked before a connection is made, and the connection goes to the
 * checked address (the client's DNS resolver is this class), so a name that resolves differently a
 * second time (DNS rebinding) gains nothing. Redirects are followed here, each hop checked again, at most
 * {@link Limits#maxRedirects()}. Connect and read time and the size of the answer are limited.
 *
 * <p>Refused: loopback, private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, which holds the
 * cloud metadata address 169.254.169.254, and fe80::/10), carrier-grade NAT (100.64/10), "this network"
 * (0/8), benchmark, documentation and reserved ranges, multicast and broadcast, IPv6 unique-local
 * (fc00::/7, which holds fd00:ec2::254) and site-local, and IPv6 forms that carry an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo) unless the IPv4 address inside is public. Hosts that
 * look like numbers but are not a plain dotted address ({@code 2130706433}, {@code 0x7f.1},
 * {@code 017700000001}) are refused before any lookup.
 */
public final class OutboundHttp implements AutoCloseable {

	/** Finds the addresses of a host name (DNS in production, a stub in tests). */
	@FunctionalInterface
	public interface Resolver {

		List<InetAddress> resolve(String host) throws UnknownHostException;

		/** The system's resolver. */
		Resolver SYSTEM = host -> Arrays.asList(InetAddress.getAllByName(host));
	}

	/**
	 * @param connectTimeout the longest wait for a connection
	 * @param readTimeout the longest silence while reading an answer, and the longest a whole answer may take
	 * @param maxBytes the largest answer body read; a larger one is refused
	 * @param maxRedirects the most redirects followed
	 */
	public record Limits(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects) {

		/** 5 s to connect, 10 s to answer, 1 MB, 5 redirects. */
		public static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(10), 1024 * 1024, 5);
	}

	/** An answer: the status, its headers (lower-case names) and body, and the address it finally came from. */
	public record Response(int status, Map<String, List<String>> headers, byte[] body, URI uri) {
	}

	/** A request that was not made or not finished because it is not allowed or went over a limit. */
	public static final class RefusedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RefusedException(String message) {
			super(message);
		}
	}

	/** A part of a host as the C library's inet_aton reads numbers: decimal, octal (0…) or hexadecimal (0x…). */
	private static final Pattern NUMERIC_PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
	private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private final Resolver resolver;
	private final Limits limits;
	private final Predicate<InetAddress> allowed;
	private final java.util.Set<String> allowedHosts;
	private final CloseableHttpClient client;

	public OutboundHttp(Resolver resolver, Limits limits) {
		this(resolver, limits, OutboundHttp::isPublic);
	}

	/**
	 * As {@link #OutboundHttp(Resolver, Limits)}, except that the hosts an operator allowed on purpose (an
	 * internal webhook receiver, written as a name or an address exactly as in the URL, lower case) may
	 * be reached whatever addresses they have. Every other host is checked as usual.
	 */
	public OutboundHttp(Resolver resolver, Limits limits, java.util.Set<String> allowedHosts) {
		this(resolver, limits, OutboundHttp::isPublic, allowedHosts);
	}

	/** For tests that stand a local server in for the internet: {@code allowed} decides which addresses may be reached. */
	OutboundHttp(Resolver resolver, Limits limits, Predicate<InetAddress> allowed) {
		this(resolver, limits, allowed, java.util.Set.of());
	}

	private OutboundHttp(Resolver resolver, Limits limits, Predicate<InetAddress> allowed,
			java.util.Set<String> allowedHosts) {
		this.resolver = resolver;
		this.limits = limits;
		this.allowed = allowed;
		this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
		Timeout connect = Timeout.of(limits.connectTimeout());
		Timeout read = Timeout.of(limits.readTimeout());
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckingResolver())
				.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).setConnectionRequestTimeout(connect).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.build();
	}

	/** GET, following redirects. */
	public Response get(URI uri, Map<String, String> headers) {
		return send("GET", uri, headers, null, null);
	}

	/** POST a body (a webhook), following redirects (307 and 308 repeat the POST, others turn it into a GET). */
	public Response post(URI uri, Map<String, String> headers, byte[] body, String contentType) {
		return send("POST", uri, headers, body, contentType);
	}

	private Response send(String method, URI start, Map<String, String> headers, byte[] body, String contentType) {
		long deadline = System.nanoTime() + limits.readTimeout().toNanos() * (limits.maxRedirects() + 1);
		URI uri = start;
		String currentMethod = method;
		byte[] currentBody = body;
		Map<String, String> currentHeaders = new LinkedHashMap<>(headers);
		for (int hop = 0;; hop++) {
			check(uri);
			Response response = once(currentMethod, uri, currentHeaders, currentBody, contentType, deadline);
			int status = response.status();
			List<String> location = response.headers().getOrDefault("location", List.of());
			if (status < 300 || status > 399 || status == 304 || location.isEmpty()) {
				return response;
			}
			if (hop >= limits.maxRedirects()) {
				throw new RefusedException("More than " + limits.maxRedirects() + " redirects from " + start);
			}
			URI next = resolveLocation(uri, location.get(0));
			if (!sameOrigin(uri, next)) {
				// credentials meant for one site never travel to another
				currentHeaders.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Cookie"));
			}
			if (status != 307 && status != 308) {
				currentMethod = "GET";
				currentBody = null;
			}
			uri = next;
		}
	}

	private Response once(String method, URI uri, Map<String, String> headers, byte[] body, String contentType,
			long deadline) {
		ClassicRequestBuilder builder = ClassicRequestBuilder.create(method).setUri(uri);
		headers.forEach(builder::addHeader);
		if (body != null) {
			builder.setEntity(new ByteArrayEntity(body, contentType == null ? ContentType.APPLICATION_OCTET_STREAM
					: ContentType.parse(contentType)));
		}
		ClassicHttpRequest request = builder.build();
		try {
			return client.execute(request, answer -> {
				Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
				for (Header header : answer.getHeaders()) {
					answerHeaders.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
						.add(header.getValue());
				}
				return new Response(answer.getCode(), answerHeaders, read(answer.getEntity(), deadline), uri);
			});
		}
		catch (RefusedException e) {
			throw e;
		}
		catch (IOException e) {
			if (e.getCause() instanceof RefusedException refused) {
				throw refused;
			}
			throw new UncheckedIOException("The request to " + uri.getHost() + " failed: " + e.getMessage(), e);
		}
	}

	private byte[] read(HttpEntity entity, long deadline) throws IOException {
		if (entity == null) {
			return new byte[0];
		}
		if (entity.getContentLength() > limits.maxBytes()) {
			throw new RefusedException("The answer is larger than " + limits.maxBytes() + " bytes");
		}
		try (InputStream in = entity.getContent()) {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			for (int n; (n = in.read(buffer)) != -1;) {
				if (out.size() + n > limits.maxBytes()) {
					throw new RefusedException("The answer is larger than " + limits.maxBytes() + " bytes");
				}
				if (System.nanoTime() > deadline) {
					throw new RefusedException("The answer took longer than allowed");
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
	}

	/**
	 * Refuses ({@link RefusedException}) an address that this client would not request, without making a
	 * request: for checking an address when a person gives it (a webhook's URL). The name is looked up.
	 */
	public void verify(URI uri) {
		check(uri);
	}

	/** Only http and https, with a host, without user information, and not to a refused address literal. */
	void check(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new RefusedException("Only http and https addresses may be requested, not " + uri);
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new RefusedException("The address has no host: " + uri);
		}
		if (uri.getRawUserInfo() != null) {
			throw new RefusedException("Addresses with a user name or password are refused");
		}
		addressesOf(uri.getHost());
	}

	/** The host's addresses, each one checked; refused if any one is not allowed. */
	List<InetAddress> addressesOf(String rawHost) {
		String host = rawHost.startsWith("[") && rawHost.endsWith("]") ? rawHost.substring(1, rawHost.length() - 1)
				: rawHost;
		List<InetAddress> addresses;
		if (host.contains(":") || DOTTED_QUAD.matcher(host).matches()) {
			try {
				addresses = List.of(InetAddress.ofLiteral(host));
			}
			catch (IllegalArgumentException e) {
				throw new RefusedException("Not an address: " + host);
			}
		}
		else if (Arrays.stream(host.split("\\.", -1)).allMatch(part -> NUMERIC_PART.matcher(part).matches())) {
			// 2130706433, 0x7f.1, 017700000001, 127.1: other spellings of addresses, read differently by different parsers
			throw new RefusedException("Addresses must be written as four decimal numbers: " + host);
		}
		else {
			try {
				addresses = resolver.resolve(host);
			}
			catch (UnknownHostException e) {
				throw new RefusedException("Unknown host: " + host);
			}
		}
		if (addresses.isEmpty()) {
			throw new RefusedException("Unknown host: " + host);
		}
		if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
			return addresses;
		}
		for (InetAddress address : addresses) {
			if (!allowed.test(address)) {
				throw new RefusedException("Requests to " + host + " (" + address.getHostAddress()
						+ ") are refused: not a public internet address");
			}
		}
		return addresses;
	}

	/** Whether the address is on the public internet (see the class comment for what is not). */
	public static boolean isPublic(InetAddress address) {
		if (address instanceof Inet4Address v4) {
			return isPublicV4(v4.getAddress());
		}
		if (!(address instanceof Inet6Address v6)) {
			return false;
		}
		byte[] a = v6.getAddress();
		if (v6.isAnyLocalAddress() || v6.isLoopbackAddress() || v6.isLinkLocalAddress() || v6.isSiteLocalAddress()
				|| v6.isMulticastAddress()) {
			return false;
		}
		int first = a[0] & 0xff;
		int second = a[1] & 0xff;
		if ((first & 0xfe) == 0xfc) {
			return false; // unique-local fc00::/7
		}
		if (first == 0x20 && second == 0x01 && a[2] == 0x0d && (a[3] & 0xff) == 0xb8) {
			return false; // documentation 2001:db8::/32
		}
		if (first == 0x20 && second == 0x01 && a[2] == 0 && a[3] == 0) {
			return false; // Teredo 2001::/32 tunnels to an address that cannot be checked
		}
		if (allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff
				|| allZero(a, 0, 12)
				|| first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && allZero(a, 4, 12)) {
			// IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d
			return isPublicV4(Arrays.copyOfRange(a, 12, 16));
		}
		if (first == 0x20 && second == 0x02) {
			return isPublicV4(Arrays.copyOfRange(a, 2, 6)); // 6to4 2002:a.b.c.d::/48
		}
		if (first == 0x01 && second == 0 && allZero(a, 2, 8)) {
			return false; // discard 100::/64
		}
		return (first & 0xe0) == 0x20; // global unicast 2000::/3
	}

	private static boolean isPublicV4(byte[] a) {
		int b0 = a[0] & 0xff;
		int b1 = a[1] & 0xff;
		int b2 = a[2] & 0xff;
		return !(b0 == 0 || b0 == 10 || b0 == 127 || b0 >= 224 // this network, private, loopback, multicast and reserved
				|| b0 == 100 && b1 >= 64 && b1 <= 127 // carrier-grade NAT (holds 100.100.100.200, a metadata address)
				|| b0 == 169 && b1 == 254 // link-local, holds 169.254.169.254
				|| b0 == 172 && b1 >= 16 && b1 <= 31 || b0 == 192 && b1 == 168 // private
				|| b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2) // IETF protocol assignments, documentation
				|| b0 == 198 && (b1 == 18 || b1 == 19) // benchmarking
				|| b0 == 198 && b1 == 51 && b2 == 100 || b0 == 203 && b1 == 0 && b2 == 113 // documentation
				|| b0 == 192 && b1 == 88 && b2 == 99); // 6to4 relay anycast
	}

	private static boolean allZero(byte[] a, int from, int to) {
		for (int i = from; i < to; i++) {
			if (a[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static URI resolveLocation(URI base, String location) {
		try {
			return base.resolve(new URI(location.strip()));
		}
		catch (URISyntaxException | IllegalArgumentException e) {
			throw new RefusedException("A redirect to an address that cannot be read: " + location);
		}
	}

	private static boolean sameOrigin(URI a, URI b) {
		return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
				&& a.getPort() == b.getPort();
	}

	@Override
	public void close() {
		try {
			client.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The HTTP client's own resolver: the addresses it connects to are the ones checked here. */
	private final class CheckingResolver implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			return addressesOf(host).toArray(InetAddress[]::new);
		}

		@Override
		public String resolveCanonicalHostname(String host) {
			return host;
		}
	}
}
