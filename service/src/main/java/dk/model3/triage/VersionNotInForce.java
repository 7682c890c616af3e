package dk.model3.triage;

import java.time.LocalDate;

/**
 * A caseworker pinned an active version that is not the one in force on the assessment
 * date: decisions follow the rules in force, only policy staff may try others.
 */
public class VersionNotInForce extends RuntimeException {

	VersionNotInForce(String pinned, LocalDate date, String inForce) {
		super("rule version \"" + pinned + "\" is not in force on " + date + "; the version in force is " + inForce
				+ ". Only policy staff may pin another version");
	}

}
