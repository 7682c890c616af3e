package dk.model3.problems;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Records on the current request why it was refused (the problem type), so the metrics
 * count refusals by reason without parsing response bodies.
 */
public final class RejectionReason {

	public static final String ATTRIBUTE = RejectionReason.class.getName();

	private RejectionReason() {
	}

	static void record(String problemType) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(ATTRIBUTE, problemType, RequestAttributes.SCOPE_REQUEST);
		}
	}

	static void record(HttpServletRequest request, String problemType) {
		request.setAttribute(ATTRIBUTE, problemType);
	}

}
