package dk.model3.decisions;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dk.model3.audit.DecisionRecords;
import dk.model3.audit.DecisionRecord;
import dk.model3.audit.ReviewRecord;
import dk.model3.request.FieldError;
import dk.model3.request.InvalidRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The caseworker's review of a recommendation: recorded once per decision, by the
 * caseworker who asked for it, committed to the records before it is answered, then
 * counted in the metrics.
 */
@Service
public class Reviews {

	private final DecisionRecords records;

	private final Clock clock;

	private final List<ReviewObserver> observers;

	Reviews(DecisionRecords records, Clock clock, ObjectProvider<ReviewObserver> observers) {
		this.records = records;
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
		mayReview(decision, reviewer);
		return record(decision, ReviewRequest.read(body), reviewer);
	}

	/**
	 * Records a review.
	 * @throws UnknownDecision when the records have no decision with the id
	 * @throws NotTheDecisionMaker when another caseworker asked for the decision
	 * @throws InvalidRequest when an override repeats the recommendation
	 * @throws AlreadyReviewed when the decision has a review
	 */
	public ReviewRecord review(String decisionId, ReviewRequest request, String reviewer) {
		DecisionRecord decision = decision(decisionId);
		mayReview(decision, reviewer);
		return record(decision, request, reviewer);
	}

	/** The review of a decision, if it has one. */
	public Optional<ReviewRecord> reviewOf(String decisionId) {
		return this.records.review(decisionId);
	}

	/** Records that the signed-in user read the decision's review page. */
	public void pageRead(String decisionId, String reader) {
		if (this.records.decision(decisionId).isPresent()) {
			this.records.read(decisionId, reader, "REVIEW_PAGE");
		}
	}

	/**
	 * Accepted and overridden reviews per deciding rule, per tier given and per reason,
	 * of one rule version (all versions when null).
	 */
	public ReviewSummary summary(String version) {
		return ReviewSummary.of(this.records.reviewCounts(version), version);
	}

	private DecisionRecord decision(String decisionId) {
		return this.records.decision(decisionId).orElseThrow(() -> new UnknownDecision(decisionId));
	}

	// the caseworker who asked for the recommendation reviews it; decisions imported from
	// the former log name nobody, and any caseworker may review those
	private void mayReview(DecisionRecord decision, String reviewer) {
		String caseworker = this.records.caseworker(decision.decisionId()).orElse(null);
		if (caseworker != null && !caseworker.equals(reviewer)) {
			throw new NotTheDecisionMaker(decision.decisionId());
		}
	}

	private ReviewRecord record(DecisionRecord decision, ReviewRequest request, String reviewer) {
		DecisionRecord.Result recommended = decision.outcome();
		boolean accepted = request.result() == ReviewRecord.Result.ACCEPTED;
		if (!accepted && request.status() == recommended.status() && request.tier() == recommended.tier()
				&& request.responsibleArea() == recommended.responsibleArea()) {
			throw new InvalidRequest(List.of(new FieldError("/result",
					"OVERRIDDEN with the recommended status, tier and area; send ACCEPTED to follow the recommendation")));
		}
		ReviewRecord review = new ReviewRecord(ReviewRecord.KIND, decision.decisionId(),
				this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), reviewer, request.result(),
				accepted ? recommended.status() : request.status(), accepted ? recommended.tier() : request.tier(),
				accepted ? recommended.responsibleArea() : request.responsibleArea(),
				(request.reason() != null) ? request.reason().name() : null,
				new ReviewRecord.Recommendation(recommended.status(), recommended.tier(),
						recommended.responsibleArea()),
				decision.rulesVersion(), decision.rulesChecksum(), decision.decidingRuleId(), this.records.instance());
		if (!this.records.reviewed(review)) {
			throw new AlreadyReviewed(this.records.review(decision.decisionId()).orElse(review));
		}
		this.observers.forEach((observer) -> observer.reviewed(review));
		return review;
	}

}
