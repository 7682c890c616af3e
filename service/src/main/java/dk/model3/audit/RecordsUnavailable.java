package dk.model3.audit;

/** The database could not store a record, so what depended on it was not answered. */
public final class RecordsUnavailable extends RuntimeException {

	RecordsUnavailable(Throwable cause) {
		super("the records database could not store the decision: " + cause.getMessage(), cause);
	}

}
