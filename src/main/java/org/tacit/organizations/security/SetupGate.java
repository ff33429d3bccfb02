package org.tacit.organizations.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.tacit.organizations.internal.FirstStart;

/** Sends every page to /setup until the installation has its first administrator. */
class SetupGate extends OncePerRequestFilter {

	private final FirstStart firstStart;

	SetupGate(FirstStart firstStart) {
		this.firstStart = firstStart;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/setup") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/webjars/") || path.startsWith("/actuator/") || path.startsWith("/api/")
				|| path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui") || path.equals("/error")
				|| path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (firstStart.needed()) {
			response.sendRedirect(request.getContextPath() + "/setup");
			return;
		}
		chain.doFilter(request, response);
	}
}
