package org.tacit.security;

import java.util.ArrayList;
import java.util.List;

import org.tacit.support.Http;

/** The security headers every response must carry (docs/security.md, "Headers"). */
final class SecurityHeaders {

	private SecurityHeaders() {
	}

	/** What is missing or wrong in the response's security headers; empty when they are all right. */
	static String missing(Http.Response response) {
		List<String> wrong = new ArrayList<>();
		expect(wrong, response, "X-Content-Type-Options", "nosniff");
		expect(wrong, response, "X-Frame-Options", "DENY");
		expect(wrong, response, "Referrer-Policy", "same-origin");
		expect(wrong, response, "Permissions-Policy", "camera=()");
		String csp = response.header("Content-Security-Policy");
		if (!csp.contains("frame-ancestors 'none'") || !csp.contains("object-src 'none'") && !csp.startsWith("default-src 'none'")
				|| csp.contains("unsafe-eval")) {
			wrong.add("Content-Security-Policy=" + csp);
		}
		if (!csp.contains("script-src 'self'") && !csp.startsWith("default-src 'none'")) {
			wrong.add("script-src of " + csp);
		}
		return String.join(", ", wrong);
	}

	private static void expect(List<String> wrong, Http.Response response, String header, String contains) {
		if (!response.header(header).contains(contains)) {
			wrong.add(header + "=" + response.header(header));
		}
	}
}
