package dk.model3.workbench;

/**
 * Four eyes: the draft's author (or the one who requested it) may not approve it: 403.
 */
class AuthorCannotApprove extends RuntimeException {

	AuthorCannotApprove(String message) {
		super(message);
	}

}
