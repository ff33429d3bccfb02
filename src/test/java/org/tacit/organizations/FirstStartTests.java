package org.tacit.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tacit.organizations.internal.FirstStart;
import org.tacit.support.Http;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/**
 * First start from the environment (TACIT_ADMIN_EMAIL, TACIT_ADMIN_PASSWORD, TACIT_ADMIN_TOKEN). The
 * shared test database is set up already, so each test forgets the installation first; the setup
 * page itself is covered by FirstStartBrowserTests.
 */
@TacitTest
class FirstStartTests {

	@LocalServerPort
	int port;

	@Autowired
	FirstStart firstStart;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void forgetInstallation() {
		jdbc.sql("DELETE FROM organizations_installation").update();
		firstStart.reset();
	}

	@AfterEach
	void installed() {
		if (firstStart.needed()) {
			jdbc.sql("INSERT INTO organizations_installation (id, completed_at) VALUES (1, CURRENT_TIMESTAMP)").update();
		}
	}

	@Test
	void environmentCreatesTheSiteAdministratorWithTheGivenToken() {
		String email = TestData.unique("ops") + "@example.org";
		String token = "automation-token-" + TestData.unique("0123456789abcdef");

		assertThat(Http.browser(port).get("/login").location()).endsWith("/setup");
		firstStart.fromEnvironment(email, "operator password", token);

		Http.Response me = Http.api(port, token).get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("email").asString()).isEqualTo(email);
		assertThat(me.json().get("siteAdmin").asBoolean()).isTrue();
		assertThat(firstStart.needed()).isFalse();
		assertThat(Http.browser(port).get("/setup").location()).endsWith("/login");
		assertThat(Http.browser(port).signIn(email, "operator password").location()).doesNotContain("error");
	}

	@Test
	void anInstalledTacitIgnoresTheEnvironment() {
		String first = TestData.unique("first") + "@example.org";
		String second = TestData.unique("second") + "@example.org";
		firstStart.fromEnvironment(first, "operator password", null);

		firstStart.fromEnvironment(second, "operator password", null);

		assertThat(Http.browser(port).signIn(second, "operator password").location()).endsWith("/login?error");
	}

	@Test
	void aShortTokenStopsTheStartWithAClearMessage() {
		assertThatThrownBy(() -> firstStart.fromEnvironment(TestData.unique("x") + "@example.org", "operator password",
				"too-short"))
			.hasMessageContaining("TACIT_ADMIN_TOKEN")
			.hasMessageContaining("32");
		assertThat(firstStart.needed()).isTrue();
	}
}
