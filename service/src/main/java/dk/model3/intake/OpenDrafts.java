package dk.model3.intake;

import java.util.List;
import java.util.Locale;

/**
 * The rule workbench's drafts open for editing, offered on the intake page's result to a
 * user who also holds the policy role, to add the citizen to one of them as a scenario.
 * There is one only while the workbench is on.
 */
public interface OpenDrafts {

	/**
	 * The drafts a scenario may be added to now, by id; none when they cannot be read.
	 * @param locale the page's language, for each draft's title
	 */
	List<OpenDraft> open(Locale locale);

	/** A draft to choose: its id and title. */
	record OpenDraft(String id, String title) {
	}

}
