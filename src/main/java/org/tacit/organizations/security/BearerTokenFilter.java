package org.tacit.organizations.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

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
 * rather than treating the call as anonymous. Token use is rate limited ({@link TokenRateLimits}): 429
 * with {@code Retry-After}.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	static final String PREFIX = "Bearer ";

	private final TokenService tokens;
	private final ProblemResponses problems;
	private final Clock clock;
	private final TokenRateLimits limits;

	BearerTokenFilter(TokenService tokens, ProblemResponses problems, Clock clock, TokenRateLimits limits) {
		this.tokens = tokens;
		this.problems = problems;
		this.clock = clock;
		this.limits = limits;
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
		String address = request.getRemoteAddr();
		Optional<Duration> blocked = limits.blockedAddress(address);
		if (blocked.isPresent()) {
			problems.tooManyRequests(request, response, blocked.get(), "auth.token.tooManyFailures");
			return;
		}
		String token = request.getHeader("Authorization").substring(PREFIX.length()).strip();
		Account account = tokens.authenticate(token).orElse(null);
		if (account == null) {
			limits.failed(address);
			problems.unauthorized(request, response, "auth.token.invalid");
			return;
		}
		Optional<Duration> wait = limits.use(token);
		if (wait.isPresent()) {
			problems.tooManyRequests(request, response, wait.get(), "auth.token.tooManyRequests");
			return;
		}
		TacitUser user = AccountUserDetailsService.from(account, clock);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}
}
