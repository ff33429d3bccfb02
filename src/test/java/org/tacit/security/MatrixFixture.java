package org.tacit.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.tacit.organizations.PersonId;
import org.tacit.organizations.Role;
import org.tacit.organizations.internal.TokenService;
import org.tacit.support.Http;
import org.tacit.support.TestData;

/**
 * The records the permission matrix calls every endpoint on, made once for the whole matrix: two
 * organizations with a member of every role each, a site administrator who belongs to neither, and in
 * the first organization an organization-wide space with a published checklist (owned by the
 * administrator) that has an attachment, a comment and a run.
 *
 * <p>Path variables are filled by name (and, for {@code {id}}, by the path segment before it). A new
 * module with a new path variable adds its filler to {@link #FILLERS}: a function from this fixture and
 * whether the call needs records of its own ({@link Access#fresh()}) to the value.
 */
final class MatrixFixture {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	/** Someone calling: a member of one of the organizations with a role, a site administrator, or nobody. */
	record Caller(String name, Role role, boolean sameOrg, boolean siteAdmin, TestData.Person person, Http api,
			Http browser, String csrf) {

		boolean anonymous() {
			return person == null;
		}

		@Override
		public String toString() {
			return name;
		}
	}

	final int port;
	final TestData data;
	final TestData.Org org;
	final TestData.Org other;
	/** The organization's administrator, with several tokens taken in turn: the fixture makes many records. */
	private final List<Http> adminTokens = new ArrayList<>();
	private int nextAdmin;
	final String base;
	final String space = "MX";
	final String item;
	final String attachment;
	final String comment;
	final String run;
	final TestData.Person spaceMember;
	final TestData.Person target;
	final List<Caller> callers = new ArrayList<>();
	private final TokenService tokens;

	MatrixFixture(ApplicationContext context, int port) {
		this.port = port;
		this.data = new TestData(context, port);
		this.tokens = context.getBean(TokenService.class);
		this.org = data.org();
		this.other = data.org();
		adminTokens.add(Http.api(port, org.admin().token()));
		for (int i = 0; i < 3; i++) {
			adminTokens.add(Http.api(port, tokens.create(new PersonId(org.admin().id()), "matrix", null).token()));
		}
		this.base = "/api/v1/orgs/" + org.slug();
		check(admin().post(base + "/spaces", Map.of("key", space, "name", "Matrix")), 201);
		this.item = newItem();
		this.attachment = newAttachment(item);
		this.comment = newComment(item);
		this.run = newRun(item);
		this.spaceMember = newSpaceMember();
		this.target = data.member(org, "VIEWER");

		Http anonymous = Http.browser(port);
		callers.add(new Caller("anonymous", null, false, false, null, Http.api(port, null), anonymous,
				csrfOf(anonymous, "/login")));
		for (Role role : Role.values()) {
			callers.add(caller(role.name() + " of the organization", org, role, true));
		}
		for (Role role : Role.values()) {
			callers.add(caller(role.name() + " of another organization", other, role, false));
		}
		TestData.Person siteAdmin = data.siteAdmin();
		callers.add(signedIn("site administrator (no member)", siteAdmin, null, true, true));
	}

	/** The organization's administrator's API client (several tokens in turn). */
	Http admin() {
		return adminTokens.get(nextAdmin++ % adminTokens.size());
	}

	private final Map<String, String> shared = new java.util.HashMap<>();

	/**
	 * A record that every call shares, made on first use: a module's fixture record (a lesson, a
	 * community, ...) is made by {@code make} once, with the administrator's API client.
	 */
	String once(String name, java.util.function.Supplier<String> make) {
		return shared.computeIfAbsent(name, k -> make.get());
	}

	private Caller caller(String name, TestData.Org of, Role role, boolean sameOrg) {
		return signedIn(name, data.member(of, role.name()), role, sameOrg, false);
	}

	private Caller signedIn(String name, TestData.Person person, Role role, boolean sameOrg, boolean siteAdmin) {
		Http browser = Http.browser(port);
		Http.Response signedIn = browser.signIn(person.email(), TestData.PASSWORD);
		if (signedIn.status() != 302 || signedIn.location().contains("error")) {
			throw new IllegalStateException("Could not sign in " + name + ": " + signedIn);
		}
		return new Caller(name, role, sameOrg, siteAdmin, person, Http.api(port, person.token()), browser,
				csrfOf(browser, "/account"));
	}

