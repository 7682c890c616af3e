package dk.model3.decisions;

/** A review sent by another caseworker than the one who asked for the recommendation. */
public final class NotTheDecisionMaker extends RuntimeException {

	public NotTheDecisionMaker(String decisionId) {
		super("Decision " + decisionId + " was made by another caseworker; only they record its review");
	}

}
