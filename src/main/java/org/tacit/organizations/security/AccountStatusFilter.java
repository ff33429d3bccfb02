package org.tacit.organizations.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tacit.organizations.internal.Account;
import org.tacit.organizations.internal.AccountStore;

/**
 * Checks a session's person against the database on every request: a deactivated account or a
 * changed security stamp (password changed or reset) ends the session at once. It also refreshes
 * the person's name and role flags, so they are never stale.
 */
class AccountStatusFilter extends OncePerRequestFilter {

	private final AccountStore accounts;
	private final Clock clock;

	AccountStatusFilter(AccountStore accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecurityContext context = SecurityContextHolder.getContext();
		if (context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof TacitUser user) {
			Account account = accounts.byId(user.personId()).orElse(null);
			if (account == null || !account.active() || !account.securityStamp().equals(user.securityStamp())) {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				SecurityContextHolder.clearContext();
			}
			else {
				TacitUser fresh = AccountUserDetailsService.from(account, clock);
				fresh.eraseCredentials();
				SecurityContext refreshed = SecurityContextHolder.createEmptyContext();
				refreshed.setAuthentication(
						UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
				SecurityContextHolder.setContext(refreshed);
			}
		}
		chain.doFilter(request, response);
	}
}
