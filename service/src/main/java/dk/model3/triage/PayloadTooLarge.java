package dk.model3.triage;

/** A request body over the configured limit. */
class PayloadTooLarge extends RuntimeException {

	static final String TYPE = "payload-too-large";

	static final String TITLE = "Request body too large";

	PayloadTooLarge(long limit) {
		super("the request body is larger than " + limit + " bytes");
	}

}
