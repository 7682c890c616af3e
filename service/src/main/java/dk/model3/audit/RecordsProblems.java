package dk.model3.audit;

import dk.model3.problems.Problems;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A decision the database could not store is answered 503, not given. The failure is
 * logged by {@link RecordsHealth}, a line a minute, not here per request.
 */
@RestControllerAdvice
class RecordsProblems {

	private final RecordsHealth health;

	RecordsProblems(RecordsHealth health) {
		this.health = health;
	}

	@ExceptionHandler(RecordsUnavailable.class)
	ProblemDetail unavailable(RecordsUnavailable ex) {
		return unavailable();
	}

	/** A read of the records that failed: the database is down too. */
	@ExceptionHandler(DataAccessException.class)
	ProblemDetail unavailable(DataAccessException ex) {
		this.health.failed(ex);
		return unavailable();
	}

	private static ProblemDetail unavailable() {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "records-unavailable", "Records unavailable",
				"The records database could not be reached, so nothing was decided or stored. Try again shortly.");
	}

}
