package dk.model3.replicas;

import dk.model3.rules.RuleVersionFiles;
import dk.model3.versions.Publications;

/**
 * One published version as the shared repository holds it: the annotated tag
 * {@code published/<id>}, the checksum its message declares (null when it declares none)
 * and the version folder's files in the commit the tag points to.
 *
 * @param tagObject the tag's object id: a tag moved or replaced is looked at again
 */
record Publication(String id, String tagObject, String declaredChecksum, RuleVersionFiles files) {

	String tag() {
		return Publications.TAG_PREFIX + this.id;
	}

}
