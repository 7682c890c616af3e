package dk.model3.workbench;

/**
 * Four eyes: whoever created the draft, saved or uploaded any of its files, or requested
 * its publication may not approve or reject it (names compared without case): 403.
 */
class ApproverTookPart extends RuntimeException {

	ApproverTookPart(String message) {
		super(message);
	}

}
