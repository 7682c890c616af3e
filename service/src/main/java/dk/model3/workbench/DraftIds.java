package dk.model3.workbench;

import java.util.regex.Pattern;

/**
 * A draft's id is its version's id, {@code YYYY.NN} (e.g. 2023.02), and nothing else: it
 * names a git branch and a folder, so every call that takes an id checks it here before
 * the repository or the file system is touched.
 */
final class DraftIds {

	private static final Pattern ID = Pattern.compile("[0-9]{4}\\.[0-9]{2}");

	private DraftIds() {
	}

	static boolean valid(String id) {
		return id != null && ID.matcher(id).matches();
	}

	/** The id, or a 400 naming {@code field}. */
	static String require(String id, String field) {
		if (!valid(id)) {
			throw new InvalidDraftRequest(field,
					field.replace("/", "") + ": a version id as YYYY.NN (year, a full stop, two digits), e.g. 2023.02");
		}
		return id;
	}

}
