package org.tacit.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against the running test server: the API with a bearer token, or the browser
 * pages with a cookie session (sign-in form and CSRF tokens included).
 */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String base;
	private final String token;
	private final HttpClient client;

	private Http(int port, String token, boolean cookies) {
		this.base = "http://localhost:" + port;
		this.token = token;
		HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
		if (cookies) {
			builder.cookieHandler(new CookieManager());
		}
		this.client = builder.build();
	}

	/** An API client that sends {@code Authorization: Bearer <token>} (none if token is null). */
	public static Http api(int port, String token) {
		return new Http(port, token, false);
	}

	/** A browser-like client with its own cookie jar. */
	public static Http browser(int port) {
		return new Http(port, null, true);
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	/** A GET with one extra header, such as {@code HX-Request} for the fragment htmx asks for. */
	public Response getWithHeader(String path, String header, String value) {
		return send(request(path).header(header, value).GET());
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	public Response post(String path, Object body) {
		return send(json(request(path), body, "POST"));
	}

	public Response put(String path, Object body) {
		return send(json(request(path), body, "PUT"));
	}

	public Response patch(String path, Object body) {
		return send(json(request(path), body, "PATCH"));
	}

	/** Posts a body of unknown length, so it travels chunked, as streaming clients send it. */
	public Response postChunked(String path, String contentType, byte[] body) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
	}

	public Response postRaw(String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts a form as a browser does, with the CSRF token taken from the page at {@code pagePath}. */
	public Response submit(String pagePath, String action, Map<String, String> fields) {
		Response page = get(pagePath);
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + pagePath + ": " + page.status());
		}
		String form = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&", "_csrf=" + encode(csrf.group(1)) + "&", ""));
		return postRaw(action, "application/x-www-form-urlencoded", form);
	}

	/** As {@link #submit}, with fields that repeat (rows of a form), each value in order. */
	public Response submitMulti(String pagePath, String action, Map<String, String> fields,
			Map<String, String[]> repeated) {
		Response page = get(pagePath);
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + pagePath + ": " + page.status());
		}
		StringBuilder form = new StringBuilder("_csrf=" + encode(csrf.group(1)));
		fields.forEach((name, value) -> form.append('&').append(encode(name)).append('=').append(encode(value)));
		repeated.forEach((name, values) -> {
			for (String value : values) {
				form.append('&').append(encode(name)).append('=').append(encode(value));
			}
		});
		return postRaw(action, "application/x-www-form-urlencoded", form.toString());
	}

	/**
	 * A file to send in a multipart/form-data request. The name travels as {@code filename*} (RFC 5987,
	 * exactly as given, control characters included, as a hostile client could send it) and as a plain
	 * ASCII {@code filename}, which the servlet container needs to see a file.
	 */
	public record FilePart(String field, String fileName, String contentType, byte[] content) {

		public static FilePart of(String fileName, String contentType, byte[] content) {
			return new FilePart("file", fileName, contentType, content);
		}
	}

	/** Posts a multipart/form-data request of form fields and one file, as a browser or API client uploads. */
	public Response postMultipart(String path, Map<String, String> fields, FilePart file) {
		String boundary = "----tacit-test-" + java.util.UUID.randomUUID();
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, file))));
	}

	/** Posts a multipart form as a browser does, with the CSRF token taken from the page at {@code pagePath}. */
	public Response submitMultipart(String pagePath, String action, Map<String, String> fields, FilePart file) {
		Response page = get(pagePath);
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + pagePath + ": " + page.status());
		}
		Map<String, String> all = new java.util.LinkedHashMap<>();
		all.put("_csrf", csrf.group(1));
		all.putAll(fields);
		return postMultipart(action, all, file);
	}

	private static byte[] multipart(String boundary, Map<String, String> fields, FilePart file) {
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n"));
		if (file != null) {
			String ascii = file.fileName().codePoints()
				.map(c -> c < 0x20 || c >= 0x7f || c == '"' || c == '\\' ? '_' : c)
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
				.toString();
			String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
					+ ascii + "\"; filename*=UTF-8''" + encoded + "\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
			body.writeBytes(file.content());
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		return body.toByteArray();
	}

	private static void write(java.io.ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Gets a response as bytes, with all its headers: for downloads. */
	public Binary getBytes(String path) {
		try {
			HttpResponse<byte[]> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Binary(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A response as bytes; {@code headers} is case-insensitive. */
	public record Binary(int status, byte[] body, Map<String, java.util.List<String>> headers) {

		/** All values of a header. */
		public java.util.List<String> header(String name) {
			return headers.getOrDefault(name, java.util.List.of());
		}
	}

	/** Signs in through the sign-in form; returns the response of the form post. */
	public Response signIn(String email, String password) {
		return submit("/login", "/login", Map.of("email", email, "password", password));
	}

	private HttpRequest.Builder request(String path) {
		// a redirect's Location may be absolute
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpRequest.Builder json(HttpRequest.Builder builder, Object body, String method) {
		String text = body instanceof String s ? s : JSON.writeValueAsString(body);
		return builder.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(text));
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(""), response.headers().map());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** What came back; {@code headers} is case-insensitive. */
	public record Response(int status, String body, String contentType, String location,
			Map<String, java.util.List<String>> headers) {

		/** The first value of a header, or empty. */
		public String header(String name) {
			java.util.List<String> values = headers.getOrDefault(name, java.util.List.of());
			return values.isEmpty() ? "" : values.get(0);
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
		}
	}
}
