package dk.model3.decisions;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An unknown decision is a 404 problem; a second review of one, a 409 problem. */
@RestControllerAdvice
class DecisionProblems {

	@ExceptionHandler(UnknownDecision.class)
	ProblemDetail unknownDecision(UnknownDecision ex) {
		return problem(HttpStatus.NOT_FOUND, "unknown-decision", "Unknown decision", ex.getMessage());
	}

	@ExceptionHandler(AlreadyReviewed.class)
	ProblemDetail alreadyReviewed(AlreadyReviewed ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "already-reviewed", "Decision already reviewed",
				ex.getMessage());
		problem.setProperty("review", ex.review());
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:model3:problem:" + type));
		problem.setTitle(title);
		return problem;
	}

}
