package dk.model3.metrics;

import java.io.IOException;
import java.util.Map;

import dk.model3.problems.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts refused requests ({@code 4xx}) by reason as {@code triage.requests.rejected}.
 * Runs outside the security filters so that 401 and 403 are counted too. The reason is
 * the problem type the service recorded, else one named for the status.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RejectedRequests extends OncePerRequestFilter {

	static final String REJECTED = "triage.requests.rejected";

	// problem types whose metric reason reads shorter
	private static final Map<String, String> RENAMED = Map.of("unknown-rules-version", "unknown-version",
			"no-rules-version-in-force", "no-version-in-force");

	private static final Map<Integer, String> BY_STATUS = Map.of(400, "invalid-request", 401, "unauthorized", 403,
			"forbidden", 404, "not-found", 405, "method-not-allowed", 406, "not-acceptable", 413, "payload-too-large",
			415, "unsupported-media-type", 422, "unprocessable");

	private final MeterRegistry registry;

	RejectedRequests(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			if (status >= 400 && status < 500) {
				Counter.builder(REJECTED)
					.description("Requests refused with a 4xx problem, by reason")
					.tag("reason", reason(request, status))
					.register(this.registry)
					.increment();
			}
		}
	}

	static String reason(HttpServletRequest request, int status) {
		Object type = request.getAttribute(RejectionReason.ATTRIBUTE);
		if (type instanceof String problemType) {
			return RENAMED.getOrDefault(problemType, problemType);
		}
		return BY_STATUS.getOrDefault(status, "http-" + status);
	}

}
