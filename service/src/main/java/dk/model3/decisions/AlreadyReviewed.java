package dk.model3.decisions;

import dk.model3.audit.ReviewRecord;

/** The decision has a review already; a review is never changed. */
public final class AlreadyReviewed extends RuntimeException {

	private final transient ReviewRecord review;

	public AlreadyReviewed(ReviewRecord review) {
		super("Decision " + review.decisionId() + " was already reviewed (" + review.result() + " at " + review.time()
				+ "); a review is not changed");
		this.review = review;
	}

	public ReviewRecord review() {
		return this.review;
	}

}
