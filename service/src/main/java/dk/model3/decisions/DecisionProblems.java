package dk.model3.decisions;

import java.net.URI;
import java.util.regex.Pattern;

import dk.model3.problems.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An unknown decision is a 404 problem; a review by another caseworker than the one who
 * asked for the decision, a 403; a second review of one, a 409 problem.
 */
@RestControllerAdvice
class DecisionProblems {

	// the shape of the ids this service gives out
	private static final Pattern DECISION_ID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

	@ExceptionHandler(UnknownDecision.class)
	ProblemDetail unknownDecision(UnknownDecision ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "unknown-decision", "Unknown decision", ex.getMessage());
		// the problem names the request path by default, which would repeat whatever was
		// put in place of an id, a CPR number included
		if (ex.decisionId() == null || !DECISION_ID.matcher(ex.decisionId()).matches()) {
			problem.setInstance(URI.create("/api/v1/decisions"));
		}
		return problem;
	}

	@ExceptionHandler(NotTheDecisionMaker.class)
	ProblemDetail notTheDecisionMaker(NotTheDecisionMaker ex) {
		return problem(HttpStatus.FORBIDDEN, "not-the-decision-maker", "Not your decision", ex.getMessage());
	}

	@ExceptionHandler(AlreadyReviewed.class)
	ProblemDetail alreadyReviewed(AlreadyReviewed ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "already-reviewed", "Decision already reviewed",
				ex.getMessage());
		problem.setProperty("review", ex.review());
		return problem;
	}

	// the service's own problems, so the rejection metric names the reason
	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		return Problems.of(status, type, title, detail);
	}

}
