package org.tacit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.tacit.organizations.Role;
import org.tacit.security.MatrixFixture.Call;
import org.tacit.security.MatrixFixture.Caller;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;

/**
 * Every endpoint of the application, found in Spring's handler mappings (controllers, the API document
 * and actuator), called by anonymous callers, by members of every role of the organization in the path
 * and of another organization, and by a site administrator, on records that exist and records that do
 * not. Each answer must be what {@link Endpoints} declares: success only for those the declaration lets
 * in, 401 or the sign-in page for anonymous callers, 404 for another organization's records and for
 * records that do not exist, 403 (or 404 for hidden records) for roles that are too low.
 *
 * <p>What every caller got is written to {@code target/permission-matrix.txt}, for review.
 */
@TacitTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTests {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	MatrixFixture fixture;
	List<Endpoint> endpoints;

	/** One method on one path pattern, as Spring maps it, with the controller method that serves it. */
	record Endpoint(String method, String pattern, HandlerMethod handler) {

		/** Whether the handler reads {@code page} and {@code size}: a list. */
		boolean paged() {
			return java.util.Arrays.stream(handler.getMethodParameters())
				.anyMatch(p -> p.getParameterType().equals(org.tacit.shared.Paging.class));
		}

		/** Whether the handler answers a collection (a list of JSON records). */
		boolean answersCollection() {
			Class<?> type = handler.getReturnType().getParameterType();
			return java.util.Collection.class.isAssignableFrom(type) || type.isArray() && type != byte[].class
					|| type.equals(org.tacit.shared.Page.class);
		}

		/** The pattern with the declared query string: what is filled and sent. */
		String template(Access access) {
			String path = pattern.endsWith("/**") ? pattern.substring(0, pattern.length() - 2) + "{**}" : pattern;
			return access.query().isEmpty() ? path : path + "?" + access.query();
		}

		String key() {
			return method + " " + pattern;
		}

		boolean api() {
			return pattern.startsWith("/api/");
		}

		/** The path variables other than the organization: the records the call is about. */
		List<String> recordVariables(Access access) {
			List<String> names = new ArrayList<>();
			Matcher m = VARIABLE.matcher(template(access));
			while (m.find()) {
				if (!m.group(1).equals("org") && !m.group(1).equals("**") && m.group(2) == null) {
					names.add(m.group(1));
				}
			}
			return names;
		}

		boolean hasOrg(Access access) {
			return template(access).contains("{org}");
		}
	}

	@BeforeAll
	void setUp() {
		fixture = new MatrixFixture(context, port);
		endpoints = enumerate(context);
	}

	/** Every (method, path) of every request-mapping handler mapping; a regex alternative is one path each. */
	static List<Endpoint> enumerate(ApplicationContext context) {
		Map<String, Endpoint> found = new TreeMap<>();
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			mapping.getHandlerMethods().forEach((info, handler) -> {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					for (String path : expandAlternatives(pattern)) {
						if (methods.isEmpty()) {
							found.putIfAbsent("GET " + path, new Endpoint("GET", path, handler));
						}
						methods.forEach(method -> found.putIfAbsent(method.name() + " " + path,
								new Endpoint(method.name(), path, handler)));
					}
				}
			});
		}
		return List.copyOf(found.values());
	}

	/** {@code /x/{action:a|b}} is two endpoints, {@code /x/a} and {@code /x/b}. */
	static List<String> expandAlternatives(String pattern) {
		Matcher m = VARIABLE.matcher(pattern);
		while (m.find()) {
			if (m.group(2) != null && m.group(2).matches("[\\w-]+(\\|[\\w-]+)*")) {
				List<String> paths = new ArrayList<>();
				for (String alternative : m.group(2).split("\\|")) {
					paths.addAll(expandAlternatives(pattern.substring(0, m.start()) + alternative + pattern.substring(m.end())));
				}
				return paths;
			}
		}
		return List.of(pattern);
	}

	@Test
	void everyEndpointIsDeclared() {
		Set<String> undeclared = new TreeSet<>();
		endpoints.forEach(endpoint -> {
			if (!Endpoints.DECLARED.containsKey(endpoint.key())) {
				undeclared.add(endpoint.key());
			}
		});
		Set<String> stale = new TreeSet<>(Endpoints.DECLARED.keySet());
		endpoints.forEach(endpoint -> stale.remove(endpoint.key()));
		assertThat(undeclared).as("endpoints without a declaration in Endpoints.DECLARED (docs/security.md tells how)")
			.isEmpty();
		assertThat(stale).as("declarations of endpoints that do not exist (any more)").isEmpty();
	}

	@Test
	void everyCallerGetsWhatTheDeclarationSays() throws IOException {
		List<String> wrong = new ArrayList<>();
		Map<String, String> report = new TreeMap<>();
		for (Endpoint endpoint : endpoints) {
			Access access = Endpoints.DECLARED.get(endpoint.key());
			if (access == null) {
				continue; // everyEndpointIsDeclared names it
			}
			StringBuilder line = new StringBuilder(access.toString()).append(" |");
			for (Caller caller : fixture.callers) {
				Expected expected = expected(access, caller);
				boolean fresh = access.ownRecords() && expected == Expected.SUCCESS;
				String path = fill(endpoint, access, caller, fresh, Set.of());
				Http.Response response = send(endpoint, access, caller, path);
				line.append(' ').append(shortName(caller)).append('=').append(response.status());
				String missingHeaders = SecurityHeaders.missing(response);
				if (!missingHeaders.isEmpty()) {
					wrong.add(endpoint.key() + " as " + caller + ": security headers missing or wrong: " + missingHeaders);
				}
				if (!expected.accepts(response)) {
					wrong.add(endpoint.key() + " as " + caller + ": expected " + expected + ", got " + brief(response));
				}
			}
			report.put(endpoint.key(), line.toString());
		}
		write(report);
		assertThat(wrong).as("answers that differ from Endpoints.DECLARED").isEmpty();
	}

	@Test
	void recordsThatDoNotExistAnswerNotFound() {
		List<String> wrong = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			Access access = Endpoints.DECLARED.get(endpoint.key());
			if (access == null || access.who() == Access.Who.PUBLIC || access.who() == Access.Who.ERROR_PAGE) {
				continue;
			}
			// the strongest callers the endpoint lets in: a site administrator, and the organization's administrator
			List<Caller> strongest = fixture.callers.stream()
				.filter(c -> c.siteAdmin() || c.sameOrg() && c.role() == Role.ADMIN)
				.filter(c -> expected(access, c) == Expected.SUCCESS)
				.toList();
			List<Set<String>> variants = new ArrayList<>();
			if (!endpoint.recordVariables(access).isEmpty()) {
				variants.add(Set.copyOf(endpoint.recordVariables(access)));
			}
			if (endpoint.hasOrg(access)) {
				variants.add(Set.of("org"));
			}
			for (Set<String> missing : variants) {
				for (Caller caller : strongest) {
					Http.Response response = send(endpoint, access, caller, fill(endpoint, access, caller, false, missing));
					if (response.status() != 404) {
						wrong.add(endpoint.key() + " without " + missing + " as " + caller + ": " + brief(response));
					}
				}
			}
		}
		assertThat(wrong).as("calls on records that do not exist must answer 404").isEmpty();
	}

	@Test
	void everyListRefusesMoreThanItsMaximumSize() {
		List<String> wrong = new ArrayList<>();
		Caller siteAdmin = fixture.callers.stream().filter(Caller::siteAdmin).findFirst().orElseThrow();
		for (Endpoint endpoint : endpoints) {
			Access access = Endpoints.DECLARED.get(endpoint.key());
			if (access == null || !endpoint.method().equals("GET")) {
				continue;
			}
			if (!endpoint.paged()) {
				if (endpoint.answersCollection() && !Endpoints.UNPAGED.containsKey(endpoint.key())) {
					wrong.add(endpoint.key() + " answers a list without paging: page it, or say in Endpoints.UNPAGED "
							+ "what bounds it");
				}
				continue;
			}
			String path = fill(endpoint, access, siteAdmin, false, Set.of());
			String join = path.contains("?") ? "&" : "?";
			for (String parameter : List.of("size", "limit")) {
				Http.Response tooMany = send(endpoint, access, siteAdmin, path + join + parameter + "=101");
				if (tooMany.status() != 400 || !tooMany.body().contains(parameter)) {
					wrong.add(endpoint.key() + " with " + parameter + "=101: " + brief(tooMany));
				}
				Http.Response most = send(endpoint, access, siteAdmin, path + join + parameter + "=100");
				if (most.status() >= 300) {
					wrong.add(endpoint.key() + " with " + parameter + "=100: " + brief(most));
				}
			}
		}
		assertThat(wrong).as("lists must refuse more than 100 entries a page (size or limit) with 400").isEmpty();
	}

	enum Outcome {
		SUCCESS, SIGN_IN, FORBIDDEN, NOT_FOUND, FAILED;

		static Outcome of(Http.Response response) {
			int status = response.status();
			if (status == 401 || status == 302 && response.location().matches(".*/login(\\?.*)?$")) {
				return SIGN_IN;
			}
			if (status == 403) {
				return FORBIDDEN;
			}
			if (status == 404) {
				return NOT_FOUND;
			}
			// an allowed caller may still send a body the endpoint refuses: it got past the permission checks
			if (status < 400 || status == 400 || status == 409 || status == 413 || status == 415) {
				return SUCCESS;
			}
			return FAILED;
		}
	}

	enum Expected {
		SUCCESS, SIGN_IN, FORBIDDEN, NOT_FOUND, ERROR,
		/** A public page may also send people to sign in (the setup page, once the installation is set up). */
		PUBLIC;

		boolean accepts(Http.Response response) {
			if (this == PUBLIC) {
				Outcome outcome = Outcome.of(response);
				return outcome == Outcome.SUCCESS || outcome == Outcome.SIGN_IN && response.status() == 302;
			}
			if (this == ERROR) {
				return response.status() >= 400 && !response.body().contains("Exception")
						&& !response.body().contains("\tat ");
			}
			return Outcome.of(response).name().equals(name());
		}
	}

	static Expected expected(Access access, Caller caller) {
		if (access.who() == Access.Who.ERROR_PAGE) {
			return Expected.ERROR;
		}
		if (caller.anonymous()) {
			return access.who() == Access.Who.PUBLIC ? Expected.PUBLIC : Expected.SIGN_IN;
		}
		return switch (access.who()) {
			case PUBLIC -> Expected.PUBLIC;
			case SIGNED_IN -> Expected.SUCCESS;
			case ERROR_PAGE -> Expected.ERROR;
			case SITE_ADMIN -> caller.siteAdmin() ? Expected.SUCCESS : Expected.FORBIDDEN;
			case MEMBER -> {
				if (caller.siteAdmin()) {
					yield Expected.SUCCESS;
				}
				if (!caller.sameOrg()) {
					yield Expected.NOT_FOUND;
				}
				if (access.allows(caller.role(), false)) {
					yield Expected.SUCCESS;
				}
				yield access.hiddenFromLesser() ? Expected.NOT_FOUND : Expected.FORBIDDEN;
			}
		};
	}

	/** The path with its variables filled from the fixture; those in {@code missing} name nothing. */
	String fill(Endpoint endpoint, Access access, Caller caller, boolean fresh, Set<String> missing) {
		String template = endpoint.template(access);
		Call call = new Call(caller, endpoint.pattern(), fresh, new HashMap<>());
		Matcher m = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			String value;
			if (missing.contains(name)) {
				value = MatrixFixture.missing(name);
			}
			else {
				String before = template.substring(0, m.start());
				String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1) + "{" + name + "}";
				MatrixFixture.Filler filler = MatrixFixture.FILLERS.getOrDefault(segment,
						MatrixFixture.FILLERS.get(name));
				if (filler == null) {
					throw new IllegalStateException("No value for the path variable {" + name + "} of " + endpoint.key()
							+ ": add a filler to MatrixFixture.FILLERS");
				}
				value = filler.fill(fixture, call);
			}
			m.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		m.appendTail(path);
		return path.toString();
	}

	private static Http.Response send(Endpoint endpoint, Access access, Caller caller, String path) {
		if (endpoint.api()) {
			Http api = caller.api();
			return switch (endpoint.method()) {
				case "GET" -> api.get(path);
				case "POST" -> api.post(path, access.body());
				case "PUT" -> api.put(path, access.body());
				case "PATCH" -> api.patch(path, access.body());
				case "DELETE" -> api.delete(path);
				default -> throw new IllegalStateException("No way to call " + endpoint.key());
			};
		}
		Http browser = caller.browser();
		return switch (endpoint.method()) {
			case "GET" -> browser.get(path);
			case "POST" -> browser.postRaw(path, "application/x-www-form-urlencoded",
					"_csrf=" + java.net.URLEncoder.encode(caller.csrf(), java.nio.charset.StandardCharsets.UTF_8));
			default -> throw new IllegalStateException("No way to call " + endpoint.key());
		};
	}

	private static String brief(Http.Response response) {
		String body = response.body().replaceAll("\\s+", " ");
		int main = body.indexOf("<main");
		body = main >= 0 ? body.substring(main) : body;
		return response.status() + (response.location().isEmpty() ? "" : " to " + response.location()) + " "
				+ body.substring(0, Math.min(160, body.length()));
	}

	private static String shortName(Caller caller) {
		if (caller.anonymous()) {
			return "anon";
		}
		if (caller.role() == null) {
			return "site";
		}
		return (caller.sameOrg() ? "" : "other-") + caller.role().name().toLowerCase().replace("knowledge_manager", "km");
	}

	private static void write(Map<String, String> report) throws IOException {
		Path file = Path.of("target", "permission-matrix.txt");
		Files.createDirectories(file.getParent());
		StringBuilder text = new StringBuilder();
		report.forEach((key, line) -> text.append(key).append(" | ").append(line).append('\n'));
		Files.writeString(file, text);
	}
}
