package dk.model3.spark;

/** A row that cannot be read as a request, with the kind of fault and why. */
class BadRow extends Exception {

	private final String kind;

	BadRow(String kind, String reason) {
		super(reason);
		this.kind = kind;
	}

	String kind() {
		return this.kind;
	}

}
