package dk.model3.problems;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds the service's problems: type {@code urn:model3:problem:<type>}, a title, the
 * status, a detail, and records the type as the request's rejection reason for the
 * metrics. Exception handlers return {@link #of}; filters and the security chain, which
 * run outside Spring MVC, {@link #write} it.
 */
public final class Problems {

	public static final String TYPE_BASE = "urn:model3:problem:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		RejectionReason.record(type);
		return build(status, type, title, detail);
	}

	/**
	 * Writes the problem as the response, for code that runs before Spring MVC (filters,
	 * the security chain).
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String title, String detail) throws IOException {
		RejectionReason.record(request, type);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", TYPE_BASE + type);
		body.put("title", title);
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), body);
	}

	private static ProblemDetail build(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}
