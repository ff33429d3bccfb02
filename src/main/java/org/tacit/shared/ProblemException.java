package org.tacit.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the user can act on. The text comes from messages.properties by key, so the web page
 * and the problem+json body say the same thing. {@code fields} names the inputs at fault.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;
	private final String messageKey;
	private final transient Object[] arguments;
	private final List<FieldProblem> fields;

	public ProblemException(HttpStatus status, String messageKey, List<FieldProblem> fields, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
		this.fields = List.copyOf(fields);
	}

	/** The record does not exist, or belongs to an organization the caller cannot see. */
	public static ProblemException notFound() {
		return new ProblemException(HttpStatus.NOT_FOUND, "problem.notFound", List.of());
	}

	public static ProblemException forbidden() {
		return new ProblemException(HttpStatus.FORBIDDEN, "problem.forbidden", List.of());
	}

	/** Bad input in one field; {@code messageKey} says what to fix. */
	public static ProblemException invalid(String field, String messageKey, Object... arguments) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "problem.invalid",
				List.of(new FieldProblem(field, messageKey, arguments)));
	}

	/** The request clashes with the current state (a taken slug, the last administrator). */
	public static ProblemException conflict(String field, String messageKey, Object... arguments) {
		return new ProblemException(HttpStatus.CONFLICT, messageKey,
				field == null ? List.of() : List.of(new FieldProblem(field, messageKey, arguments)), arguments);
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}

	public List<FieldProblem> fields() {
		return fields;
	}

	/** One input at fault, with the message key that says what is wrong with it. */
	public record FieldProblem(String field, String messageKey, Object... arguments) {
	}
}
