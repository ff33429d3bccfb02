package org.tacit.shared.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.tacit.shared.Paging;
import org.tacit.shared.ProblemException;

/** Reads {@code page} and {@code size} (or its alias {@code limit}) into a checked {@link Paging}. */
class PagingArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Paging.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		int page = number(request, "page", 0);
		String sizeName = request.getParameter("size") == null && request.getParameter("limit") != null ? "limit" : "size";
		int size = number(request, sizeName, Paging.DEFAULT_SIZE);
		try {
			return new Paging(page, size);
		}
		catch (ProblemException e) {
			if ("limit".equals(sizeName) && "size".equals(e.fields().get(0).field())) {
				throw ProblemException.invalid("limit", "paging.size.range", Paging.MAX_SIZE);
			}
			throw e;
		}
	}

	private static int number(NativeWebRequest request, String name, int fallback) {
		String value = request.getParameter(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			throw ProblemException.invalid(name, "problem.field.format");
		}
	}
}
