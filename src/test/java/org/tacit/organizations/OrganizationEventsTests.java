package org.tacit.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.tacit.organizations.internal.Account;
import org.tacit.organizations.internal.OrganizationService;
import org.tacit.organizations.internal.PeopleService;
import org.tacit.organizations.security.TacitUser;
import org.tacit.support.TestData;

/**
 * The organizations module on its own: its events go through Spring Modulith's JDBC publication
 * registry, so an event whose listener has not finished is still in the database after a crash.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class OrganizationEventsTests {

	@Autowired
	OrganizationService organizations;

	@Autowired
	PeopleService people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Listener listener;

	@BeforeEach
	void signInAsSiteAdministrator() {
		Account account = people.createAccount(TestData.unique("events") + "@example.org", "Events", TestData.PASSWORD,
				true);
		TacitUser user = new TacitUser(account.id(), account.email(), account.name(), true, account.securityStamp(),
				true, false, null);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void creatingAnOrganizationPublishesAnEventThatIsStoredUntilHandled(Scenario scenario) {
		String slug = TestData.unique("evt");

		scenario.stimulate(() -> organizations.create("Evented", slug))
			.andWaitForStateChange(() -> completed(slug), done -> done)
			.andVerify(done -> assertThat(listener.received()).filteredOn(event -> event.slug().equals(slug))
				.singleElement()
				.satisfies(event -> assertThat(event.demo()).isFalse()));
	}

	@Test
	void anEventWhoseListenerFailsStaysInTheRegistry(Scenario scenario) {
		String slug = TestData.unique("fails");

		scenario.stimulate(() -> organizations.create("Will fail " + Listener.FAIL, slug))
			.andWaitForStateChange(() -> stored(slug), stored -> stored)
			.andVerify(stored -> assertThat(completed(slug)).isFalse());
	}

	private boolean stored(String slug) {
		return count(slug, "") > 0;
	}

	private boolean completed(String slug) {
		return count(slug, " AND completion_date IS NOT NULL") > 0;
	}

	private long count(String slug, String condition) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type = ? AND serialized_event LIKE ?"
				+ condition)
			.params(OrganizationCreated.class.getName(), "%" + slug + "%")
			.query(Long.class)
			.single();
	}

	@TestConfiguration
	static class ListenerConfiguration {

		@Bean
		Listener listener(OrganizationService organizations) {
			return new Listener(organizations);
		}
	}

	/** Stands for a later module that reacts to new organizations. */
	static class Listener {

		static final String FAIL = "[fail]";
		private final List<OrganizationCreated> received = new CopyOnWriteArrayList<>();
		private final OrganizationService organizations;

		Listener(OrganizationService organizations) {
			this.organizations = organizations;
		}

		/** A method, not the field: the bean is a proxy (the listener runs asynchronously). */
		List<OrganizationCreated> received() {
			return received;
		}

		@ApplicationModuleListener
		void on(OrganizationCreated event) {
			if (event.slug().startsWith("fails-")) {
				throw new IllegalStateException("listener failure on purpose " + FAIL);
			}
			received.add(event);
		}
	}
}
