package dk.model3.decisions;

import dk.model3.audit.ReviewRecord;

/** Told of every review after the decision log recorded it: the metrics. */
public interface ReviewObserver {

	void reviewed(ReviewRecord review);

}
