package dk.model3.workbench;

import java.util.Map;

/**
 * An approval names what its approver saw (the files' checksum and the in-force date),
 * and the draft holds something else now: 409, naming each field that changed.
 *
 * @see Drafts#decide
 */
class ChangedSinceSeen extends RuntimeException {

	private final Map<String, String> fields;

	/**
	 * @param fields the body fields that no longer match (e.g. {@code /inForceFrom}),
	 * each with its message
	 */
	ChangedSinceSeen(String message, Map<String, String> fields) {
		super(message);
		this.fields = Map.copyOf(fields);
	}

	Map<String, String> fields() {
		return this.fields;
	}

}
