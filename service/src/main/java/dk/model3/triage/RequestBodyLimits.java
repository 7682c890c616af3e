package dk.model3.triage;

import java.io.IOException;

import dk.model3.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what reading a request body may cost. Its size: over
 * {@code triage.max-request-bytes} is a 413, up front when the length is declared, while
 * reading when it is chunked. Its time: the whole body must arrive within
 * {@code triage.request-body-deadline} of the request's start, or the request is cut off
 * with a 408. Tomcat's own timeout is between reads only, so a client sending one byte a
 * second would otherwise hold a worker thread for as long as it likes.
 */
@Component
// first, before the sign-in and its password check: the deadline counts from the
// request's
// start, and a body too large is refused before anything else is done for it
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimits extends OncePerRequestFilter {

	private final long limit;

	private final long deadlineNanos;

	RequestBodyLimits(TriageProperties properties) {
		this.limit = properties.maxRequestBytes();
		this.deadlineNanos = properties.requestBodyDeadline().toNanos();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, PayloadTooLarge.TYPE, PayloadTooLarge.TITLE,
					new PayloadTooLarge(this.limit).getMessage());
			return;
		}
		chain.doFilter(new Limited(request, this.limit, System.nanoTime() + this.deadlineNanos), response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private final long deadline;

		Limited(HttpServletRequest request, long limit, long deadline) {
			super(request);
			this.limit = limit;
			this.deadline = deadline;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					checkDeadline();
					int b = in.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					checkDeadline();
					int n = in.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) {
					this.read += n;
					if (this.read > Limited.this.limit) {
						throw new PayloadTooLarge(Limited.this.limit);
					}
					checkDeadline();
				}

				private void checkDeadline() {
					if (System.nanoTime() - Limited.this.deadline > 0 && !in.isFinished()) {
						setAttribute(UnreadBodyValve.CUT_OFF, Boolean.TRUE);
						throw new BodyTooSlow();
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

	/** A body that did not arrive within the deadline. */
	static final class BodyTooSlow extends RuntimeException {

		BodyTooSlow() {
			super("the request body did not arrive in time; send it at once");
		}

	}

}
