package dk.model3.triage;

import java.net.URI;
import java.util.List;

import dk.model3.request.InvalidRequest;
import dk.model3.rules.NoSingleOutcome;
import dk.model3.rules.NoVersionInForce;
import dk.model3.rules.UnknownVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	static final String TYPE_BASE = "urn:model3:problem:";

	@ExceptionHandler(InvalidRequest.class)
	ProblemDetail invalidRequest(InvalidRequest ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid triage request",
				"The request breaks the contract in " + ex.errors().size() + " place(s); see errors.");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	@ExceptionHandler(PayloadTooLarge.class)
	ProblemDetail payloadTooLarge(PayloadTooLarge ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large", ex.getMessage());
	}

	@ExceptionHandler(UnknownVersion.class)
	ProblemDetail unknownVersion(UnknownVersion ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-rules-version", "Unknown rule version",
				ex.getMessage());
		problem.setProperty("errors", List.of(new dk.model3.request.FieldError("/rulesVersion", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(NoVersionInForce.class)
	ProblemDetail noVersionInForce(NoVersionInForce ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "no-rules-version-in-force",
				"No rule version in force", ex.getMessage());
		problem.setProperty("errors", List.of(new dk.model3.request.FieldError("/assessmentDate", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(NoSingleOutcome.class)
	ProblemDetail noSingleOutcome(NoSingleOutcome ex) {
		log.error("Rule defect: {}", ex.getMessage());
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "rules-defect", "The rules gave no single outcome",
				ex.getMessage() + ". Report it to policy staff; the case needs manual handling meanwhile.");
	}

	static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		RejectionReason.record(type);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

}
