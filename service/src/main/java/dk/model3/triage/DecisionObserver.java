package dk.model3.triage;

import java.time.LocalDate;

import dk.model3.request.TriageRequest;
import dk.model3.rules.Decision;

/**
 * Told of every decision the API makes, before it is answered: the decision log and the
 * metrics. An observer that throws fails the request, so a decision is never answered
 * that the log could not record.
 */
public interface DecisionObserver {

	void decided(String decisionId, TriageRequest request, LocalDate assessmentDate, Decision decision,
			long evaluationNanos);

}
