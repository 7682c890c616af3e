package dk.model3.batch;

/**
 * A line that cannot become a request: its kind and the reason, told to the rejects file.
 */
final class BadLine extends Exception {

	private final String kind;

	BadLine(String kind, String reason) {
		super(reason, null, false, false);
		this.kind = kind;
	}

	String kind() {
		return this.kind;
	}

}
