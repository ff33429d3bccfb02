package org.tacit.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.organizations.internal.Account;
import org.tacit.organizations.internal.FirstStart;
import org.tacit.organizations.internal.PeopleService;
import org.tacit.organizations.internal.TokenService;

/**
 * Makes people and organizations for a test, each with unique names, so tests sharing one database
 * never see each other's records. Site administrators are made directly (as first start does);
 * everything else goes through the REST API, as a client would.
 */
public final class TestData {

	public static final String PASSWORD = "correct horse battery";

	private final int port;
	private final PeopleService people;
	private final TokenService tokens;
	private final JdbcClient jdbc;
	private final FirstStart firstStart;

	public TestData(ApplicationContext context, int port) {
		this.port = port;
		this.people = context.getBean(PeopleService.class);
		this.tokens = context.getBean(TokenService.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.firstStart = context.getBean(FirstStart.class);
		installed();
	}

	/**
	 * Makes sure the installation counts as set up, so the browser pages are not sent to the first-start
	 * setup: a fresh test database has no site administrator from the environment.
	 */
	public void installed() {
		if (jdbc.sql("SELECT COUNT(*) FROM organizations_installation").query(Long.class).single() == 0) {
			jdbc.sql("INSERT INTO organizations_installation (id, completed_at) VALUES (1, ?)")
				.param(OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}
		firstStart.reset();
	}

	/** A person with an API token. */
	public record Person(UUID id, String email, String token) {
	}

	/** An organization with its administrator. */
	public record Org(String slug, UUID id, Person admin) {
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public Person siteAdmin() {
		Account account = people.createAccount(unique("site") + "@example.org", "Site Admin", PASSWORD, true);
		return new Person(account.id().value(), account.email(),
				tokens.create(account.id(), "tests", null).token());
	}

	/** A new organization created through the API by a new site administrator, who becomes its administrator. */
	public Org org() {
		Person admin = siteAdmin();
		String slug = unique("org");
		Http.Response created = Http.api(port, admin.token()).post("/api/v1/orgs", Map.of("name", "Org " + slug, "slug", slug));
		if (created.status() != 201) {
			throw new IllegalStateException("Could not create an organization: " + created);
		}
		return new Org(slug, UUID.fromString(created.json().get("id").asString()), admin);
	}

	/** A new person added to the organization with this role, with their own API token. */
	public Person member(Org org, String role) {
		String email = unique(role.toLowerCase()) + "@example.org";
		Http.Response added = Http.api(port, org.admin().token())
			.post("/api/v1/orgs/" + org.slug() + "/members",
					Map.of("person", email, "role", role, "name", "Person " + email, "password", PASSWORD));
		if (added.status() != 201) {
			throw new IllegalStateException("Could not add a member: " + added);
		}
		UUID id = UUID.fromString(added.json().get("id").asString());
		return new Person(id, email, tokens.create(new org.tacit.organizations.PersonId(id), "tests", null).token());
	}
}
