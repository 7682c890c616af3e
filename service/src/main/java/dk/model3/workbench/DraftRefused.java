package dk.model3.workbench;

/**
 * What the draft's state does not allow now: an edit of a draft that is no longer
 * {@code DRAFT}, a request or approval while a check fails or is out of date, an id that
 * exists: 409, with a reason code as the problem's type.
 */
class DraftRefused extends RuntimeException {

	private final String reason;

	DraftRefused(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	String reason() {
		return this.reason;
	}

}
