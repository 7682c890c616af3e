package dk.model3.workbench;

/** No draft (or published version, or file of it) by that name: 404. */
class DraftNotFound extends RuntimeException {

	DraftNotFound(String message) {
		super(message);
	}

}
