package dk.model3.workbench;

/** No draft (or published version, or file of it) by that name: 404. */
class DraftNotFound extends RuntimeException {

	private final String id;

	DraftNotFound(String message) {
		this(null, message);
	}

	/**
	 * @param id the draft asked for, for the page that says it is unknown
	 */
	DraftNotFound(String id, String message) {
		super(message);
		this.id = id;
	}

	String id() {
		return this.id;
	}

}
