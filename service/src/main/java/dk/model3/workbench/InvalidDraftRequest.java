package dk.model3.workbench;

/** A body field the workbench cannot take: 400, naming the field. */
class InvalidDraftRequest extends RuntimeException {

	private final String field;

	InvalidDraftRequest(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
