package org.tacit.shared.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tacit.shared.Limits;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/**
 * Refuses API request bodies above {@link Limits#MAX_REQUEST_BYTES} (or a {@link LargerRequestBody} a
 * module declared for its path), whether the size is declared up front or only discovered while
 * reading a chunked body.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;
	private final Texts texts;
	private final List<LargerRequestBody> larger;
	private final org.springframework.util.AntPathMatcher paths = new org.springframework.util.AntPathMatcher();

	RequestSizeLimitFilter(long maxBytes, Texts texts, List<LargerRequestBody> larger) {
		this.maxBytes = maxBytes;
		this.texts = texts;
		this.larger = List.copyOf(larger);
	}

	/** The limit for this request: the general one, or a larger one a module declared for its path. */
	private long limitOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return larger.stream()
			.filter(l -> paths.match(l.pathPattern(), path))
			.mapToLong(LargerRequestBody::maxBytes)
			.max()
			.orElse(maxBytes);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ErrorHandling.isApi(request) || (request.getContentType() != null
				&& request.getContentType().startsWith("multipart/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long maxBytes = limitOf(request);
		if (request.getContentLengthLong() > maxBytes) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			// the texts are plain sentences without quotes or backslashes, so they go into JSON as they are
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + texts.get("problem.title.413")
					+ "\",\"status\":413,\"detail\":\"" + texts.get("problem.tooLarge") + "\",\"instance\":\""
					+ request.getRequestURI().replace("\"", "%22").replace("\\", "%5C") + "\"}");
			return;
		}
		chain.doFilter(new LimitedRequest(request, maxBytes), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		LimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {
				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) throws IOException {
					read += n;
					if (read > maxBytes) {
						throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge", List.of());
					}
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}
	}
}
