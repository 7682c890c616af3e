package dk.model3.versions;

import java.util.Optional;

/**
 * What the tag {@code published/<id>} says: the checksum the rule loader computes for the
 * version, who requested and who approved its publication. Written and read here only
 * (the workbench writes it, the history and the followers of a shared repository read
 * it).
 */
public final class Publications {

	/** The tags' names: {@code published/<id>}, under {@code refs/tags/}. */
	public static final String TAG_PREFIX = "published/";

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
