package dk.model3.decisions;

import dk.model3.request.RequestReader;

/** No decision with this id is in the decision log (never made, or past retention). */
public final class UnknownDecision extends RuntimeException {

	private final String decisionId;

	public UnknownDecision(String decisionId) {
		super("No decision with id " + RequestReader.maskCpr(String.valueOf(decisionId))
				+ " is in the decision log: it was not made here, or it is older than the retention period");
		this.decisionId = decisionId;
	}

	public String decisionId() {
		return this.decisionId;
	}

}
