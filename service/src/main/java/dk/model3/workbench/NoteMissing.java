package dk.model3.workbench;

import java.util.List;

/**
 * A publication is requested for a draft without a change note of its own, in Danish and
 * English: 409, naming the note's fields.
 */
class NoteMissing extends RuntimeException {

	static final List<String> FIELDS = List.of("/note/da", "/note/en");

	NoteMissing(String id) {
		super("The draft " + id + " has no change note: say what it changes, in Danish and English "
				+ "(PUT /api/v1/drafts/" + id + "/note), then request its publication.");
	}

}
