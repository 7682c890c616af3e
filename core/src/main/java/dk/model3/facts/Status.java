package dk.model3.facts;

/** The kind of outcome: every triage has exactly one. */
public enum Status {

	PLACED, OUT_OF_SCOPE, MANUAL_REVIEW

}
