package dk.model3.triage;

import java.util.List;

import dk.model3.problems.Problems;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import dk.model3.rules.NoSingleOutcome;
import dk.model3.rules.versions.NoVersionInForce;
import dk.model3.rules.versions.UnknownVersion;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem. Spring's own exceptions (415, 405, 404 …) come
 * through the base class; the service's own facts map to their statuses here. Nothing
 * leaks a stack trace.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	@ExceptionHandler(InvalidRequest.class)
	ProblemDetail invalidRequest(InvalidRequest ex) {
		int places = ex.errors().size() + ex.omitted();
		String detail = "The request breaks the contract in " + places + " place(s); see errors" + ((ex.omitted() > 0)
				? " for the first " + ex.errors().size() + ", and " + ex.omitted() + " more." : ".");
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid triage request", detail);
		problem.setProperty("errors", ex.errors());
		if (ex.omitted() > 0) {
			problem.setProperty("moreErrors", ex.omitted());
		}
		return problem;
	}

	@ExceptionHandler(PayloadTooLarge.class)
	ProblemDetail payloadTooLarge(PayloadTooLarge ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, PayloadTooLarge.TYPE, PayloadTooLarge.TITLE, ex.getMessage());
	}

	@ExceptionHandler(RequestBodyLimits.BodyTooSlow.class)
	ProblemDetail bodyTooSlow(RequestBodyLimits.BodyTooSlow ex, HttpServletResponse response) {
		// the rest of the body is not waited for: the connection ends with this answer
		response.setHeader(HttpHeaders.CONNECTION, "close");
		return problem(HttpStatus.REQUEST_TIMEOUT, "request-body-too-slow", "Request body too slow", ex.getMessage());
	}

	@ExceptionHandler(UnknownVersion.class)
	ProblemDetail unknownVersion(UnknownVersion ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-rules-version", "Unknown rule version",
				ex.getMessage());
		problem.setProperty("errors", List.of(new FieldError("/rulesVersion", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(NoVersionInForce.class)
	ProblemDetail noVersionInForce(NoVersionInForce ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "no-rules-version-in-force",
				"No rule version in force", ex.getMessage());
		problem.setProperty("errors", List.of(new FieldError("/assessmentDate", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(VersionNotInForce.class)
	ProblemDetail versionNotInForce(VersionNotInForce ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rules-version-not-in-force",
				"Rule version not in force", ex.getMessage());
		problem.setProperty("errors", List.of(new FieldError("/rulesVersion", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(NoSingleOutcome.class)
	ProblemDetail noSingleOutcome(NoSingleOutcome ex) {
		log.error("Rule defect: {}", ex.getMessage());
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "rules-defect", "The rules gave no single outcome",
				ex.getMessage() + ". Report it to policy staff; the case needs manual handling meanwhile.");
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		return Problems.of(status, type, title, detail);
	}

}
