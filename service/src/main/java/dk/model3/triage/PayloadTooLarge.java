package dk.model3.triage;

/** A request body over the configured limit. */
class PayloadTooLarge extends RuntimeException {

	PayloadTooLarge(long limit) {
		super("the request body is larger than " + limit + " bytes");
	}

}
