package org.tacit.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.tacit.shared.ProblemException;
import org.tacit.shared.ProblemException.FieldProblem;
import org.tacit.shared.Texts;

/**
 * Turns failures into what the caller can read: RFC 9457 problem+json under /api, an error page
 * elsewhere. Unexpected failures are logged with their stack trace and shown without it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	private final Texts texts;

	ErrorHandling(Texts texts) {
		this.texts = texts;
	}

	@ExceptionHandler(ProblemException.class)
	Object problem(ProblemException e, HttpServletRequest request) {
		return respond(request, e.status(), texts.get(e.messageKey(), e.arguments()), e.fields());
	}

	@ExceptionHandler(BindException.class)
	Object binding(BindException e, HttpServletRequest request) {
		List<FieldProblem> fields = new ArrayList<>();
		e.getFieldErrors().forEach(error -> fields.add(new FieldProblem(error.getField(),
				error.getDefaultMessage() == null ? "problem.invalid" : error.getDefaultMessage())));
		e.getGlobalErrors().forEach(error -> fields.add(new FieldProblem(error.getObjectName(),
				error.getDefaultMessage() == null ? "problem.invalid" : error.getDefaultMessage())));
		return respond(request, HttpStatus.BAD_REQUEST, texts.get("problem.invalid"), fields);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object methodValidation(HandlerMethodValidationException e, HttpServletRequest request) {
		List<FieldProblem> fields = new ArrayList<>();
		e.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
			.forEach(error -> fields.add(new FieldProblem(result.getMethodParameter().getParameterName(),
					error.getDefaultMessage() == null ? "problem.invalid" : error.getDefaultMessage()))));
		return respond(request, HttpStatus.BAD_REQUEST, texts.get("problem.invalid"), fields);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ProblemException problem) {
				return problem(problem, request);
			}
		}
		return respond(request, HttpStatus.BAD_REQUEST, texts.get("problem.unreadable"), List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, texts.get("problem.invalid"),
				List.of(new FieldProblem(e.getName(), "problem.field.format")));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
		return respond(request, HttpStatus.BAD_REQUEST, texts.get("problem.invalid"),
				List.of(new FieldProblem(e.getParameterName(), "problem.field.required")));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException e, HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_FOUND, texts.get("problem.notFound"), List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
		return respond(request, HttpStatus.METHOD_NOT_ALLOWED, texts.get("problem.method"), List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
		return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, texts.get("problem.mediaType"), List.of());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
		return respond(request, HttpStatus.CONTENT_TOO_LARGE, texts.get("problem.tooLarge"), List.of());
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception e, HttpServletRequest request) throws Exception {
		if (e instanceof org.springframework.security.access.AccessDeniedException
				|| e instanceof org.springframework.security.core.AuthenticationException) {
			throw e; // Spring Security answers these with its own entry points
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
		return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, texts.get("problem.unexpected"), List.of());
	}

	private Object respond(HttpServletRequest request, HttpStatus status, String detail, List<FieldProblem> fields) {
		List<Map<String, String>> errors = fields.stream()
			.map(f -> Map.of("field", f.field(), "message", texts.get(f.messageKey(), f.arguments())))
			.toList();
		if (isApi(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			problem.setTitle(texts.get("problem.title." + status.value()));
			problem.setInstance(URI.create(request.getRequestURI()));
			if (!errors.isEmpty()) {
				problem.setProperty("errors", errors);
			}
			return ResponseEntity.status(status).body(problem);
		}
		ModelAndView page = new ModelAndView("error/page");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("problemTitle", texts.get("problem.title." + status.value()));
		page.addObject("detail", detail);
		page.addObject("errors", errors);
		return page;
	}

	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}
