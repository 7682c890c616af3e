package dk.model3.rules;

import java.util.List;

import dk.model3.facts.Profile;

/**
 * Reads which sides of an {@code ||} inside one constraint held for a profile, so a rule
 * that fired on one side reports that side's facts only. The rule language reads the
 * constraint; the compiler hands its reader to the version it compiles.
 */
public interface OrSides {

	/** Reports every field a constraint names: what a version without a reader does. */
	OrSides NONE = (constraint, profile) -> null;

	/**
	 * The fields of the sides that held, in the order the constraint names them; null
	 * when the constraint cannot be read or the reading disagrees with the engine.
	 * @param constraint the constraint's text as the rule file has it
	 * @param profile the profile it held for
	 */
	List<String> held(String constraint, Profile profile);

}