	private static String csrfOf(Http browser, String page) {
		Matcher csrf = CSRF.matcher(browser.get(page).body());
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on " + page);
		}
		return csrf.group(1);
	}

	String newItem() {
		Http.Response created = admin().post(base + "/items", Map.of("space", space, "kind", "CHECKLIST", "title",
				"Matrix checklist " + UUID.randomUUID(), "body", "- [ ] first step\n- [ ] second step\n"));
		check(created, 201);
		String id = created.json().get("id").asString();
		check(admin().post(base + "/items/" + id + "/transitions", Map.of("to", "IN_REVIEW")), 200);
		check(admin().post(base + "/items/" + id + "/transitions", Map.of("to", "PUBLISHED")), 200);
		return id;
	}

	String newAttachment(String itemId) {
		Http.Response uploaded = admin().postMultipart(base + "/items/" + itemId + "/attachments", Map.of(),
				Http.FilePart.of("notes.txt", "text/plain", "matrix notes".getBytes(StandardCharsets.UTF_8)));
		check(uploaded, 201);
		return uploaded.json().get("id").asString();
	}

	String newComment(String itemId) {
		Http.Response created = admin().post(base + "/items/" + itemId + "/comments", Map.of("body", "A comment"));
		check(created, 201);
		return created.json().get("id").asString();
	}

	String newRun(String itemId) {
		Http.Response started = admin().post(base + "/items/" + itemId + "/runs", Map.of("title", "Matrix run"));
		check(started, 201);
		return started.json().get("id").asString();
	}

	TestData.Person newSpaceMember() {
		TestData.Person person = data.member(org, "VIEWER");
		check(admin().put(base + "/spaces/" + space + "/members/" + person.id(), Map.of("role", "CONTRIBUTOR")), 204);
		return person;
	}

	String newToken(Caller caller) {
		if (caller.anonymous()) {
			return UUID.randomUUID().toString();
		}
		return tokens.create(new PersonId(caller.person().id()), "matrix", null).info().id().toString();
	}

	/** The value of a path variable for a call; {@code fresh}: records of its own for this call. */
	interface Filler {
		String fill(MatrixFixture fixture, Call call);
	}

	/** One call being prepared: who calls, the path pattern, and whether its records must be its own. */
	record Call(Caller caller, String pattern, boolean fresh, Map<String, String> filled) {

		/** The item of this call: the fixture's, or a new one when the call needs its own. */
		String item(MatrixFixture fixture) {
			return filled.computeIfAbsent("{item}", k -> fresh ? fixture.newItem() : fixture.item);
		}
	}

	static final Map<String, Filler> FILLERS = new LinkedHashMap<>();

	/** Registers how a path variable (or "segment/{variable}") is filled; for the modules' endpoint files. */
	static void filler(String variable, Filler filler) {
		if (FILLERS.put(variable, filler) != null) {
			throw new IllegalStateException("Two fillers for " + variable);
		}
	}

	static void simple(String variable, BiFunction<MatrixFixture, Boolean, String> byFreshness) {
		filler(variable, (fixture, call) -> byFreshness.apply(fixture, call.fresh()));
	}

	static {
		simple("org", (f, fresh) -> f.org.slug());
		simple("key", (f, fresh) -> f.space);
		simple("version", (f, fresh) -> "1");
		simple("n", (f, fresh) -> "1");
		simple("person", (f, fresh) -> (fresh ? f.newSpaceMember() : f.spaceMember).id().toString());
		filler("attachmentId", (f, call) -> call.fresh() ? f.newAttachment(call.item(f)) : f.attachment);
		filler("commentId", (f, call) -> call.fresh() ? f.newComment(call.item(f)) : f.comment);
		filler("runId", (f, call) -> call.fresh() ? f.newRun(call.item(f)) : f.run);
		// {id} names the record of the path segment before it
		filler("items/{id}", (f, call) -> call.item(f));
		simple("members/{id}", (f, fresh) -> (fresh ? f.data.member(f.org, "VIEWER") : f.target).id().toString());
		filler("tokens/{id}", (f, call) -> f.newToken(call.caller()));
		simple("requiredMetricName", (f, fresh) -> "jvm.memory.used");
		simple("**", (f, fresh) -> "liveness");
	}

	/** What a path variable is, for a record that does not exist: unknown ids, keys and version numbers. */
	static String missing(String variable) {
		return switch (variable) {
			case "org" -> "no-such-org";
			case "key" -> "NOSUCH";
			case "version", "n" -> "9999";
			default -> UUID.randomUUID().toString();
		};
	}

	static void check(Http.Response response, int expected) {
		if (response.status() != expected) {
			throw new IllegalStateException("Expected " + expected + ": " + response);
		}
	}
}
