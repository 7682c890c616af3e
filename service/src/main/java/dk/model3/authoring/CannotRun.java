package dk.model3.authoring;

/**
 * A command cannot do its work: the message says why in plain words; the exit code is 2
 * for bad usage or input, 1 when the rules themselves are at fault.
 */
final class CannotRun extends RuntimeException {

	private final int exitCode;

	CannotRun(String message) {
		this(message, 2);
	}

	CannotRun(String message, int exitCode) {
		super(message);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

}
