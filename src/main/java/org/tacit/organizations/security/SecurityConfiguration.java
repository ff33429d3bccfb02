package org.tacit.organizations.security;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.tacit.organizations.internal.AccountStore;
import org.tacit.organizations.internal.FirstStart;
import org.tacit.organizations.internal.TokenService;

/**
 * Two filter chains: {@code /api/**} authenticates only with personal API tokens (no cookies, so no
 * CSRF exposure); everything else is the browser application with form sign-in, sessions and CSRF.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	/**
	 * No tracing of each security filter: a dozen observations per request cost more than the checks they
	 * time. Requests as a whole are still measured (http.server.requests).
	 */
	@Bean
	static org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, TokenService tokens, ProblemResponses problems, Clock clock,
			TokenRateLimits limits)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, problems, clock, limits), AuthorizationFilter.class)
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((request, response, e) -> problems.unauthorized(request, response,
						"auth.required"))
				.accessDeniedHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN,
						"problem.forbidden")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, TokenService tokens, ProblemResponses problems, AccountStore accounts,
			FirstStart firstStart, Clock clock, TokenRateLimits limits) throws Exception {
		http.authorizeHttpRequests(authorize -> authorize
			.requestMatchers("/login", "/setup", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html",
					"/swagger-ui/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasAuthority(TacitUser.SITE_ADMIN)
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, e) -> response.sendRedirect(
						request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
			// machines (metrics scrapers) get 401; people, whatever their client sends, the sign-in page
			.exceptionHandling(handling -> handling
				.defaultAuthenticationEntryPointFor(
						(request, response, e) -> problems.unauthorized(request, response, "auth.required"),
						PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						AnyRequestMatcher.INSTANCE))
			// a new session id at sign-in, so an id planted before it (session fixation) is worth nothing
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID"))
			.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer))
			.addFilterAfter(new AccountStatusFilter(accounts, clock), SecurityContextHolderFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, problems, clock, limits), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new SetupGate(firstStart), AuthorizationFilter.class);
		// the Content-Security-Policy and the other security headers of every response: shared.web.SecurityHeadersFilter
		return http.build();
	}
}
