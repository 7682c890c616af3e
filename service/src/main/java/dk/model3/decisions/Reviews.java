package dk.model3.decisions;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dk.model3.audit.DecisionLog;
import dk.model3.audit.DecisionRecord;
import dk.model3.audit.ReviewRecord;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The caseworker's review of a recommendation: recorded once per decision, in the
 * decision log before it is answered, then counted in the metrics.
 */
@Service
public class Reviews {

	private final DecisionLog log;

	private final Clock clock;

	private final List<ReviewObserver> observers;

	Reviews(DecisionLog log, Clock clock, ObjectProvider<ReviewObserver> observers) {
		this.log = log;
		this.clock = clock;
		this.observers = observers.orderedStream().toList();
	}

	/** The reason codes a caseworker may give, in the order to offer them. */
	public List<ReviewReason> reasons() {
		return Arrays.asList(ReviewReason.values());
	}

	/**
	 * Reads and records a review sent as JSON: 404 before 400 before 409, so a caller
	 * learns first whether the decision exists.
	 */
	public ReviewRecord review(String decisionId, JsonNode body, String reviewer) {
		DecisionRecord decision = decision(decisionId);
		return record(decision, ReviewRequest.read(body), reviewer);
	}

	/**
	 * Records a review.
	 * @throws UnknownDecision when the log has no decision with the id
	 * @throws InvalidRequest when an override repeats the recommendation
	 * @throws AlreadyReviewed when the decision has a review
	 */
	public ReviewRecord review(String decisionId, ReviewRequest request, String reviewer) {
		return record(decision(decisionId), request, reviewer);
	}

	/** The review of a decision, if it has one. */
	public Optional<ReviewRecord> reviewOf(String decisionId) {
		return this.log.review(decisionId);
	}

	/**
	 * Accepted and overridden reviews per deciding rule, per tier given and per reason,
	 * of one rule version (all versions when null).
	 */
	public ReviewSummary summary(String version) {
		return ReviewSummary.of(this.log.reviews(), version);
	}

	private DecisionRecord decision(String decisionId) {
		return this.log.decision(decisionId).orElseThrow(() -> new UnknownDecision(decisionId));
	}

	private ReviewRecord record(DecisionRecord decision, ReviewRequest request, String reviewer) {
		DecisionRecord.Result recommended = decision.outcome();
		boolean accepted = request.result() == ReviewRecord.Result.ACCEPTED;
		if (!accepted && request.status() == recommended.status() && request.tier() == recommended.tier()
				&& request.responsibleArea() == recommended.responsibleArea()) {
			throw new InvalidRequest(List.of(new FieldError("/result",
					"OVERRIDDEN with the recommended status, tier and area; send ACCEPTED to follow the recommendation")));
		}
		ReviewRecord review = new ReviewRecord(ReviewRecord.KIND, decision.decisionId(), this.clock.instant(), reviewer,
				request.result(), accepted ? recommended.status() : request.status(),
				accepted ? recommended.tier() : request.tier(),
				accepted ? recommended.responsibleArea() : request.responsibleArea(),
				(request.reason() != null) ? request.reason().name() : null,
				new ReviewRecord.Recommendation(recommended.status(), recommended.tier(),
						recommended.responsibleArea()),
				decision.rulesVersion(), decision.rulesChecksum(), decision.decidingRuleId(), this.log.instance());
		if (!this.log.reviewed(review)) {
			throw new AlreadyReviewed(this.log.review(decision.decisionId()).orElse(review));
		}
		this.observers.forEach((observer) -> observer.reviewed(review));
		return review;
	}

}
