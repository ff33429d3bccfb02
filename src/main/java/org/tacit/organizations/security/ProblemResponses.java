package org.tacit.organizations.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.tacit.shared.Texts;

import tools.jackson.databind.json.JsonMapper;

/** problem+json answers written before a controller runs (401 and 403 from the security filters). */
@Component
class ProblemResponses {

	private final Texts texts;
	private final JsonMapper json;

	ProblemResponses(Texts texts, JsonMapper json) {
		this.texts = texts;
		this.json = json;
	}

	void unauthorized(HttpServletRequest request, HttpServletResponse response, String messageKey) throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, messageKey);
	}

	/** 429 with the seconds to wait in {@code Retry-After} (at least 1). */
	void tooManyRequests(HttpServletRequest request, HttpServletResponse response, java.time.Duration wait,
			String messageKey) throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setHeader("Retry-After", Long.toString(seconds));
		write(request, response, HttpStatus.TOO_MANY_REQUESTS, messageKey);
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", texts.get("problem.title." + status.value()));
		body.put("status", status.value());
		body.put("detail", texts.get(messageKey));
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}
}
