package dk.model3.versions;

import java.util.Optional;

/**
 * What the tag {@code published/<id>} says: the checksum the rule loader computes for the
 * version, who requested and who approved its publication.
 */
public final class Publications {

	private Publications() {
	}

	public static String tagMessage(String version, String checksum, String requestedBy, String approvedBy) {
		return "Published rule version " + version + "\n\nchecksum: " + checksum + "\nrequested-by: " + requestedBy
				+ "\napproved-by: " + approvedBy + "\n";
	}

	/** A line {@code key: value} of a tag message. */
	public static Optional<String> field(String tagMessage, String key) {
		return tagMessage.lines()
			.filter((line) -> line.startsWith(key + ": "))
			.map((line) -> line.substring(key.length() + 2).strip())
			.findFirst();
	}

}
