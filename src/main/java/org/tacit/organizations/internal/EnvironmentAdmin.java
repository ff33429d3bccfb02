package org.tacit.organizations.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/**
 * Creates the site administrator named by TACIT_ADMIN_EMAIL and friends when the database is empty.
 * It runs once every bean exists and before the web server takes requests, so the setup page is
 * never reachable in between.
 */
@Component
class EnvironmentAdmin implements SmartInitializingSingleton {

	private final FirstStart firstStart;
	private final Texts texts;
	private final String email;
	private final String password;
	private final String token;

	EnvironmentAdmin(FirstStart firstStart, Texts texts, @Value("${tacit.admin.email:}") String email,
			@Value("${tacit.admin.password:}") String password, @Value("${tacit.admin.token:}") String token) {
		this.firstStart = firstStart;
		this.texts = texts;
		this.email = email;
		this.password = password;
		this.token = token;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			firstStart.fromEnvironment(email, password, token);
		}
		catch (ProblemException e) {
			String why = e.fields()
				.stream()
				.map(f -> "TACIT_ADMIN_" + f.field().toUpperCase(java.util.Locale.ROOT) + ": "
						+ texts.get(f.messageKey(), f.arguments()))
				.collect(java.util.stream.Collectors.joining("; "));
			throw new IllegalStateException("Cannot create the administrator from the environment: "
					+ (why.isEmpty() ? texts.get(e.messageKey(), e.arguments()) : why), e);
		}
	}
}
