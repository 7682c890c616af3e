package dk.model3.versions;

import dk.model3.rules.RuleVersionFiles;

/**
 * One published version as a repository of versions holds it: the annotated tag
 * {@code published/<id>}, the checksum its message declares (null when it declares none)
 * and the version folder's files in the commit the tag points to, read as the rule loader
 * reads a folder on disk ({@code files().problems()} says what was not read).
 *
 * @param tagObject the tag's object id: a tag moved or replaced is looked at again
 */
public record Publication(String id, String tagObject, String declaredChecksum, RuleVersionFiles files) {

	/** The tag's name, {@code published/<id>}. */
	public String tag() {
		return Publications.TAG_PREFIX + this.id;
	}

}
