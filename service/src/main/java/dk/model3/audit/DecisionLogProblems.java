package dk.model3.audit;

import dk.model3.problems.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A decision the log could not record is answered with 503, not given. */
@RestControllerAdvice
class DecisionLogProblems {

	private static final Logger log = LoggerFactory.getLogger(DecisionLogProblems.class);

	@ExceptionHandler(DecisionLog.DecisionLogUnavailable.class)
	ProblemDetail unavailable(DecisionLog.DecisionLogUnavailable ex) {
		log.error("Decision log write failed; refusing decisions until it works again", ex.getCause());
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "decision-log-unavailable", "Decision log unavailable",
				"The decision could not be recorded in the decision log, so it was not given. Try again later.");
	}

}
