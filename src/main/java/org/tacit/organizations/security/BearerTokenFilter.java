package org.tacit.organizations.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tacit.organizations.internal.Account;
import org.tacit.organizations.internal.TokenService;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal API token. A presented token
 * that is unknown, revoked, expired or belongs to a deactivated person is refused with 401 at once,
 * rather than treating the call as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String PREFIX = "Bearer ";

	private final TokenService tokens;
	private final ProblemResponses problems;
	private final Clock clock;

	BearerTokenFilter(TokenService tokens, ProblemResponses problems, Clock clock) {
		this.tokens = tokens;
		this.problems = problems;
		this.clock = clock;
	}

	static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBearer(request)) {
			chain.doFilter(request, response);
			return;
		}
		String token = request.getHeader("Authorization").substring(PREFIX.length()).strip();
		Account account = tokens.authenticate(token).orElse(null);
		if (account == null) {
			problems.unauthorized(request, response, "auth.token.invalid");
			return;
		}
		TacitUser user = AccountUserDetailsService.from(account, clock);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
