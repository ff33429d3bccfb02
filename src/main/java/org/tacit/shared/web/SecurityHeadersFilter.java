package org.tacit.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every response, set before anything else runs, so that answers written by
 * filters (a refused body, a refused token, a rate limit) carry them too. A handler may add a stricter
 * policy of its own (attachment downloads add a sandbox); browsers enforce every policy they get.
 * HSTS is left to the TLS-terminating proxy (docs/security.md).
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

	/** Pages: only our own scripts and styles, no plugins, no framing, forms only to us. */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	/** The API and actuator answer data, never documents: nothing may load or run. */
	static final String DATA_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
	/** The third-party API browser needs inline styles; scripts stay our own. */
	static final String API_BROWSER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
			+ "display-capture=(), browsing-topics=()";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		response.setHeader("Content-Security-Policy", policyOf(path));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		chain.doFilter(request, response);
	}

	static String policyOf(String path) {
		if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs")) {
			return DATA_POLICY;
		}
		if (path.startsWith("/swagger-ui")) {
			return API_BROWSER_POLICY;
		}
		return PAGE_POLICY;
	}
}
